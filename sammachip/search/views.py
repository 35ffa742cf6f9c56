"""One search for households, sages and team members by name, phone or the last four ID digits."""
from flask import Blueprint, request

from ..access import requires
from ..domain import search
from ..domain.permissions import can_read
from ..web import render
from . import wording
from .queries import LIMIT, find

bp = Blueprint("search", __name__)


@bp.get("/search")
@requires(can_read)
def index():
    words = request.args.get("q", "")[:100]
    query = search.read(words)
    found = find(query)
    return render("search/index.html", "search/_results.html", words=words, hint=wording.hint(query.kind),
                  found=found, sections=wording.sections(found), limit=LIMIT)
