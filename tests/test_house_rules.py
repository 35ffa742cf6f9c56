"""The house rules: programme numbers from one place, one wizard engine, one
source of labels, short files and views, and no test reading the real clock."""
import ast
import re
from datetime import timedelta
from pathlib import Path

from sammachip.domain.clock import today
from sammachip.domain.programme import overridden, rules_for

from .factories import attend, make_household, make_sage, make_training, make_user
from .reading import read_csv

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "sammachip"


def test_other_programme_numbers_show_everywhere(client, auth, village):
    """A year of 30 households, 6 per trainer and 6 training days: every page and export follows."""
    make_user("officer", "officer", "6013")
    auth.login("officer")
    lead = make_sage(village, "ครู", role="lead")
    household = make_household(village, "สมชาย", trainer=lead)
    with overridden(households_per_village=30, households_per_trainer=6, training_days=6, days_to_complete=5):
        days = make_training(village, [today() - timedelta(days=7 - k) for k in range(6)])  # no 1–5 check left
        attend(days, household, 6)
        village_page = client.get(f"/villages/{village.id}").text
        assert "1/30" in village_page and "1 จาก 30 ครัวเรือน" in village_page and "1/6" in village_page
        assert "1/30" in client.get(f"/villages/{village.id}/households").text
        training = client.get(f"/villages/{village.id}/training").text
        assert "วันที่ 6 ·" in training and "วันที่ 7" not in training
        assert "อบรมอาชีพ 6 วัน" in training and "อย่างน้อย 5 จาก 6 วัน" in training
        assert "มาแล้ว 6/6 วัน" in client.get(f"/training-days/{days[0].id}").text
        assert client.get(f"/villages/{village.id}/training/6/edit").status_code == 200
        assert client.get(f"/villages/{village.id}/training/7/edit").status_code == 404
        head, row = read_csv(client.get("/exports/attendance.csv"))[:2]
        assert [h for h in head if h.startswith("วันที่ ")] == [f"วันที่ {n}" for n in range(1, 7)]
        assert row[head.index("รวมวันที่มา")] == "6"
    assert rules_for(2570).households_per_village == 20  # and the override ends with its block
    assert client.get(f"/villages/{village.id}/training/6/edit").status_code == 404


def app_files():
    return [p for p in APP.rglob("*.py")]


def test_no_app_file_is_over_250_lines():
    long = {str(p.relative_to(ROOT)): n for p in app_files() if (n := len(p.read_text().splitlines())) > 250}
    assert long == {}


def routes_in(path: Path):
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and getattr(d.func, "attr", "") in {"get", "post", "route"}
                for d in node.decorator_list):
            yield node


def test_no_view_function_is_over_30_lines():
    long = {f"{p.relative_to(ROOT)}:{f.name}": f.end_lineno - f.lineno + 1
            for p in app_files() for f in routes_in(p) if f.end_lineno - f.lineno + 1 > 30}
    assert long == {}


# How a programme number looks when written as a literal instead of read from the rules.
LITERALS = [
    r"/\s*(20|4|5|11)\b(?!\d)(?![-/])",  # "/20", "/5", "/11" after a count
    r"range\(\s*\d",  # range(4), range(1, 6)
    r"\bor\s+(20|5|4)\b",  # "or 20"
    r"\b(85|3)\s*%(?!})",  # 85 %, left: 85% (not a Jinja tag's end)
    r"\b(20|5|4|6)\s*(ครัวเรือน|วัน|คน)",  # Thai text with a programme number in it
]


def test_no_literal_programme_number_in_templates_or_exports():
    files = list((ROOT / "templates").rglob("*.html")) + list((APP / "exports").glob("*.py"))
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in files
             for n, line in enumerate(p.read_text().splitlines(), 1)
             if any(re.search(pattern, line) for pattern in LITERALS) and "http" not in line]
    assert found == []


REAL_CLOCK = re.compile(r"\b(date\.today|datetime\.now|datetime\.utcnow|time\.time)\(")


def test_nothing_reads_the_real_clock_but_the_clock():
    readers = [f"{p.relative_to(ROOT)}:{n}" for p in [*app_files(), *(ROOT / "tests").glob("*.py")]
               for n, line in enumerate(p.read_text().splitlines(), 1)
               if REAL_CLOCK.search(line) and p.name != "clock.py" and p.name != Path(__file__).name]
    assert readers == []


def test_the_clock_fixture_sets_the_date(clock):
    assert today().isoformat() == "2026-11-24"
    clock.set(today() + timedelta(days=400))
    assert today().isoformat() == "2027-12-29"


def test_every_text_has_its_english():
    from babel.messages.pofile import read_po

    with open(ROOT / "translations/en/LC_MESSAGES/messages.po", "rb") as po:
        missing = [m.id for m in read_po(po) if m.id and (not m.string or m.fuzzy)]
    assert missing == []
