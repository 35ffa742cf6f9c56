from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import User


def configure_login(login_manager) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("กรุณาเข้าสู่ระบบก่อน")
    login_manager.login_message_category = "info"

    @login_manager.user_loader
    def load_user(user_id: str) -> User | None:
        return db.session.get(User, int(user_id))
