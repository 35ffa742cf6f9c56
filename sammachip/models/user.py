from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import BigInteger, DateTime, ForeignKey, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..crypto import SECRET
from ..extensions import db
from .base import Timestamps
from .sealed import KeyedRow, SealedField

ROLES = ("admin", "province", "district", "officer")
NOBODY = generate_password_hash("no account has this password")


class User(UserMixin, Timestamps, KeyedRow, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256))
    full_name: Mapped[str] = mapped_column(String(120), default="")
    role: Mapped[str] = mapped_column(String(16))
    # The area: province for "province", district (and its province) for
    # "district" and "officer", none for "admin".
    province_code: Mapped[str | None] = mapped_column(String(2), index=True)
    district_code: Mapped[str | None] = mapped_column(String(4), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    # Two-factor login (domain/two_factor.py): the authenticator's secret once confirmed, sealed
    # under the row's key_id (crypto.py; rotate-keys moves it), and the last code's time step
    # (a code works once).
    totp_secret = SealedField(SECRET, empty=None)
    totp_secret_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    totp_last_step: Mapped[int | None] = mapped_column(BigInteger)

    coordinated: Mapped[list["UserSubdistrict"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="joined"
    )

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @staticmethod
    def check_no_password(password: str) -> bool:
        """The same work for a name that has no account, so timing does not tell which names exist."""
        check_password_hash(NOBODY, password)
        return False

    @property
    def has_totp(self) -> bool:
        """Two-factor login is on (read without opening the secret)."""
        return self.totp_secret_enc is not None

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    session_key = None  # (not a column) set by domain/sessions.py for the signed-in device

    def get_id(self) -> str | None:
        """What the cookies carry: the device's session key, nothing of the password."""
        return self.session_key

    @property
    def coordinated_codes(self) -> list[str]:
        return sorted(c.subdistrict_code for c in self.coordinated)


class UserSubdistrict(db.Model):
    """An officer's tambon coordination: subdistricts they look after."""

    __tablename__ = "user_subdistricts"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    subdistrict_code: Mapped[str] = mapped_column(String(6), primary_key=True)

    user: Mapped[User] = relationship(back_populates="coordinated")


class LoginFailure(db.Model):
    """A wrong password, kept for 15 minutes' throttling (domain/throttle.py). In the
    database, so every app server and worker counts the same failures."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), index=True)  # as typed, lower-cased: unknown names count too
    address: Mapped[str] = mapped_column(String(45), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class UserSession(db.Model):
    """One signed-in device. The cookie (and the remember-me cookie) carry only
    this row's random key, so logging out, a password change or "sign out
    everywhere" ends every copy of the cookie (domain/sessions.py)."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the cookie's key
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The end of the password hash when it began (kept here, never in a cookie): any
    # password change, by whatever path, ends the session.
    password_stamp: Mapped[str] = mapped_column(String(16))


class RecoveryCode(db.Model):
    """A one-time code for signing in without the phone: only its hash is kept."""

    __tablename__ = "recovery_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
