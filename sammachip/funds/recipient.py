"""Whose fund record a form or page is about: a household's or an occupational group's."""
from dataclasses import dataclass

from flask import request, url_for
from flask_babel import gettext as _

from ..extensions import db
from ..models import CommunityFund, Household, OccupationalGroup
from .forms import FundForm, GroupFundForm


@dataclass(frozen=True)
class Recipient:
    household: Household | None = None
    group: OccupationalGroup | None = None

    @classmethod
    def of(cls, fund: CommunityFund) -> "Recipient":
        if fund.household_id is not None:
            return cls(household=db.session.get(Household, fund.household_id))
        return cls(group=db.session.get(OccupationalGroup, fund.group_id))

    @property
    def name(self) -> str:
        return self.household.head_name if self.household else self.group.name

    @property
    def back(self) -> str:
        """Its page, at the fund card."""
        if self.household:
            return url_for("households.show", household_id=self.household.id, _anchor="funds")
        return url_for("groups.show", group_id=self.group.id, _anchor="funds")

    def heading(self, fund: CommunityFund | None) -> str:
        if self.group:
            return _("แก้ไขการได้รับทุนของกลุ่ม") if fund else _("บันทึกการได้รับทุนของกลุ่ม")
        return _("แก้ไขการได้รับทุน") if fund else _("บันทึกการได้รับทุน")

    def owner(self) -> dict:
        """The new record's columns naming it (and its village, for the area rule)."""
        if self.household:
            return {"household_id": self.household.id, "village_id": self.household.village_id}
        return {"group_id": self.group.id, "village_id": self.group.village_id}

    def form(self, fund: CommunityFund | None) -> FundForm:
        form = (GroupFundForm if self.group else FundForm)(obj=fund if request.method == "GET" else None)
        if self.household:
            form.fiscal_year = self.household.fiscal_year  # the date rule's year
        else:
            form.founded_on = self.group.founded_on
        return form
