"""All models, importable from one place: `from sammachip.models import Village`."""
from .user import ROLES, User, UserSubdistrict
from .village import Village

__all__ = ["ROLES", "User", "UserSubdistrict", "Village"]
