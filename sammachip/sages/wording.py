"""Team rules' problem codes, worded for the officer."""
from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_login import current_user

from ..domain import geo
from ..domain.areas import covers
from ..domain.persons import Known
from ..domain.team import Problem, TeamStatus


def criterion_text(criterion) -> str:
    return criterion.text_en if str(get_locale()) == "en" else criterion.text_th


def problem_text(problem: Problem) -> str:
    d = problem.detail
    if problem.code == "criterion_failed":
        return _("ไม่ผ่านเกณฑ์ข้อ (%(code)s) %(text)s จึงเลือกเข้าทีมไม่ได้",
                 code=d["criterion"].code, text=criterion_text(d["criterion"]))
    if problem.code == "criterion_unanswered":
        return _("ยังไม่ได้ประเมินเกณฑ์ข้อ (%(code)s) %(text)s", code=d["criterion"].code,
                 text=criterion_text(d["criterion"]))
    if problem.code == "lead_taken":
        return _("หมู่บ้านนี้มีวิทยากรหลักแล้ว (%(name)s) ต้องเปลี่ยน %(name)s เป็นผู้ช่วยหรือนำออกก่อน",
                 name=d["sage"].name)
    if problem.code == "assistants_full":
        return _("ทีมมีวิทยากรผู้ช่วยครบ %(n)s คนแล้ว ต้องนำผู้ช่วยคนหนึ่งออกก่อน", n=d["assistants"])
    if problem.code == "on_other_team":
        if not covers(current_user, d["village"].district_code):
            return _("บุคคลนี้ (เลขประจำตัวเดียวกัน) อยู่ในทีมวิทยากรในอำเภออื่นแล้วในปีงบประมาณนี้ (คนละ 1 ที่นั่ง)")
        return _("บุคคลนี้ (เลขประจำตัวเดียวกัน) อยู่ในทีมวิทยากรของบ้าน%(village)s แล้วในปีงบประมาณนี้ (คนละ 1 ที่นั่ง)",
                 village=d["village"].name)
    return problem.code


def missing_text(status: TeamStatus) -> str:
    words = []
    for code, count in status.missing:
        if code == "no_lead":
            words.append(_("ยังไม่ได้เลือกวิทยากรหลัก"))
        elif code == "lead_not_trained":
            words.append(_("วิทยากรหลักยังไม่ผ่านการอบรมที่ ศพช."))
        elif code == "no_workshop":
            words.append(_("วิทยากรหลักยังไม่ได้เข้าประชุมเชิงปฏิบัติการระดับจังหวัด"))
        elif code == "assistants":
            words.append(ngettext("ขาดวิทยากรผู้ช่วยอีก %(num)s คน", "ขาดวิทยากรผู้ช่วยอีก %(num)s คน", count))
    if not words:
        return _("ทีมวิทยากรครบ %(n)s คน วิทยากรหลักผ่านการอบรมและเข้าประชุมระดับจังหวัดแล้ว",
                 n=1 + status.wanted_assistants)
    return _("ยังขาด: ") + ", ".join(words)


def known_texts(rows: list[Known], user) -> list[str]:
    """What is known of the person elsewhere: villages named only inside the user's area (PDPA);
    any row outside it is said once, as "มีประวัติในอำเภออื่น"."""
    words, elsewhere = [], False
    for k in rows:
        v = k.village
        if not covers(user, v.district_code):
            elsewhere = True
            continue
        where = _("บ้าน%(v)s หมู่ %(moo)s ต.%(t)s", v=v.name, moo=v.moo, t=geo.subdistrict_name(v.subdistrict_code))
        if k.role == "lead":
            words.append(_("เคยเป็นวิทยากรหลัก %(where)s ปี %(fy)s", where=where, fy=k.fiscal_year))
        elif k.role == "assistant":
            words.append(_("เคยเป็นวิทยากรผู้ช่วย %(where)s ปี %(fy)s", where=where, fy=k.fiscal_year))
        else:
            words.append(_("เคยสมัครเป็นปราชญ์ %(where)s ปี %(fy)s", where=where, fy=k.fiscal_year))
    if elsewhere:
        words.append(_("มีประวัติในอำเภออื่น"))
    return words
