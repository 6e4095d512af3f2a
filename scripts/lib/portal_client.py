"""A small browser without JavaScript for the portal, used by scripts/two-instances.sh and scripts/faults.sh.

Keeps cookies, reads the antiforgery token of a page's form, posts forms, signs in (with the authenticator
code when the account uses two-factor authentication) and enrols an authenticator (TOTP, RFC 6238)."""
import base64
import hashlib
import hmac
import html
import json
import http.cookiejar
import re
import struct
import time
from html.parser import HTMLParser
import urllib.error
import urllib.parse
import urllib.request


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def location(self):
        return self.headers.get("Location")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    def __init__(self, base, jar=None, forwarded_for=None, timeout=30):
        self.base = base.rstrip("/")
        self.jar = jar if jar is not None else http.cookiejar.CookieJar()
        self.forwarded_for = forwarded_for
        self.timeout = timeout
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def at(self, base):
        """The same cookies, another address (another instance, or the proxy)."""
        return Browser(base, self.jar, self.forwarded_for, self.timeout)

    def request(self, method, path, fields=None):
        data = urllib.parse.urlencode(fields or {}, doseq=True).encode() if method == "POST" else None
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if self.forwarded_for:
            req.add_header("X-Forwarded-For", self.forwarded_for)
        try:
            with self.opener.open(req, timeout=self.timeout) as r:
                return Response(r.status, r.headers, r.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as e:
            return Response(e.code, e.headers, e.read().decode("utf-8", "replace"))

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        return self.request("POST", path, fields)

    def post_form(self, path, fields, token_from=None):
        """GETs the page (or token_from), takes the antiforgery token of its main form and posts the fields to path."""
        page = self.get(token_from or path)
        if page.status != 200:
            raise RuntimeError(f"GET {token_from or path}: {page.status}")
        return self.post(path, {"__RequestVerificationToken": token(page.body), **fields})

    def sign_in(self, email, password, totp_key=None):
        r = self.post_form("/compte/connexion", {"Input.Email": email, "Input.Password": password})
        if r.status != 302:
            raise RuntimeError(f"sign-in of {email}: {r.status}")
        if r.location and r.location.startswith("/compte/connexion-2fa"):
            if not totp_key:
                raise RuntimeError(f"{email} uses two-factor authentication: key needed")
            r = self.post_form(r.location, {"Code": totp(totp_key)})
            if r.status != 302:
                raise RuntimeError(f"second step of {email}: {r.status}")
        return r

    def enrol_totp(self):
        """Enrols an authenticator for the signed-in account and returns the shared key."""
        path = "/compte/double-authentification/activer"
        page = self.get(path)
        m = re.search(r'class="secret-key">([^<]+)<', page.body)
        if page.status != 200 or not m:
            raise RuntimeError(f"enrolment page: {page.status}")
        key = m.group(1).replace(" ", "").upper()
        r = self.post(path, {"__RequestVerificationToken": token(page.body, main=True), "Code": totp(key)})
        if r.status != 200 or "recovery-codes" not in r.body:
            raise RuntimeError(f"enrolment refused: {r.status}")
        return key


class _SurveyScreen(HTMLParser):
    """The fields of one screen of the survey answering form (form.survey-form), filled with a valid answer."""

    def __init__(self):
        super().__init__()
        self.fields, self.inside, self.select, self.textarea = [], False, None, None
        self._named = set()

    def _add(self, name, value):
        if name not in self._named:
            self._named.add(name)
            self.fields.append((name, value))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "survey-form" in (a.get("class") or ""):
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind == "hidden":
                self.fields.append((name, a.get("value", "")))
            elif kind in ("radio", "checkbox"):
                if a.get("value") != "autre":
                    self._add(name, a.get("value", "on"))
            elif kind == "date":
                self._add(name, time.strftime("%Y-%m-%d"))
            elif kind == "text" and name == "site_web":
                pass                      # the honeypot: a person leaves it empty, a filled one is silently dropped
            elif kind == "text" and name.endswith("-autre"):
                pass
            elif kind == "text" and a.get("inputmode") in ("decimal", "numeric"):
                self._add(name, "2")
            elif kind == "text":
                self._add(name, "Réponse de test")
        elif tag == "textarea" and name:
            self._add(name, "Réponse longue de test")
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and a.get("value"):
            self._add(self.select, a["value"])

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if tag == "form":
            self.inside = False


def answer_survey(browser, slug, retries=0, retry_pause=0.5):
    """Answers a survey screen by screen as a person would (intro, then one POST per section, each carrying the
    hidden state with its idempotency key). Returns (acknowledged, statuses, key): acknowledged when the last POST was
    redirected to the thanks page; key is the answer's idempotency key (stored in "Responses"."IdempotencyKey"). A failed POST (exception or 5xx) is sent again, same fields, up to `retries`
    times — what a person pressing the button again does; the idempotency key must keep it stored once."""
    path = f"/enquetes/{slug}"
    statuses = []
    page = browser.get(path)
    statuses.append(page.status)
    if page.status != 200:
        return False, statuses, None
    intro = _SurveyScreen()
    intro.feed(page.body)
    fields = intro.fields + [("action", "suivant")]
    key = lambda: json.loads(dict(fields).get("etat") or "{}").get("key")
    for _ in range(30):
        r = None
        for attempt in range(retries + 1):
            try:
                r = browser.post(path, fields)
                clear = r.status < 500 or "réessayez" in html.unescape(r.body).lower()
                statuses.append(r.status if clear else f"{r.status} sans « réessayez »")
            except Exception as e:              # connection refused or reset during an outage
                statuses.append(type(e).__name__)
                r = None
            if r is not None and r.status < 500:
                break
            time.sleep(retry_pause)
        if r is None or r.status >= 500:
            return False, statuses, key()
        if r.status in (302, 303):
            return "/merci" in (r.location or ""), statuses, key()
        screen = _SurveyScreen()
        screen.feed(r.body)
        if not screen.fields:
            return False, statuses, key()
        fields = screen.fields + [("action", "suivant")]
    return False, statuses, key()


def token(body, main=True):
    """The antiforgery token of the page's main form (the header's sign-out form has one too; any works)."""
    scope = body.split("<main", 1)[1] if main and "<main" in body else body
    for text in (scope, body):
        tag = re.search(r'<input[^>]*name="__RequestVerificationToken"[^>]*>', text)
        value = tag and re.search(r'value="([^"]+)"', tag.group(0))
        if value:
            return html.unescape(value.group(1))
    raise RuntimeError("no antiforgery token on the page")


def totp(key, at=None):
    secret = base64.b32decode(key.upper() + "=" * (-len(key) % 8))
    step = int((at if at is not None else time.time()) // 30)
    digest = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    code = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{code:06d}"
