#!/usr/bin/env python3
"""Demo data for a running DELMS, created through the gateway API as a script user would.

Creates the resellers acme and globex, sales reps, engineers, customers of both resellers and
direct ones, and licenses in every lifecycle state with purchases, deployments and usage behind
them. Every record has a natural key (reseller code, e-mail, customer name, a [demo:...] tag in a
license's notes): a second run finds what exists and creates only what is missing.

Environment: DELMS_GATEWAY_URL [http://localhost:8080], DELMS_KEYCLOAK_URL [http://localhost:8180].
Exit codes: 0 done, 1 the API refused something, 2 the gateway or Keycloak is not reachable.
Standard library only.
"""

import argparse
import concurrent.futures
import datetime
import json
import os
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

REALM = "delms"
CLI_CLIENT = "delms-cli"
REQUEST_TIMEOUT = 30
# Services learn reps, resellers, customers and licenses from each other's events: a POST naming one
# they have not heard of yet gets 422, and a status caused by an event shows a moment later.
EVENT_WAIT_SECONDS = float(os.environ.get("DELMS_SEED_EVENT_WAIT", "60"))
POLL_SECONDS = 0.5
UNAVAILABLE_WAIT_SECONDS = float(os.environ.get("DELMS_SEED_UNAVAILABLE_WAIT", "60"))

TODAY = datetime.date.today()


def day(offset):
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


# ---------------------------------------------------------------------------------------------
# What the demo system holds
# ---------------------------------------------------------------------------------------------

RESELLERS = [
    {"code": "acme", "name": "Acme Channel Partners", "contactEmail": "partners@acme.example.com",
     "region": "EMEA", "tier": "GOLD"},
    {"code": "globex", "name": "Globex Resellers", "contactEmail": "channel@globex.example.com",
     "region": "NA", "tier": "PLATINUM"},
]

SALES_REPS = [
    {"name": "Hannah Fischer", "email": "hannah.fischer@demo.example.com", "region": "EMEA", "active": True},
    {"name": "Marcus Reed", "email": "marcus.reed@demo.example.com", "region": "NA", "active": True},
    {"name": "Priya Nair", "email": "priya.nair@demo.example.com", "region": "APAC", "active": True},
    {"name": "Tom Becker", "email": "tom.becker@demo.example.com", "region": "EMEA", "active": True},
]

ENGINEERS = [
    {"name": "Lena Vogel", "email": "lena.vogel@demo.example.com", "region": "EMEA",
     "skills": ["kubernetes", "linux"]},
    {"name": "Raj Patel", "email": "raj.patel@demo.example.com", "region": "APAC",
     "skills": ["openshift", "networking"]},
]

# rep and reseller by e-mail / code; reseller None: a direct customer
CUSTOMERS = [
    ("Northwind Traders", "Retail", "EMEA", "DE", "Greta Wolff", "hannah.fischer", "acme"),
    ("Blue Harbor Logistics", "Logistics", "EMEA", "NL", "Jan de Vries", "tom.becker", "acme"),
    ("Summit Health Group", "Healthcare", "NA", "US", "Dana Brooks", "marcus.reed", "acme"),
    ("Redwood Analytics", "Software", "NA", "US", "Chris Alvarez", "marcus.reed", "globex"),
    ("Kestrel Energy", "Energy", "APAC", "AU", "Mia Thompson", "priya.nair", "globex"),
    ("Lumen Retail", "Retail", "EMEA", "FR", "Claire Martin", "hannah.fischer", "globex"),
    ("Orion Financial Services", "Finance", "EMEA", "GB", "Oliver Hughes", "tom.becker", None),
    ("Vega Manufacturing", "Manufacturing", "APAC", "JP", "Kenji Sato", "priya.nair", None),
]


def lic(key, customer, product, license_type, start, expiry, workspaces, users, steps, amount, currency="EUR",
        order=None):
    """A demo license: dates as day offsets from today, steps as in LicenseScenario."""
    return {"key": key, "customer": customer, "productType": product, "licenseType": license_type,
            "orderDate": day(start if order is None else order), "startDate": day(start),
            "expiryDate": None if expiry is None else day(expiry), "authorizedWorkspaces": workspaces,
            "authorizedUsers": users, "steps": steps, "amount": amount, "currency": currency}


