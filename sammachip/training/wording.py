"""Thai (and English) for the training pages and prints."""
from flask_babel import gettext as _


def training_place(day) -> str:
    """Where a training day is held: the learning centre by name, and the place as typed."""
    parts = [_("ศูนย์เรียนรู้ชุมชน%(name)s", name=day.learning_centre.name)] if day.learning_centre_id else []
    return " · ".join(parts + ([day.place_text] if day.place_text else []))
