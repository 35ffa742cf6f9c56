"""The audit log's codes in Thai (English through the catalogue)."""
from flask_babel import lazy_gettext as _l

ACTIONS = [("sign_in", _l("เข้าสู่ระบบ")), ("sign_in_failed", _l("เข้าสู่ระบบไม่สำเร็จ")),
           ("create", _l("เพิ่มข้อมูล")), ("update", _l("แก้ไขข้อมูล")), ("delete", _l("ลบข้อมูล")),
           ("reveal_id", _l("ดูเลขประจำตัวเต็ม")), ("export", _l("ดาวน์โหลดข้อมูล")),
           ("refused", _l("คำขอถูกปฏิเสธ")), ("password_changed", _l("เปลี่ยนรหัสผ่าน")),
           ("totp_enabled", _l("เปิดการยืนยันตัวตนสองขั้นตอน")),
           ("totp_disabled", _l("ปิดการยืนยันตัวตนสองขั้นตอน")),
           ("totp_reset", _l("ล้างการยืนยันตัวตนสองขั้นตอนของผู้ใช้")),
           ("access_export", _l("ส่งสำเนาข้อมูลให้เจ้าของข้อมูล")), ("erase", _l("ถอนความยินยอมและลบข้อมูลส่วนบุคคล")),
           ("retention", _l("ลบข้อมูลตามระยะเวลาเก็บรักษา"))]
TABLES = [("households", _l("ครัวเรือน")), ("sages", _l("ปราชญ์")), ("followups", _l("การเยี่ยมติดตาม")),
          ("attendance", _l("การเข้าอบรม")), ("photos", _l("รูปถ่าย"))]
