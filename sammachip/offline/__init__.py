"""Working without a signal: the web app manifest, the service worker (static/sw.js,
served from the site root), the small Thai page for a page not on the phone, and
the list of pages an officer takes to the field."""
