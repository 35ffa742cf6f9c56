"""The village page as a static copy: the real app (for its hashed static files, compressed as
always) plus `/bench-copy`, which sends the bytes of a saved village page gzipped once, with no
log-in, no database and no rendering. bench/lighthouse.py compares the live page's LCP with this.

Never part of the served app.
"""
import gzip
import os
from pathlib import Path

from flask import Response

from sammachip import create_app

app = create_app()
COPY = gzip.compress(Path(os.environ["BENCH_COPY"]).read_bytes(), 9)


@app.get("/bench-copy")
def copy():
    # Already encoded: Flask-Compress leaves a response with a Content-Encoding alone.
    return Response(COPY, headers={"Content-Encoding": "gzip", "Cache-Control": "no-store"},
                    content_type="text/html; charset=utf-8")
