"""Every route of the app, with the README's table of who may open it and how to build its URL."""
import re
from pathlib import Path

ROLES = ("admin", "province", "district", "officer")
README = Path(__file__).resolve().parent.parent / "README.md"
# Routes whose allowed answer is a redirect (they lead somewhere else).
REDIRECTS = {"main.home", "auth.logout", "auth.set_language", "auth.new_recovery_codes"}
# Interview step 1 is the consent, before there is a draft.
STEPS = {"interview.step": {"step": 2}, "interview.blank_step": {"step": 2}}
QUERY = {"exports.index": "?district=6013", "exports.download": "?district=6013",
         "villages.subdistrict_options": "?district_code=6013"}


def readme_table() -> dict[str, set[str]]:
    section = README.read_text().split("## Who may do what")[1].split("\n## ")[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    roles = [c.strip() for c in lines[0].strip("|").split("|")][1:]
    table = {}
    for line in lines[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        name = re.match(r"`(\w+)`", cells[0]).group(1)
        table[name] = {role for role, mark in zip(roles, cells[1:], strict=True) if mark == "✓"}
    return table


def url_of(rule, args: dict) -> str:
    values = {name: args[name] for name in rule.arguments}
    values.update({k: v for k, v in STEPS.get(rule.endpoint, {}).items() if k in values})
    return rule.build(values)[1] + QUERY.get(rule.endpoint, "")
