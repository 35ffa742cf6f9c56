"""Who may see and do what: the one rulebook, by role.

Views (through `access.requires`), templates (as Jinja globals) and exports
ask these functions; nothing else tests a role. Where a user may act is the
other half of the rule: `areas.py` (a record outside the area answers 404).
The README's table "Who may do what" is this table; a test holds them equal.
"""
from ..models import ROLES, User

# permission -> the roles that have it
TABLE: dict[str, frozenset[str]] = {
    # Read the programme's pages and records in one's own area.
    "read": frozenset(ROLES),
    # Create and change records: sages, households, training, visits, marks.
    "edit": frozenset({"admin", "district", "officer"}),
    # The district support team's roster (the tambon teams' are `edit`'s).
    "edit_district_team": frozenset({"admin", "district"}),
    # Incomes on pages and in exports; interview and visit drafts (they hold incomes).
    "see_income": frozenset({"admin", "district", "officer"}),
    # Reveal a household's full national ID: a tap on the masked ID, logged (no page shows it by default).
    "see_full_id": frozenset({"admin", "district"}),
    # A household's change history on its own page.
    "see_changes": frozenset({"admin", "district", "officer"}),
    # The audit log: a district user its district's rows, an admin all.
    "see_audit": frozenset({"admin", "district"}),
    # A household's access or erasure request (PDPA): its data export, consent withdrawal and erasure.
    "answer_requests": frozenset({"admin", "district"}),
    # Full national IDs in downloaded files.
    "export_full_id": frozenset({"admin", "district"}),
    # The week's visits as the first screen.
    "plan_visits": frozenset({"district", "officer"}),
    # Give a target village's visits, or one visit, to an officer of the district.
    "assign_visits": frozenset({"admin", "district"}),
    # The province roll-up (others have their district's dashboard).
    "see_province": frozenset({"admin", "province"}),
    # Accounts: an admin any, a district user the officers of the district.
    "manage_users": frozenset({"admin", "district"}),
    # Programme settings: criteria, income criterion, occupations.
    "change_settings": frozenset({"admin"}),
    # Pick any province and district in forms (others work in their own district).
    "work_anywhere": frozenset({"admin"}),
}

# Each role's first screen after login.
FIRST_SCREEN = {"officer": "visits", "district": "district", "province": "province", "admin": "villages"}


def allowed(user: User, permission: str) -> bool:
    return user.role in TABLE[permission]


def can_read(user: User) -> bool:
    return allowed(user, "read")


def can_edit(user: User) -> bool:
    return allowed(user, "edit")


def edits_district_team(user: User) -> bool:
    return allowed(user, "edit_district_team")


def edits_team(user: User, level: str) -> bool:
    """A tambon team is edited as any record; a district team by the district office."""
    return edits_district_team(user) if level == "district" else can_edit(user)


def sees_income(user: User) -> bool:
    return allowed(user, "see_income")


def sees_full_id(user: User) -> bool:
    return allowed(user, "see_full_id")


def sees_changes(user: User) -> bool:
    return allowed(user, "see_changes")


def sees_audit(user: User) -> bool:
    return allowed(user, "see_audit")


def answers_requests(user: User) -> bool:
    return allowed(user, "answer_requests")


def exports_full_id(user: User) -> bool:
    return allowed(user, "export_full_id")


def plans_visits(user: User) -> bool:
    return allowed(user, "plan_visits")


def assigns_visits(user: User) -> bool:
    return allowed(user, "assign_visits")


def sees_province(user: User) -> bool:
    return allowed(user, "see_province")


def can_manage_users(user: User) -> bool:
    return allowed(user, "manage_users")


def can_change_settings(user: User) -> bool:
    return allowed(user, "change_settings")


def works_anywhere(user: User) -> bool:
    return allowed(user, "work_anywhere")


def first_screen(user: User) -> str:
    return FIRST_SCREEN[user.role]


def manageable_roles(manager: User) -> list[str]:
    """The roles a manager may give: an admin any, a district user only officers."""
    if works_anywhere(manager):
        return list(ROLES)
    return ["officer"] if can_manage_users(manager) else []


def may_manage(manager: User, user: User) -> bool:
    if works_anywhere(manager):
        return can_manage_users(manager)
    return can_manage_users(manager) and user.role == "officer" and user.district_code == manager.district_code


# What each function checks, for `access.requires` and the route test.
CHECKS = {can_read: "read", can_edit: "edit", sees_income: "see_income", sees_full_id: "see_full_id",
          sees_changes: "see_changes", sees_audit: "see_audit",
          exports_full_id: "export_full_id", plans_visits: "plan_visits", sees_province: "see_province",
          can_manage_users: "manage_users", can_change_settings: "change_settings", works_anywhere: "work_anywhere",
          edits_district_team: "edit_district_team", assigns_visits: "assign_visits",
          answers_requests: "answer_requests"}
