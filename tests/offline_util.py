"""Helpers of the offline browser tests (their `proxy` and `open_phone` fixtures are in conftest.py)."""


def download(page, pages: int):
    page.goto("/visits")
    page.click("text=ดาวน์โหลดสำหรับออฟไลน์")
    page.wait_for_selector(f"text=/ดาวน์โหลดล่าสุด ณ \\d\\d:\\d\\d · {pages} หน้า/")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
