"""The bare baseline: Flask, one plain SQL query, a tiny Jinja template.

Never part of the served app (it has no login and no area rules). `make bench`
serves it with the same gunicorn settings as the app, on the same database,
so "village page / baseline" is what everything we add on top of Flask costs.
"""
import os
from pathlib import Path

from flask import Flask, render_template
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)  # as the app's engine
# The village page's household list, reduced to one plain query: the same
# village (bench/throughput.py requests the same path on both servers).
QUERY = text("SELECT id, head_name, house_no FROM households WHERE village_id = :id")

app = Flask(__name__, template_folder=str(Path(__file__).parent / "templates"))


@app.get("/villages/<int:village_id>")
def village(village_id: int):
    with engine.connect() as conn:
        rows = conn.execute(QUERY, {"id": village_id}).all()
    return render_template("baseline.html", village_id=village_id, rows=rows)
