"""CSV (UTF-8 with BOM, so Excel shows Thai) and XLSX downloads, filtered to the user's area.
Dates are in พ.ศ.: as 24/11/2569 in CSV, as real date cells shown in พ.ศ. in XLSX."""
import csv
import io
from datetime import date

from flask import Blueprint, Response, abort, render_template, request
from flask_login import current_user

from .. import auditing as audit
from ..access import refuse, requires
from ..domain import geo
from ..domain.areas import covers
from ..domain.clock import figures_day
from ..domain.permissions import can_read, exports_full_id
from ..domain.targets import targets_in
from ..domain.thai_dates import typed
from ..models import Village
from ..years import page_year, picker_years
from .tables import YEARLESS, tables

bp = Blueprint("exports", __name__, url_prefix="/exports")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A date cell in the Thai Buddhist calendar: [$-107041E] is Excel's locale tag
# (calendar 07 = Thai Buddhist, 041E = Thai). LibreOffice writes the same code for
# its [~buddhist] dates and shows 24/11/2569 for it.
XLSX_BE_DATE = "[$-107041E]dd/mm/yyyy"


def area_where():
    """The area asked for (?district= or ?province=), inside the user's own; else the user's own."""
    district, province = request.args.get("district", ""), request.args.get("province", "")
    if district:
        if len(district) != 4 or not geo.district_name(district) or not covers(current_user, district):
            refuse(404)
        return Village.district_code == district, district
    if province:
        if len(province) != 2 or not geo.province_name(province) or not covers(current_user, province):
            refuse(404)
        return Village.province_code == province, province
    if current_user.district_code:
        return Village.district_code == current_user.district_code, current_user.district_code
    if current_user.province_code:
        return Village.province_code == current_user.province_code, current_user.province_code
    abort(404)  # an admin must name an area: the whole country is not one download


def safe(value):
    """A cell that starts like a formula is shown as text, never run by Excel."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


@bp.get("/")
@requires(can_read)
def index():
    where, area = area_where()
    fy = page_year()
    return render_template("exports/index.html", area=area, tables=tables(), fy=fy, years=picker_years(fy, where))


@bp.get("/<kind>.<fmt>")
@requires(can_read)
def download(kind: str, fmt: str):
    if kind not in tables() or fmt not in ("csv", "xlsx"):
        abort(404)
    where, area = area_where()
    title, build = tables()[kind]
    fy = page_year()
    # Records that outlive a programme year (knowledge) are not limited to the year's targets.
    scope = where if kind in YEARLESS else where & targets_in(fy)
    head, rows = build(current_user, scope, fy, figures_day(fy))
    # Logged before it is sent: who, which table, what filter, how many rows.
    audit.write_now("export", table_name=kind, district=area if len(area) == 4 else None,
                    detail={"format": fmt, "area": area, "fiscal_year": fy, "rows": len(rows),
                            "full_ids": exports_full_id(current_user)})
    name = f"sammachip-{kind}-{area}-{fy}.{fmt}"
    body, mime = (as_csv if fmt == "csv" else as_xlsx)(title, head, rows)
    return Response(body, mimetype=mime, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def as_csv(_title, head, rows):
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(head)
    writer.writerows([typed(c) if isinstance(c, date) else safe(c) for c in row] for row in rows)
    return out.getvalue().encode("utf-8"), "text/csv; charset=utf-8"


def as_xlsx(title, head, rows):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    def cell(value):
        if not isinstance(value, date):
            return safe(value)
        dated = WriteOnlyCell(sheet, value=value)
        dated.number_format = XLSX_BE_DATE
        return dated

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    sheet.append(head)
    for row in rows:
        sheet.append([cell(c) for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
