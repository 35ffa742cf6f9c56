"""Every route, requested as every role, answers as the README's table says."""
import pytest

from sammachip.domain import permissions

from .facts_world import build_world
from .routes import REDIRECTS, ROLES, readme_table, url_of


def test_the_readme_table_is_the_rulebook():
    assert readme_table() == {name: set(roles) for name, roles in permissions.TABLE.items()}


def test_every_route_declares_what_it_needs(app):
    undeclared = [rule.rule for rule in app.url_map.iter_rules()
                  if rule.endpoint != "static" and not hasattr(app.view_functions[rule.endpoint], "permissions")]
    assert undeclared == []


@pytest.fixture
def world(village):
    """One record of every kind in Mae Wong (the facts tests' world), a user of each role who
    may see it, and each user's own interview draft."""
    args = build_world(village)
    return args, {role: f"{n:08d}-0000-4000-8000-000000000000" for n, role in enumerate(ROLES)}


@pytest.mark.parametrize("role", ROLES)
def test_every_route_as_every_role_answers_as_the_table_says(app, client, auth, world, role):
    args, tokens = world
    table = readme_table()
    auth.login(role)
    rules = [r for r in app.url_map.iter_rules() if getattr(app.view_functions[r.endpoint], "permissions", None)]
    wrong = []
    for method in ("GET", "POST"):  # every read first: some posts change or end what the reads need
        for rule in sorted(rules, key=lambda r: r.endpoint == "auth.logout"):
            if method not in rule.methods or (method == "POST" and "GET" in rule.methods and
                                              not needs_other_permission_to_write(app, rule)):
                continue
            needs = app.view_functions[rule.endpoint].permissions
            permission = needs["read" if method == "GET" else "write"]
            url = url_of(rule, {**args, "token": tokens[role]})
            status = client.open(url, method=method).status_code
            if role in table[permission]:
                ok = status in ((302, 303) if rule.endpoint in REDIRECTS else (200,)) if method == "GET" \
                    else status not in (401, 403, 404, 405, 500)
            else:
                ok = status == needs["denied"]
            if not ok:
                wrong.append(f"{method} {url} ({permission}): {status}")
    assert wrong == [], "\n".join(wrong)


def needs_other_permission_to_write(app, rule) -> bool:
    needs = app.view_functions[rule.endpoint].permissions
    return needs["write"] != needs["read"]
