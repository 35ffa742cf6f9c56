"""Flask commands: `flask --app app seed-demo`, `create-user`, ..."""
import click
from flask import Flask
from sqlalchemy import select

from .clock import utcnow
from .domain import geo, passwords
from .domain.sessions import end_all
from .extensions import db
from .models import ROLES, User
from .users.rules import apply_area, area_error

WEAK_PASSWORD = {"short": "must be at least {n} characters", "common": "is a common password, easy to guess",
                 "username": "must not contain the username"}


def init_commands(app: Flask) -> None:
    @app.cli.command("seed-demo")
    def seed_demo_command():
        """Load the demo districts, villages and users (safe to run twice)."""
        from .demo import DEMO_PASSWORD, DEMO_USERS, seed_demo

        seed_demo(db.session)
        names = ", ".join(u[0] for u in DEMO_USERS)
        click.echo(f"Demo data ready. Users: {names}; password (demo only): {DEMO_PASSWORD}")
        if app.config["REQUIRE_TOTP"]:
            click.echo("REQUIRE_TOTP is on: admin and district users set up two-factor login (an "
                       "authenticator app) at their first sign-in.")
        else:
            click.echo("REQUIRE_TOTP is off (development): two-factor login is optional; in production "
                       "it is on by default and required for admin and district users.")

    @app.cli.command("rebuild-facts")
    def rebuild_facts_command():
        """Recount every village-year's facts from the records (after an upgrade, a restore or a bulk load)."""
        from .domain.facts import rebuild

        n = rebuild(db.session)
        db.session.commit()
        click.echo(f"Facts recounted: {n} village-years.")

    @app.cli.command("backup")
    @click.option("--to", "folder", default="", help="folder for the backup (default: instance/backups)")
    def backup_command(folder):
        """Copy the database (and the photo folder) while the app runs; README: Backups."""
        from pathlib import Path

        from .backup import backup
        from .photos.storage import photo_folder

        target = backup(app.config["SQLALCHEMY_DATABASE_URI"], Path(folder or Path(app.instance_path) / "backups"),
                        utcnow(), photo_folder())
        click.echo(f"Backup written: {target}")

    @app.cli.command("apply-retention")
    @click.option("--dry-run", is_flag=True, help="print what would go, change nothing")
    def apply_retention_command(dry_run):
        """Delete abandoned drafts and anonymise closed years' households (README: Security and privacy)."""
        from .retention import apply_retention

        for line in apply_retention(app.config["RETENTION_DRAFT_DAYS"], app.config["RETENTION_YEARS"], dry_run):
            click.echo(line)

    @app.cli.command("rotate-keys")
    @click.option("--batch", default=500, show_default=True, help="rows per transaction")
    def rotate_keys_command(batch):
        """Seal every national ID and phone (in drafts too) and every TOTP secret again under DATA_KEYS'
        first (current) key; safe while the app runs and to repeat. Keep the old key in DATA_KEYS
        until this says no row is left on it."""
        from .crypto import keyring
        from .domain.keys import rotate

        ring = keyring()
        done = rotate(db.session, ring, batch)
        for table, rows in done.rows.items():
            click.echo(f"{table}: {rows} rows moved to key {ring.current_id}")
        if any(done.unknown.values()):
            left = ", ".join(f"{t}: {n}" for t, n in done.unknown.items() if n)
            raise click.ClickException(f"rows under a key missing from DATA_KEYS ({left}): add that key back")
        click.echo(f"Every row is on key {ring.current_id}; older keys may now leave DATA_KEYS.")

    @app.cli.command("create-user")
    @click.option("--username", prompt=True)
    @click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
    @click.option("--role", type=click.Choice(ROLES), prompt=True)
    @click.option("--district", "district_code", default="", help="4-digit district code (district, officer)")
    @click.option("--province", "province_code", default="", help="2-digit province code (province)")
    @click.option("--subdistrict", "subdistricts", multiple=True, help="6-digit code an officer coordinates")
    @click.option("--full-name", default="")
    def create_user_command(username, password, role, district_code, province_code, subdistricts, full_name):
        """Create a user (or reset an existing one's password and area)."""
        province_code = province_code or district_code[:2]
        wrong = area_error(role, province_code, district_code)
        if wrong:
            raise click.BadParameter(f"role {role} needs a valid --{wrong} code")
        min_length = app.config["PASSWORD_MIN_LENGTH"]
        if problem := passwords.problem(password, username, min_length):  # the forms' rules, said in English
            raise click.BadParameter(WEAK_PASSWORD[problem].format(n=min_length), param_hint="--password")
        user = db.session.scalar(select(User).where(User.username == username)) or User(username=username)
        user.full_name = full_name or user.full_name or username
        user.active = True
        user.set_password(password)
        if user.id:
            end_all(db.session, user.id, utcnow())  # a reset password signs every device out
        apply_area(user, role, province_code, district_code, list(subdistricts))
        db.session.add(user)
        db.session.commit()
        area = geo.district_name(district_code) or geo.province_name(province_code) or "all areas"
        click.echo(f"User {username} ({role}, {area}) saved.")
