"""The photo rules' codes in Thai."""
from flask_babel import lazy_gettext as _l

REFUSALS = {
    "missing": _l("กรุณาถ่ายรูปหรือเลือกรูปก่อนกดอัปโหลด"),
    "empty": _l("ไฟล์รูปว่างเปล่า กรุณาถ่ายรูปหรือเลือกรูปใหม่"),
    "too_big": _l("รูปนี้ใหญ่เกิน 8 MB กรุณาถ่ายใหม่หรือเลือกรูปที่เล็กกว่านี้"),
    "not_image": _l("ไฟล์นี้ไม่ใช่รูปที่ระบบรับได้ กรุณาเลือกรูปแบบ JPEG, PNG หรือ WebP"),
    "too_many_pixels": _l("รูปนี้มีความละเอียดสูงเกินไป กรุณาถ่ายใหม่ด้วยความละเอียดที่ต่ำลง"),
    "caption_long": _l("คำอธิบายรูปยาวเกิน 200 ตัวอักษร กรุณาตัดให้สั้นลง"),
}


def refusal(code: str) -> str:
    return str(REFUSALS[code])
