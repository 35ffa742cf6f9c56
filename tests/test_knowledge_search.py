"""Thai search over knowledge records: a substring of a normalised text, inside the user's area."""
from sammachip.domain.clock import today
from sammachip.domain.knowledge import normalise
from sammachip.extensions import db
from sammachip.models import KnowledgeRecord

from .factories import make_user, make_village
from .knowledge_util import PARTS


def add(village, title, **parts):
    record = KnowledgeRecord(village_id=village.id, title=title, owner_name="ปราชญ์", recorded_on=today(),
                             occupation_id=1, completed_at=today(), **{**PARTS, **parts})
    db.session.add(record)
    db.session.flush()
    db.session.refresh(record, ["occupation"])
    from sammachip.domain.knowledge import search_text

    record.search_text = search_text(record)
    db.session.commit()
    return record


def titles(client, query: str, occupation: str = "") -> set[str]:
    html = client.get("/knowledge", query_string={"q": query, "occupation": occupation}).text
    return {t for t in ("หนึ่ง", "สอง", "สาม", "ลาดยาว", "ร้อย", "ขีด") if f"<strong>{t}</strong>" in html}


def test_a_word_inside_a_thai_sentence_and_its_nfc_variant_are_found_in_the_area_only(client, auth):
    mae_wong, lat_yao = make_village("601303", 2, "แม่เล่ย์"), make_village("601101", 2, "ลาดยาว")
    plain = {"intro": "ชาวบ้านซื้อปุ๋ยเคมีแพง", "summary": "ลดต้นทุน"}
    add(mae_wong, "หนึ่ง", intro="ชาวบ้านหันมาทำปุ๋ยหมักใช้เองในแปลงผัก")  # no space around the word
    add(mae_wong, "สอง", **plain, method="๑.ผสมฟางข้าว", key_points="ใช้ ปุ๋ย\u200bหมัก แทนเคมี", core="ดินดี")
    add(mae_wong, "สาม", **plain, method="๑.เลี้ยงปลา", key_points="-", core="-")
    add(lat_yao, "ลาดยาว", intro="ทำปุ๋ยหมักเหมือนกัน")
    make_user("district", "district", "6013")
    auth.login("district")
    assert titles(client, "ปุ๋ยหมัก") == {"หนึ่ง", "สอง"}  # mid-sentence; spaces and zero-width ignored
    variant = "ป\u0e4b\u0e38ยหมัก"  # tone mark typed before the vowel: the same word once NFC-ordered
    assert variant != "ปุ๋ยหมัก" and normalise(variant) == normalise("ปุ๋ยหมัก")
    assert titles(client, variant) == {"หนึ่ง", "สอง"}
    assert titles(client, " ปุ๋ย หมัก ") == {"หนึ่ง", "สอง"}
    assert titles(client, "", "1") == {"หนึ่ง", "สอง", "สาม"}  # by occupation, Lat Yao left out
    assert titles(client, "ปุ๋ยหมัก", "2") == set()
    auth.logout()
    make_user("province", "province", "6013")
    auth.login("province")
    assert titles(client, "ปุ๋ยหมัก") == {"หนึ่ง", "สอง", "ลาดยาว"}  # the whole province


def test_like_wildcards_in_the_query_are_literal(client, auth):
    village = make_village("601303", 2, "แม่เล่ย์")
    add(village, "ร้อย", core="ได้ผล 100% ทุกแปลง")
    add(village, "ขีด", core="ปุ๋ยXหมัก 1000 กิโล")
    make_user("officer", "officer", "6013")
    auth.login("officer")
    assert titles(client, "100%") == {"ร้อย"}
    assert titles(client, "%") == {"ร้อย"}
    assert titles(client, "ปุ๋ย_หมัก") == set()
    assert titles(client, "ปุ๋ยXหมัก") == {"ขีด"}
    assert titles(client, "\\") == set()