LICENSES = [
    lic("ent-created", "Northwind Traders", "ENT", "SUBSCRIPTION", 0, 365, 10, 200,
        [("schedule", 14)], "48000.00"),
    lic("pro-trial-expiring-30", "Orion Financial Services", "PRO", "TRIAL", -5, 25, 2, 20,
        [], "0.00", "GBP"),
    lic("ent-deployed", "Redwood Analytics", "ENT", "SUBSCRIPTION", -10, 355, 8, 150,
        [("deploy",)], "36000.00", "USD"),
    lic("pro-poc-expiring-60", "Kestrel Energy", "PRO", "POC", -30, 55, 2, 25,
        [("deploy",)], "0.00", "AUD"),
    lic("ent-in-use-expanded", "Blue Harbor Logistics", "ENT", "SUBSCRIPTION", -120, 245, 5, 100,
        [("deploy",), ("usage", 4, 80), ("expansion", 8, 150, "14000.00")], "30000.00"),
    lic("pro-overused", "Vega Manufacturing", "PRO", "SUBSCRIPTION", -60, 305, 3, 25,
        [("deploy",), ("usage", 3, 40)], "9000.00", "JPY"),
    lic("ent-in-use-expiring-90", "Lumen Retail", "ENT", "SUBSCRIPTION", -280, 85, 6, 120,
        [("deploy",), ("usage", 5, 90)], "33000.00"),
    lic("ent-perpetual-in-use", "Summit Health Group", "ENT", "PERPETUAL", -200, None, 12, 400,
        [("deploy",), ("usage", 9, 310)], "150000.00", "USD"),
    lic("ent-renewed", "Northwind Traders", "ENT", "SUBSCRIPTION", -340, 25, 6, 100,
        [("deploy",), ("usage", 5, 70), ("renewal", 390, "42000.00")], "40000.00"),
    lic("pro-upgraded-to-ent", "Redwood Analytics", "PRO", "SUBSCRIPTION", -150, 215, 4, 50,
        [("deploy",), ("usage", 4, 48), ("upgrade", "ENT", 8, 120, "25000.00")], "12000.00", "USD"),
    lic("ent-expired", "Orion Financial Services", "ENT", "SUBSCRIPTION", -395, -30, 4, 60,
        [], "28000.00", "GBP", order=-400),
    lic("pro-suspended", "Kestrel Energy", "PRO", "SUBSCRIPTION", -90, 275, 3, 30,
        [("deploy",), ("usage", 2, 22), ("transition", "SUSPENDED", "Invoice overdue by 60 days")],
        "9500.00", "AUD"),
    lic("ent-terminated", "Blue Harbor Logistics", "ENT", "SUBSCRIPTION", -45, 320, 4, 40,
        [("transition", "TERMINATED", "Contract cancelled by the customer")], "22000.00"),
]


# ---------------------------------------------------------------------------------------------
# HTTP
# ---------------------------------------------------------------------------------------------

class Unreachable(Exception):
    """The gateway or Keycloak did not answer at all."""


class Refused(Exception):
    """The API answered, but not as the seed expects."""


class Response:
    def __init__(self, status, body):
        self.status = status
        self.body = body

    def json(self):
        return json.loads(self.body) if self.body else None


def http(method, url, body=None, headers=None, what="gateway"):
    data = None
    headers = dict(headers or {})
    if body is not None:
        if isinstance(body, (bytes, str)):
            data = body.encode() if isinstance(body, str) else body
        else:
            data = json.dumps(body).encode()
            headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT) as response:
            return Response(response.status, response.read().decode())
    except urllib.error.HTTPError as e:
        return Response(e.code, e.read().decode(errors="replace"))
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise Unreachable(f"{what} not reachable at {url}: {reason}") from None


class Tokens:
    """Access tokens of the demo users (password grant on the public CLI client), renewed before expiry."""

    def __init__(self, keycloak_url):
        self.endpoint = f"{keycloak_url}/realms/{REALM}/protocol/openid-connect/token"
        self.cache = {}
        self.lock = threading.Lock()

    def of(self, user):
        with self.lock:
            token, expires = self.cache.get(user, (None, 0))
            if token is None or time.monotonic() > expires - 30:
                form = urllib.parse.urlencode({"grant_type": "password", "client_id": CLI_CLIENT,
                                               "username": user, "password": user})
                started = time.monotonic()
                r = http("POST", self.endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"},
                         what="Keycloak")
                if r.status != 200:
                    raise Refused(f"Keycloak refused a token for {user}: {r.status} {r.body[:300]}")
                issued = r.json()
                token, expires = issued["access_token"], started + issued.get("expires_in", 60)
                self.cache[user] = (token, expires)
            return token


