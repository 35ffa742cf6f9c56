import pytest

from sammachip.domain import thai_id

from .factories import thai_pin


@pytest.mark.parametrize("raw", ["1101700207030", "1-1017-00207-03-0", " 1 1017 00207 03 0 ", "3100600445635",
                                 "๑๑๐๑๗๐๐๒๐๗๐๓๐", "๑-๑๐๑๗-๐๐๒๐๗-๐๓-๐", "1-1017-๐๐๒๐๗-03-0"])
def test_valid_ids_with_spaces_and_dashes(raw):
    assert thai_id.is_valid(raw)
    assert thai_id.normalize(raw) in ("1101700207030", "3100600445635")


@pytest.mark.parametrize("raw, problem", [
    ("1101700207031", "check"),   # last digit off by one
    ("1101700207039", "check"),
    ("110170020703", "length"),
    ("11017002070300", "length"),
    ("11017OO207030", "digits"),
    ("๑๑๐๑๗๐๐๒๐๗๐๓๑", "check"),  # Thai digits are checked like any others
    ("¹101700207030", "digits"),  # a digit to Python, not on an ID card
    ("١١٠١٧٠٠٢٠٧٠٣٠", "digits"),  # Arabic-Indic digits are not a Thai keyboard's
    ("", "digits"),
])
def test_invalid_ids(raw, problem):
    assert thai_id.problem(raw) == problem


def test_generated_test_ids_are_valid():
    assert all(thai_id.is_valid(thai_pin(n)) for n in range(1, 200))


def test_masked_shows_only_last_four_digits():
    assert thai_id.masked("1101700207030") == "X-XXXX-XXXX7-03-0"
    assert thai_id.formatted("1101700207030") == "1-1017-00207-03-0"
