"""Two-factor login set up through the pages, as a user does it (auth/account.py)."""
from datetime import datetime

import pyotp

from sammachip.clock import utcnow


def code_at(secret: str, moment: datetime | None = None) -> str:
    """The authenticator's code at the app's clock (never the real one)."""
    return pyotp.TOTP(secret).at(moment or utcnow())


def set_up(client) -> tuple[str, list[str]]:
    page = client.get("/account/two-factor").text
    assert 'src="data:image/svg+xml' in page
    secret = page.split('<p class="secret"><code>')[1].split("</code>")[0].replace(" ", "")
    response = client.post("/account/two-factor", data={"code": code_at(secret)})
    assert response.status_code == 200
    codes = [c.split("</code>")[0] for c in response.text.split('<li><code>')[1:]]
    return secret, codes