class Api:
    def __init__(self, gateway_url, tokens):
        self.base = gateway_url
        self.tokens = tokens

    def call(self, method, path, user, body=None, extra_headers=None):
        """One request; a 502/503/504 (a service not yet registered with the gateway, or restarting) is retried."""
        deadline = time.monotonic() + UNAVAILABLE_WAIT_SECONDS
        while True:
            headers = {"Authorization": "Bearer " + self.tokens.of(user),
                       "Accept": "application/json, application/problem+json", **(extra_headers or {})}
            r = http(method, self.base + path, body, headers)
            if r.status not in (502, 503, 504) or time.monotonic() > deadline:
                return r
            time.sleep(1)

    def get(self, path, user="alice"):
        r = self.call("GET", path, user)
        if r.status != 200:
            raise Refused(f"GET {path} as {user}: {r.status} {r.body[:300]}")
        return r.json()

    def post(self, path, user, body, expect=(200, 201)):
        """POST, retried while the service has not yet heard of a record it references (422).

        One Idempotency-Key for all attempts: a retry after an answer that got lost creates nothing twice."""
        key = {"Idempotency-Key": "demo-seed-" + str(uuid.uuid4())}
        deadline = time.monotonic() + EVENT_WAIT_SECONDS
        while True:
            r = self.call("POST", path, user, body, key)
            if r.status in expect:
                return r.json()
            if r.status != 422 or time.monotonic() > deadline:
                raise Refused(f"POST {path} as {user}: {r.status} {r.body[:400]}")
            time.sleep(POLL_SECONDS)

    def find(self, path, q, matches, user="alice"):
        """The first item of a ?q= search, paged through, for which matches(item) holds."""
        page = 0
        while True:
            query = urllib.parse.urlencode({"q": q, "size": 200, "page": page})
            body = self.get(f"{path}?{query}", user)
            for item in body.get("content", []):
                if matches(item):
                    return item
            page += 1
            if page >= body.get("page", {}).get("totalPages", 0):
                return None

    def await_license(self, license_id, what, condition):
        deadline = time.monotonic() + EVENT_WAIT_SECONDS
        while True:
            current = self.get(f"/api/v1/licenses/{license_id}", "bob")
            if condition(current):
                return current
            if time.monotonic() > deadline:
                raise Refused(f"license {license_id} did not reach '{what}' within {EVENT_WAIT_SECONDS:.0f} s: "
                              f"status {current.get('status')}")
            time.sleep(POLL_SECONDS)


# ---------------------------------------------------------------------------------------------
# Seeding
# ---------------------------------------------------------------------------------------------

class Seed:
    def __init__(self, api):
        self.api = api
        self.created = {}
        self.present = {}
        self.lock = threading.Lock()

    def count(self, kind, created):
        with self.lock:
            bucket = self.created if created else self.present
            bucket[kind] = bucket.get(kind, 0) + 1

    def ensure(self, kind, path, q, matches, user, body):
        existing = self.api.find(path, q, matches)
        if existing is not None:
            self.count(kind, False)
            return existing
        item = self.api.post(path, user, body)
        self.count(kind, True)
        return item

    def has_demo_reseller(self):
        return self.api.find("/api/v1/resellers", "acme", lambda i: i.get("code") == "acme") is not None

    def run(self, workers):
        resellers = {r["code"]: self.ensure("resellers", "/api/v1/resellers", r["code"],
                                            lambda i, c=r["code"]: i.get("code") == c, "alice", r)
                     for r in RESELLERS}
        reps = {r["email"].split("@")[0]: self.ensure("sales reps", "/api/v1/sales-reps", r["name"],
                                                      lambda i, e=r["email"]: same(i.get("email"), e), "alice", r)
                for r in SALES_REPS}
        engineers = [self.ensure("engineers", "/api/v1/engineers", e["name"],
                                 lambda i, m=e["email"]: same(i.get("email"), m), "alice", e)
                     for e in ENGINEERS]
        customers = {}
        for name, industry, region, country, contact, rep, reseller in CUSTOMERS:
            body = {"name": name, "industry": industry, "region": region, "country": country,
                    "contactName": contact,
                    "contactEmail": contact.lower().replace(" ", ".") + "@" + slug(name) + ".example.com",
                    "salesRepId": reps[rep]["id"], "resellerId": resellers[reseller]["id"] if reseller else None,
                    "notes": "demo data"}
            customers[name] = self.ensure("customers", "/api/v1/customers", name,
                                          lambda i, n=name: same(i.get("name"), n), "bob", body)

        # each license's story is sequential (waits for events); the stories run side by side
        scenarios = [LicenseScenario(self, spec, customers[spec["customer"]], engineers[n % len(engineers)])
                     for n, spec in enumerate(LICENSES)]
        pool = concurrent.futures.ThreadPoolExecutor(max_workers=workers)
        try:
            for future in [pool.submit(s.run) for s in scenarios]:
                future.result()
        finally:
            # after a failure, stories not yet started are dropped; the next run completes them
            pool.shutdown(wait=True, cancel_futures=True)
        return {s.spec["key"]: s.license_id for s in scenarios}


