"""Benchmark: page weight, SQL statements, latency and throughput (issue 8).

`make bench` / `make bench-quick` run bench/run.py; bench/seed.py makes the
synthetic data; bench/baseline_app.py is the bare Flask app we compare with.
"""
