"""Thai (and English) for the learning centres' pages."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..labels import role_label

PLACE_KINDS = {"sage_house": _l("บ้านปราชญ์"), "community": _l("อาคารของชุมชน")}


def host_label(sage) -> str:
    """A host to tick: name, the year of the row and its role."""
    role = " · " + role_label(sage.role) if sage.role else ""
    return _("%(name)s (ปี %(fy)s%(role)s)", name=sage.name, fy=sage.fiscal_year, role=role)


def place_label(kind: str) -> str:
    return str(PLACE_KINDS.get(kind, ""))