def same(a, b):
    return a is not None and a.lower() == b.lower()


def slug(text):
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-")


class LicenseScenario:
    """One demo license: created with its NEW purchase, then taken through its steps."""

    def __init__(self, seed, spec, customer, engineer):
        self.seed = seed
        self.api = seed.api
        self.spec = spec
        self.customer = customer
        self.engineer = engineer
        self.tag = f"[demo:{spec['key']}]"
        self.license_id = None

    def run(self):
        license = self.existing()
        if license is None:
            license = self.create()
            done = Progress.none()
        else:
            self.license_id = license["id"]
            self.seed.count("licenses", False)
            done = self.progress(license)
        s = self.spec
        if "NEW" not in done.purchases:
            self.purchase("NEW", s["amount"], periodStart=s["startDate"], periodEnd=s["expiryDate"],
                          purchaseDate=s["orderDate"])
        for step in s["steps"]:
            if not done.has(step):
                getattr(self, step[0])(*step[1:], resume=done)

    def create(self):
        s = self.spec
        body = {k: s[k] for k in ("productType", "licenseType", "orderDate", "startDate", "expiryDate",
                                  "authorizedWorkspaces", "authorizedUsers")}
        body.update(customerId=self.customer["id"], salesRepId=self.customer.get("salesRepId"),
                    resellerId=self.customer.get("resellerId"),
                    notes=f"Demo license {self.tag}: {s['key'].replace('-', ' ')}")
        license = self.api.post("/api/v1/licenses", "bob", body)
        self.license_id = license["id"]
        self.seed.count("licenses", True)
        return license

    def progress(self, license):
        """How far an existing demo license got, so a run after an interrupted one goes on from there."""
        query = urllib.parse.urlencode({"licenseId": self.license_id, "size": 200})
        purchases = {p["type"] for p in self.api.get(f"/api/v1/purchases?{query}", "bob").get("content", [])}
        deployments = self.api.get(f"/api/v1/deployments?{query}", "erin").get("content", [])
        return Progress(license, purchases, deployments)

    def existing(self):
        # the demo customer's licenses, told apart by the tag in their notes
        query = urllib.parse.urlencode({"customerId": self.customer["id"], "size": 200})
        for item in self.api.get(f"/api/v1/licenses?{query}", "bob").get("content", []):
            if self.tag in (item.get("notes") or ""):
                return item
        return None

    def purchase(self, purchase_type, amount, purchaseDate=None, **terms):
        body = {"licenseId": self.license_id, "type": purchase_type, "purchaseDate": purchaseDate or day(0),
                "amount": amount, "currency": self.spec["currency"],
                "salesRepId": self.customer.get("salesRepId"), "resellerId": self.customer.get("resellerId"),
                "orderReference": f"DEMO-{self.spec['key'].upper()}-{purchase_type}"}
        body.update({k: v for k, v in terms.items() if v is not None})
        self.api.post("/api/v1/purchases", "bob", body)
        self.seed.count("purchases", True)

    def new_deployment(self, scheduled):
        deployment = self.api.post("/api/v1/deployments", "erin", {
            "licenseId": self.license_id, "engineerId": self.engineer["id"], "scheduledDate": scheduled,
            "environment": "PRIVATE_CLOUD" if self.spec["productType"] == "ENT" else "PUBLIC_CLOUD",
            "productVersion": "3.2.1", "notes": "demo data"})
        self.seed.count("deployments", True)
        return deployment["id"]

    def schedule(self, days_ahead, resume):
        self.new_deployment(day(days_ahead))

    def deploy(self, resume):
        unfinished = resume.unfinished_deployment()
        deployment_id = unfinished["id"] if unfinished else self.new_deployment(day(0))
        steps = {"SCHEDULED": ("IN_PROGRESS", "COMPLETED"), "IN_PROGRESS": ("COMPLETED",)}
        for to in steps[unfinished["status"] if unfinished else "SCHEDULED"]:
            self.api.post(f"/api/v1/deployments/{deployment_id}/transitions", "erin", {"to": to, "note": "demo data"})
        self.api.await_license(self.license_id, "DEPLOYED", lambda l: l["status"] == "DEPLOYED")

    def usage(self, workspaces, users, resume):
        self.api.post(f"/api/v1/licenses/{self.license_id}/usage", "erin", {"workspaces": workspaces, "users": users})
        self.seed.count("usage reports", True)
        self.api.await_license(self.license_id, "IN_USE", lambda l: l["status"] == "IN_USE")

    def expansion(self, workspaces, users, amount, resume):
        self.purchase("EXPANSION", amount, workspacesAfter=workspaces, usersAfter=users)
        self.api.await_license(self.license_id, "expanded limits", lambda l:
                               l["authorizedWorkspaces"] == workspaces and l["authorizedUsers"] == users)

    def renewal(self, expiry_offset, amount, resume):
        self.purchase("RENEWAL", amount, periodStart=self.spec["expiryDate"], periodEnd=day(expiry_offset))
        self.api.await_license(self.license_id, "RENEWED", lambda l:
                               l["status"] == "RENEWED" and l["expiryDate"] == day(expiry_offset))

    def upgrade(self, product, workspaces, users, amount, resume):
        self.purchase("UPGRADE", amount, productTypeAfter=product, workspacesAfter=workspaces, usersAfter=users)
        self.api.await_license(self.license_id, "upgraded to " + product, lambda l:
                               l["status"] == "RENEWED" and l["productType"] == product)

    def transition(self, to, reason, resume):
        self.api.post(f"/api/v1/licenses/{self.license_id}/transitions", "alice", {"to": to, "reason": reason})
        self.seed.count("status changes", True)


