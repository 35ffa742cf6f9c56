"""The bare baseline: Flask, one plain SQL query, a tiny Jinja template.

Never part of the served app (it has no login and no area rules). `make bench`
serves it with the same gunicorn settings as the app, on the same database,
so "village page / baseline" is what everything we add on top of Flask costs.
"""
import os
from pathlib import Path

from flask import Flask, render_template
from sqlalchemy import create_engine, inspect, text

engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)  # as the app's engine
# Before households existed it could only read the village row.
if inspect(engine).has_table("households"):
    QUERY = text("SELECT id, head_name, house_no FROM households WHERE village_id = :id ORDER BY id")
else:
    QUERY = text("SELECT id, name AS head_name, code AS house_no FROM villages WHERE id = :id")

app = Flask(__name__, template_folder=str(Path(__file__).parent / "templates"))


@app.get("/villages/<int:village_id>")
def village(village_id: int):
    with engine.connect() as conn:
        rows = conn.execute(QUERY, {"id": village_id}).all()
    return render_template("baseline.html", village_id=village_id, rows=rows)
