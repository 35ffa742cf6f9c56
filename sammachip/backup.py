"""A consistent copy of the database (and the photo folder) while the app runs.

SQLite: the online backup API copies a single snapshot even while officers
write (each page copied inside one read transaction of the source). PostgreSQL:
`pg_dump` in its custom format, which is one REPEATABLE READ snapshot. Either
way, every record acknowledged before the backup started is in it. The
encryption key, if any, is never copied: keep it apart from the backups.
"""
import shutil
import sqlite3
import subprocess  # nosec B404: runs pg_dump with an argument list, never a shell
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url


def backup(database_url: str, folder: Path, now: datetime, photos: Path | None = None) -> Path:
    """Write a backup into `folder` named by `now`; returns its path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        target = folder / f"sammachip-{stamp}.db"
        copy_sqlite(url.database, target)
    else:
        target = folder / f"sammachip-{stamp}.dump"
        dump_postgres(url, target)
    if photos is not None and photos.is_dir():
        shutil.copytree(photos, folder / f"photos-{stamp}")
    return target


def copy_sqlite(source: str, target: Path) -> None:
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()


def dump_postgres(url, target: Path) -> None:
    plain = url.set(drivername="postgresql")  # pg_dump knows no "+psycopg"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}",  # nosec B603 B607
                    plain.render_as_string(hide_password=False)], check=True)
