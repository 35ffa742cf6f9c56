"""Thai phone numbers, checked by Google's libphonenumber."""
import phonenumbers


def normalize(raw: str) -> str | None:
    """E.164 form of a valid Thai number (mobile or landline), else None."""
    try:
        number = phonenumbers.parse(raw, "TH")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 66 or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str | None) -> str:
    """How Thais write it: 081 234 5678."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, "TH")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
