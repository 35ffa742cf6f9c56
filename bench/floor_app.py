"""The app's own floor: the real app plus one page that every logged-in page
costs at least (the session, the signed-in user, the empty layout, and
whatever the app does to each response, compression included).

Never part of the served app. `make bench` serves it with gunicorn beside the
village page and the bare baseline: "village page / floor" is what the village
page itself costs, "floor / baseline" what the app's plumbing costs.
"""
from flask import render_template

from sammachip import create_app
from sammachip.access import requires
from sammachip.domain.permissions import can_read

app = create_app()


@app.get("/bench-floor")
@requires(can_read)  # the guard every page has: log-in, then the rulebook
def floor():
    return render_template("base.html")