class Progress:
    """What an existing license already has: its status and usage, purchases and deployments."""

    STEP_PURCHASE = {"expansion": "EXPANSION", "renewal": "RENEWAL", "upgrade": "UPGRADE"}

    def __init__(self, license, purchases, deployments):
        self.license = license
        self.purchases = purchases
        self.deployments = deployments

    @staticmethod
    def none():
        return Progress(None, set(), [])

    def has(self, step):
        if self.license is None:
            return False
        name = step[0]
        if name == "schedule":
            return bool(self.deployments)
        if name == "deploy":
            return any(d["status"] == "COMPLETED" for d in self.deployments)
        if name == "usage":
            return self.license.get("usage") is not None
        if name == "transition":
            return self.license["status"] in (step[1], "TERMINATED")
        return self.STEP_PURCHASE[name] in self.purchases

    def unfinished_deployment(self):
        return next((d for d in self.deployments if d["status"] in ("SCHEDULED", "IN_PROGRESS")), None)


def main():
    parser = argparse.ArgumentParser(description="Create DELMS demo data through the gateway (idempotent).")
    parser.add_argument("--gateway-url", default=os.environ.get("DELMS_GATEWAY_URL", "http://localhost:8080"))
    parser.add_argument("--keycloak-url", default=os.environ.get("DELMS_KEYCLOAK_URL", "http://localhost:8180"))
    parser.add_argument("--workers", type=int, default=4, help="license stories run side by side [4]")
    parser.add_argument("--if-empty", action="store_true",
                        help="do nothing if reseller acme exists (what ./delms up uses)")
    args = parser.parse_args()

    started = time.monotonic()
    seed = Seed(Api(args.gateway_url.rstrip("/"), Tokens(args.keycloak_url.rstrip("/"))))
    try:
        if args.if_empty and seed.has_demo_reseller():
            print("demo data: reseller acme exists, nothing to do")
            return 0
        seed.run(args.workers)
    except Unreachable as e:
        print(f"demo seed: {e} (is the stack up? ./delms up)", file=sys.stderr)
        return 2
    except Refused as e:
        print(f"demo seed failed: {e}", file=sys.stderr)
        report(seed)
        return 1

    report(seed)
    elapsed = time.monotonic() - started
    if seed.created:
        print(f"demo data ready in {elapsed:.1f} s" + ("; the license past its expiry date becomes EXPIRED at the "
              "next run of the expiry job (every 5 minutes)" if seed.created.get("licenses") else ""))
    else:
        print(f"demo data already present, nothing created ({elapsed:.1f} s)")
    return 0


def report(seed):
    for kind in ("resellers", "sales reps", "engineers", "customers", "licenses", "purchases", "deployments",
                 "usage reports", "status changes"):
        made, found = seed.created.get(kind, 0), seed.present.get(kind, 0)
        if made:
            print(f"  {kind}: {made} created" + (f", {found} already there" if found else ""))


if __name__ == "__main__":
    sys.exit(main())
