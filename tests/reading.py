"""Reading what the app sent back: CSV and XLSX downloads."""
import csv
import io

from openpyxl import load_workbook


def read_csv(response):
    body = response.data
    assert body.startswith("\ufeff".encode())  # BOM: Excel opens Thai correctly
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def read_xlsx(response):
    sheet = load_workbook(io.BytesIO(response.data)).active
    return [[c for c in row] for row in sheet.iter_rows(values_only=True)]
