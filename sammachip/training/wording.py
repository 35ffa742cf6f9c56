"""Thai (and English) for the training pages and prints."""
from flask_babel import gettext as _


def training_place(day) -> str:
    """Where a training day is held: the learning centre by its name (which says ศูนย์เรียนรู้, or is
    prefixed with it), and the place as typed."""
    parts = []
    if day.learning_centre_id:
        name = day.learning_centre.name
        parts.append(name if name.startswith("ศูนย์") else _("ศูนย์เรียนรู้ชุมชน%(name)s", name=name))
    return " · ".join(parts + ([day.place_text] if day.place_text else []))
