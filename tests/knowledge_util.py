"""Shared by the knowledge tests: five filled parts, and the wizard driven to its end."""
from sammachip.extensions import db

PARTS = {"intro": "ชาวบ้านซื้อปุ๋ยเคมีราคาแพง จึงหันมาทำปุ๋ยหมักใช้เอง",
         "method": "๑.ผสมมูลวัวกับฟางข้าว\n๒.รดน้ำให้ชุ่ม\n๓.กลับกองทุก ๗ วัน",
         "cautions": "๑.อย่าให้กองแฉะเกินไป", "techniques": "๑.ใช้น้ำหมักชีวภาพเร่ง",
         "summary": "ลดต้นทุนปุ๋ยได้ครึ่งหนึ่ง", "key_points": "๑.วัตถุดิบในชุมชน\n๒.ทำต่อเนื่อง",
         "core": "ดินดี ต้นทุนต่ำ"}


def write_record(client, record, parts: dict) -> None:
    """Steps 2 to 6, then the review's save."""
    fields = {2: ["intro"], 3: ["method", "cautions", "techniques"], 4: ["summary"], 5: ["key_points"], 6: ["core"]}
    for step, names in fields.items():
        db.session.refresh(record)
        reply = client.post(f"/knowledge/{record.id}/{step}", data={
            **{n: parts[n] for n in names}, "go": "next", "version": record.version})
        assert reply.status_code == 303, reply.text
    assert client.post(f"/knowledge/{record.id}/7").status_code == 303
