"""All models, importable from one place: `from sammachip.models import Village`."""
from .audit import AUDIT_ACTIONS, AuditEntry
from .centre import PLACE_KINDS, LearningCentre, learning_centre_hosts, learning_centre_occupations
from .facts import DataVersion, VillageYearFacts
from .fund import FUND_SOURCES, CommunityFund
from .group import GroupMember, GroupStatusChange, OccupationalGroup, OtopProduct
from .health import Heartbeat
from .household import HOUSEHOLD_STATUSES, Household, HouseholdChange, HouseholdDraft, PovertyLine
from .knowledge import OWNER_KINDS, KnowledgeRecord
from .person import Person
from .photo import Photo, PhotoBlob
from .privacy import NOTICE_KINDS, PrivacyNotice
from .progress import VillageStepMark
from .reference import Occupation, ProgrammeRules, SageCriterion
from .sage import SAGE_ROLES, Sage, SageAnswer, SageCertificate, SageRoleChange
from .target import TargetVillage
from .team import TEAM_LEVELS, SupportTeam, SupportTeamMember, followup_team_members
from .training import Attendance, AttendanceTap, FollowUp, TrainingDay, training_day_trainers
from .user import ROLES, LoginFailure, RecoveryCode, User, UserSession, UserSubdistrict
from .village import Village

__all__ = [
    "DataVersion",
    "VillageYearFacts",
    "CommunityFund",
    "FUND_SOURCES",
    "SupportTeam",
    "SupportTeamMember",
    "TEAM_LEVELS",
    "followup_team_members",
    "LearningCentre",
    "PLACE_KINDS",
    "Person",
    "Photo",
    "PhotoBlob",
    "learning_centre_hosts",
    "learning_centre_occupations",
    "GroupMember",
    "GroupStatusChange",
    "OccupationalGroup",
    "OtopProduct",
    "AUDIT_ACTIONS",
    "AuditEntry",
    "KnowledgeRecord",
    "OWNER_KINDS",
    "VillageStepMark",
    "NOTICE_KINDS",
    "PrivacyNotice",
    "Attendance",
    "AttendanceTap",
    "FollowUp",
    "TrainingDay",
    "training_day_trainers",
    "Heartbeat",
    "HOUSEHOLD_STATUSES",
    "Household",
    "HouseholdChange",
    "HouseholdDraft",
    "PovertyLine",
    "ROLES",
    "LoginFailure",
    "RecoveryCode",
    "SAGE_ROLES",
    "Occupation",
    "ProgrammeRules",
    "Sage",
    "SageAnswer",
    "SageCertificate",
    "SageCriterion",
    "SageRoleChange",
    "TargetVillage",
    "User",
    "UserSession",
    "UserSubdistrict",
    "Village",
]
