"""`flask backup` while officers write: every record acknowledged before it started is in the copy."""
import sqlite3
import subprocess  # nosec B404
import threading
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from sammachip.backup import backup
from sammachip.extensions import db
from sammachip.models import Village


def write_villages(engine, acknowledged: list, stop: threading.Event) -> None:
    """One committed village per transaction, as a stream of officers' saves would be."""
    for i in range(5000):
        if stop.is_set():
            return
        code = f"9{i // 99:05d}{i % 99 + 1:02d}"
        with engine.begin() as conn:
            conn.execute(insert(Village.__table__).values(
                code=code, subdistrict_code=code[:6], district_code=code[:4], province_code=code[:2],
                moo=i % 99 + 1, name=f"บ้าน {i}"))
        acknowledged.append(code)  # the commit returned: the officer saw "saved"


def restored_codes(target, url) -> set[str]:
    if url.get_backend_name() == "sqlite":
        with sqlite3.connect(target) as conn:
            return {code for (code,) in conn.execute("SELECT code FROM villages")}
    name = f"{url.database}_restore"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    restored = url.set(database=name)
    subprocess.run(["pg_restore", "--no-owner", "--exit-on-error",  # nosec B603 B607
                    f"--dbname={restored.set(drivername='postgresql').render_as_string(hide_password=False)}",
                    str(target)], check=True)
    engine = create_engine(restored)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(text("SELECT code FROM villages")))
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
        admin.dispose()


def test_a_backup_taken_mid_write_holds_every_acknowledged_record(app, tmp_path):
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    engine, acknowledged, stop = db.engine, [], threading.Event()
    writer = threading.Thread(target=write_villages, args=(engine, acknowledged, stop))
    writer.start()
    try:
        while len(acknowledged) < 200:  # the writer is in full flow
            threading.Event().wait(0.01)
        before = list(acknowledged)
        target = backup(str(url.render_as_string(hide_password=False)), tmp_path / "backups",
                        datetime(2026, 11, 24, 10, 0), tmp_path / "no-photos")
        during = len(acknowledged)
    finally:
        stop.set()
        writer.join()
    assert during > len(before)  # the writes went on while the backup ran
    assert target.name == ("sammachip-20261124-100000.db" if url.get_backend_name() == "sqlite"
                           else "sammachip-20261124-100000.dump")
    restored = restored_codes(target, url)
    assert set(before) <= restored
    assert restored <= set(acknowledged) | {v for v in restored if not v.startswith("9")}


def test_photos_are_copied_with_the_backup(app, tmp_path):
    photos = tmp_path / "photos"
    (photos / "2570").mkdir(parents=True)
    (photos / "2570" / "a.jpg").write_bytes(b"\xff\xd8 photo")
    backup(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "b", datetime(2026, 11, 24, 10, 0), photos)
    assert (tmp_path / "b" / "photos-20261124-100000" / "2570" / "a.jpg").read_bytes() == b"\xff\xd8 photo"


def test_the_backup_command_names_its_file(app, tmp_path):
    result = app.test_cli_runner().invoke(args=["backup", "--to", str(tmp_path)])
    assert result.exit_code == 0, result.output
    database = [p for p in tmp_path.iterdir() if not p.name.startswith("photos-")]
    assert len(database) == 1 and f"Backup written: {database[0]}" in result.output


def test_the_backup_command_copies_the_photo_folder_the_app_uses(app, tmp_path):
    """PHOTO_FOLDER, not instance/photos: a backup copies the photos the app actually keeps."""
    (Path(app.config["PHOTO_FOLDER"]) / "x.jpg").write_bytes(b"\xff\xd8 kept")
    app.test_cli_runner().invoke(args=["backup", "--to", str(tmp_path)])
    (copy,) = tmp_path.glob("photos-*")
    assert (copy / "x.jpg").read_bytes() == b"\xff\xd8 kept"
