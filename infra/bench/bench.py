#!/usr/bin/env python3
"""The figures of docs/performance.md, measured side by side against a running DELMS.

Run by `./delms bench` (infra/launcher/bench.sh), which starts the stack with the bench's settings,
seeds the licenses and hands over the startup figures; see docs/performance.md for the method.

Each figure is measured next to what it is compared with (the gateway next to the service behind
it, an endpoint next to the plain SQL of the same read) and the comparison is a ratio, so a slower
or busier machine moves both sides and the ratio much less. `--check` compares the ratios with the
recorded ones (docs/performance.json) and fails when one is more than 20 % worse.
"""
import argparse
import concurrent.futures
import datetime as dt
import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid

REALM = "delms"
CLI_CLIENT = "delms-cli"
TOLERANCE = 0.20


def log(message):
    print(f"bench: {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# HTTP with kept-alive connections (one per thread)
# ---------------------------------------------------------------------------------------------

class Http:
    def __init__(self, base):
        self.base = urllib.parse.urlsplit(base)
        self.local = threading.local()

    def _connection(self):
        c = getattr(self.local, "c", None)
        if c is None:
            c = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=30)
            self.local.c = c
        return c

    def call(self, method, path, headers=None, body=None):
        data = None if body is None else (body if isinstance(body, (bytes, str)) else json.dumps(body))
        headers = dict(headers or {})
        if data is not None and "Content-Type" not in headers:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            c = self._connection()
            try:
                c.request(method, path, body=data, headers=headers)
                r = c.getresponse()
                payload = r.read()
                return r.status, payload
            except (http.client.HTTPException, OSError):
                c.close()
                self.local.c = None
                if attempt == 2:
                    raise


class Tokens:
    """Access tokens of the demo users, renewed a minute before they expire."""

    def __init__(self, keycloak):
        self.keycloak = Http(keycloak)
        self.cache = {}
        self.lock = threading.Lock()

    def of(self, user):
        with self.lock:
            token, until = self.cache.get(user, (None, 0))
            if token is None or time.monotonic() > until:
                form = urllib.parse.urlencode({"grant_type": "password", "client_id": CLI_CLIENT,
                                               "username": user, "password": user})
                status, body = self.keycloak.call("POST", f"/realms/{REALM}/protocol/openid-connect/token",
                                                  {"Content-Type": "application/x-www-form-urlencoded"}, form)
                if status != 200:
                    sys.exit(f"bench: Keycloak refused a token for {user}: {status} {body[:200]!r}")
                issued = json.loads(body)
                token, until = issued["access_token"], time.monotonic() + issued.get("expires_in", 60) - 60
                self.cache[user] = (token, until)
            return token


class Api:
    def __init__(self, base, tokens):
        self.http = Http(base)
        self.tokens = tokens

    def call(self, method, path, user, body=None, expect=(200, 201)):
        headers = {"Authorization": "Bearer " + self.tokens.of(user), "Accept": "application/json"}
        if method == "POST":
            headers["Idempotency-Key"] = "bench-" + str(uuid.uuid4())
        status, payload = self.http.call(method, path, headers, body)
        if status not in expect:
            raise RuntimeError(f"{method} {path} as {user}: {status} {payload[:300]!r}")
        return json.loads(payload) if payload else None


# ---------------------------------------------------------------------------------------------
# Tools: wrk for HTTP load, the mariadb client for the plain SQL
# ---------------------------------------------------------------------------------------------

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def wrk(url, token, connections, seconds, script=None):
    """Requests a second and latency percentiles (ms) of one wrk run; fails on any non-2xx answer."""
    command = ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s", "--latency",
               "-H", f"Authorization: Bearer {token}"]
    if script:
        command += ["-s", script]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    if errors or socket_errors:
        raise RuntimeError(f"wrk {url}: {errors.group(0) if errors else socket_errors.group(0)}\n{out}")
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))}
    for p in ("50", "99"):
        value, unit = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M).groups()
        figures[f"p{p}_ms"] = float(value) * UNITS[unit]
    return figures


class Database:
    """Plain SQL through the mariadb client: one connection, queries back to back, like a JDBC loop."""

    def __init__(self, host, port, schema):
        self.args = ["mariadb", "--no-defaults", "--protocol=tcp", "-h", host, "-P", str(port),
                     "-u", f"delms_{schema}", "-N", "-B", f"delms_{schema}"]
        self.env = dict(os.environ, MYSQL_PWD=os.environ.get(f"DELMS_{schema.upper()}_DB_PASSWORD",
                                                            f"delms_{schema}_demo"))

    def query(self, sql):
        return subprocess.run(self.args + ["-e", sql], capture_output=True, text=True, check=True,
                              env=self.env).stdout

    def time_each(self, sql, times):
        """Mean milliseconds of one execution of sql, run `times` times over one connection."""
        script = "".join(f"{sql};\n" for _ in range(times))
        t0 = time.perf_counter()
        subprocess.run(self.args, input=script, capture_output=True, text=True, check=True, env=self.env)
        return (time.perf_counter() - t0) * 1000 / times

    def time_once(self, sql, runs):
        """Median and worst milliseconds of sql, each run on its own (after one warm-up run)."""
        self.time_each(sql, 1)
        times = [self.time_each(sql, 1) for _ in range(runs)]
        return statistics.median(times), max(times)


def memory(pid_dir):
    """Resident memory (MiB) of each component's process group, from the launcher's pid files."""
    rss_by_group = {}
    for line in subprocess.run(["ps", "-eo", "pgid=,rss="], capture_output=True, text=True, check=True).stdout.splitlines():
        group, rss = line.split()
        rss_by_group[group] = rss_by_group.get(group, 0) + int(rss)
    components = {}
    for name in sorted(os.listdir(pid_dir)):
        if name.endswith(".pid"):
            group = open(os.path.join(pid_dir, name)).read().split()[0]
            if group in rss_by_group:
                components[name[:-4]] = rss_by_group[group] // 1024
    return {"components": components, "total_mib": sum(components.values())}


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed_calls(call, n):
    """p50 and p99 (ms) of n calls in a row, after a few warm-up calls."""
    for _ in range(min(5, n)):
        call()
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        call()
        times.append((time.perf_counter() - t0) * 1000)
    return {"p50_ms": percentile(times, 50), "p99_ms": percentile(times, 99), "n": n}


# ---------------------------------------------------------------------------------------------
# The figures
# ---------------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args):
        self.args = args
        self.tokens = Tokens(args.keycloak)
        self.gateway = Api(args.gateway, self.tokens)
        self.direct = {name: Api(url, self.tokens) for name, url in
                       (("license", args.license_service), ("alert", args.alert_service))}
        self.license_db = Database(args.db_host, args.db_port, "license")
        self.alert_db = Database(args.db_host, args.db_port, "alert")
        self.figures = {}
        self.seconds = args.seconds

    def run(self):
        self.reads()
        self.dashboard()
        self.alert_scan()
        self.event_lag()
        self.usage_reports()
        if self.args.pids:
            self.figures["memory"] = memory(self.args.pids)
        return self.figures

    def a_license(self):
        page = self.gateway.call("GET", "/api/v1/licenses?size=1&sort=createdAt,desc", "alice")
        if not page["content"]:
            sys.exit("bench: no license to read: seed first (./delms seed)")
        return page["content"][0]["id"]

    def reads(self):
        """The same read straight from license-service and through the gateway, and as plain SQL."""
        license_id = self.a_license()
        token = self.tokens.of("alice")
        paths = {"get": f"/api/v1/licenses/{license_id}", "list": "/api/v1/licenses?size=20"}
        for name, path in paths.items():
            for side, base in (("direct", self.args.license_service), ("gateway", self.args.gateway)):
                log(f"{name} {side}: 1 and 16 connections, {self.seconds} s each")
                if self.args.warmup:  # the JIT compiles the path first, as in a system that has run a while
                    wrk(base + path, token, 16, self.args.warmup)
                one = wrk(base + path, token, 1, self.seconds)
                many = wrk(base + path, token, 16, self.seconds)
                self.figures[f"read.{name}.{side}"] = {"c1_p50_ms": one["p50_ms"], "c1_p99_ms": one["p99_ms"],
                                                        "c16_rps": many["rps"], "c16_p99_ms": many["p99_ms"]}
        times = max(200, self.args.sql_times)
        self.figures["read.get.sql"] = {"ms": self.license_db.time_each(
            f"select * from license where id = '{license_id}'", times)}
        self.figures["read.list.sql"] = {"ms": self.license_db.time_each(
            "select * from license order by created_at desc limit 20", times)}

    def dashboard(self):
        """GET /stats/licenses (license-service, and through the gateway) next to a full recount in SQL."""
        log("dashboard")
        n = self.args.requests
        self.figures["dashboard.direct"] = timed_calls(
            lambda: self.direct["license"].call("GET", "/api/v1/stats/licenses", "alice"), n)
        self.figures["dashboard.gateway"] = timed_calls(
            lambda: self.gateway.call("GET", "/api/v1/stats/licenses", "alice"), n)
        p50, worst = self.license_db.time_once(
            "select status, product_type, count(*), sum(overused), sum(usage_workspaces), sum(usage_users) "
            "from license group by status, product_type", 3)
        self.figures["dashboard.sql_recount"] = {"ms": p50, "worst_ms": worst}
        self.figures["licenses"] = {"count": int(self.license_db.query("select count(*) from license").strip())}

    def alert_scan(self):
        """The alert scan's own timer (delms.alerts.scan, if the service reports one) next to the plain
        SQL that finds the licenses the scan has to look at."""
        status, body = self.direct["alert"].http.call("GET", "/actuator/metrics/delms.alerts.scan")
        if status != 200:
            self.figures["alert_scan"] = {"note": "alert-service reports no delms.alerts.scan timer"}
            return
        log("alert scan (from its timer)")
        measurements = {m["statistic"]: m["value"] for m in json.loads(body)["measurements"]}
        count = measurements.get("COUNT", 0)
        self.figures["alert_scan"] = {"runs": count,
                                      "mean_ms": 1000 * measurements.get("TOTAL_TIME", 0) / count if count else None,
                                      "max_ms": 1000 * measurements.get("MAX", 0)}

    def bench_licenses(self, n):
        """n licenses of the bench's own, created through the API (so every service knows them)."""
        customer = self.gateway.call("GET", "/api/v1/customers?size=1", "alice")["content"][0]["id"]
        today = dt.date.today()
        created = []
        for _ in range(n):
            created.append(self.gateway.call("POST", "/api/v1/licenses", "bob", {
                "productType": "ENT", "licenseType": "SUBSCRIPTION", "orderDate": today.isoformat(),
                "startDate": today.isoformat(), "expiryDate": (today + dt.timedelta(days=365)).isoformat(),
                "authorizedWorkspaces": 5, "authorizedUsers": 50, "customerId": customer,
                "notes": "bench: purchases and usage reports"}))
        return created

    def await_license(self, license_id, condition, timeout=30):
        deadline = time.monotonic() + timeout
        while True:
            license = self.gateway.call("GET", f"/api/v1/licenses/{license_id}", "bob")
            if condition(license):
                return license
            if time.monotonic() > deadline:
                raise RuntimeError(f"license {license_id} did not change within {timeout} s")
            time.sleep(0.01)

    def event_lag(self):
        """Purchases recorded through the gateway at a steady rate; for each, the time from its 201 until
        GET /licenses/{id} shows it (sales-service -> outbox -> Kafka -> license-service)."""
        pool = self.bench_licenses(self.args.lag_licenses)
        workspaces = {lic["id"]: lic["authorizedWorkspaces"] for lic in pool}
        locks = {lic["id"]: threading.Lock() for lic in pool}
        today = dt.date.today().isoformat()

        def purchase(license_id):
            with locks[license_id]:  # one purchase of a license at a time, so its result is known
                workspaces[license_id] += 1
                target = workspaces[license_id]
                self.gateway.call("POST", "/api/v1/purchases", "bob", {
                    "licenseId": license_id, "type": "EXPANSION", "purchaseDate": today, "amount": "10.00",
                    "currency": "EUR", "workspacesAfter": target, "usersAfter": 50})
                recorded = time.perf_counter()
                self.await_license(license_id, lambda lic: lic["authorizedWorkspaces"] >= target)
                return (time.perf_counter() - recorded) * 1000

        for rate in self.args.rates:
            total = int(rate * self.seconds * 2)
            log(f"event lag: {total} purchases at {rate}/s")
            lags = []
            with concurrent.futures.ThreadPoolExecutor(max_workers=min(64, len(pool))) as workers:
                futures = []
                start = time.perf_counter()
                for i in range(total):
                    delay = start + i / rate - time.perf_counter()
                    if delay > 0:
                        time.sleep(delay)
                    futures.append(workers.submit(purchase, pool[i % len(pool)]["id"]))
                sent_in = time.perf_counter() - start
                lags, refused = [], []
                for f in futures:
                    try:
                        lags.append(f.result())
                    except RuntimeError as e:  # e.g. 503 from the gateway's bulkhead: a figure, not a crash
                        refused.append(str(e)[:200])
            if not lags:
                raise RuntimeError(f"every purchase at {rate}/s failed, e.g. {refused[0]}")
            self.figures[f"event_lag.{rate}_per_s"] = {
                "purchases": total, "achieved_per_s": total / sent_in, "failed": len(refused),
                "first_failure": refused[0] if refused else None,
                "p50_ms": percentile(lags, 50), "p99_ms": percentile(lags, 99), "max_ms": max(lags)}

    def usage_reports(self):
        """Usage reports through the gateway as fast as they go (wrk, 16 connections), and the time from
        a report over the workspace limit to the OVERUSE_WORKSPACES alert in GET /alerts."""
        pool = self.bench_licenses(2)
        target, steady = pool[0]["id"], pool[1]["id"]
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                         'wrk.body = \'{"workspaces": 1, "users": 2}\'\n')
        log(f"usage reports: 16 connections, {self.seconds} s")
        try:
            if self.args.warmup:
                wrk(f"{self.args.gateway}/api/v1/licenses/{steady}/usage", self.tokens.of("erin"), 16,
                    self.args.warmup, script.name)
            figures = wrk(f"{self.args.gateway}/api/v1/licenses/{steady}/usage", self.tokens.of("erin"), 16,
                          self.seconds, script.name)
        finally:
            os.unlink(script.name)
        self.figures["usage.reports"] = {"rps": figures["rps"], "p99_ms": figures["p99_ms"]}
        log("overuse alert latency")
        latencies = []
        for _ in range(self.args.overuse_samples):
            self.gateway.call("POST", f"/api/v1/licenses/{target}/usage", "erin", {"workspaces": 6, "users": 10})
            reported = time.perf_counter()
            self.await_alert(target, "OPEN")
            latencies.append((time.perf_counter() - reported) * 1000)
            self.gateway.call("POST", f"/api/v1/licenses/{target}/usage", "erin", {"workspaces": 1, "users": 10})
            self.await_alert(target, None)
        self.figures["usage.overuse_alert"] = {"samples": len(latencies), "p50_ms": percentile(latencies, 50),
                                               "p99_ms": percentile(latencies, 99)}

    def await_alert(self, license_id, status, timeout=30):
        """Until the license has an open OVERUSE_WORKSPACES alert (status OPEN) or none (None)."""
        deadline = time.monotonic() + timeout
        while True:
            page = self.gateway.call("GET", f"/api/v1/alerts?licenseId={license_id}&type=OVERUSE_WORKSPACES&status=OPEN",
                                     "alice")
            if (page["page"]["totalElements"] > 0) == (status == "OPEN"):
                return
            if time.monotonic() > deadline:
                raise RuntimeError(f"the OVERUSE_WORKSPACES alert of {license_id} did not become {status} in {timeout} s")
            time.sleep(0.01)


# ---------------------------------------------------------------------------------------------
# Ratios, the report and the check
# ---------------------------------------------------------------------------------------------

def ratios(f, startup):
    """name -> (value, better: 'lower'|'higher', target text, target met?)"""
    r = {}

    def add(name, value, better, target, met):
        if value is not None:
            r[name] = {"value": round(value, 3), "better": better, "target": target, "met": met}

    g, d = f["read.get.gateway"], f["read.get.direct"]
    added = g["c1_p50_ms"] - d["c1_p50_ms"]
    add("gateway_added_ms_get_c1_p50", added, "lower", "<= 1 ms", added <= 1)
    add("gateway_over_direct_get_c16_rps", g["c16_rps"] / d["c16_rps"], "higher", ">= 0.8",
        g["c16_rps"] / d["c16_rps"] >= 0.8)
    gl, dl = f["read.list.gateway"], f["read.list.direct"]
    add("gateway_over_direct_list_c16_rps", gl["c16_rps"] / dl["c16_rps"], "higher", ">= 0.8",
        gl["c16_rps"] / dl["c16_rps"] >= 0.8)
    add("direct_get_over_sql", d["c1_p50_ms"] / f["read.get.sql"]["ms"], "lower", "(information)", True)
    dash = f["dashboard.direct"]["p99_ms"]
    add("dashboard_p99_ms", dash, "lower", "<= 50 ms", dash <= 50)
    add("dashboard_over_sql_recount", f["dashboard.direct"]["p50_ms"] / f["dashboard.sql_recount"]["ms"], "lower",
        "(information)", True)
    for key, value in f.items():
        if key.startswith("event_lag."):
            add(f"{key.replace('.', '_')}_p99_ms", value["p99_ms"], "lower", "<= 300 ms",
                value["p99_ms"] <= 300 and value["failed"] == 0)
    add("usage_reports_per_s", f["usage.reports"]["rps"], "higher", ">= 500", f["usage.reports"]["rps"] >= 500)
    add("overuse_alert_p99_ms", f["usage.overuse_alert"]["p99_ms"], "lower", "<= 1000 ms",
        f["usage.overuse_alert"]["p99_ms"] <= 1000)
    if startup:
        add("startup_total_s", startup["total_s"], "lower", "<= 45 s", startup["total_s"] <= 45)
    if "memory" in f:
        gib = f["memory"]["total_mib"] / 1024
        add("rss_total_gib", gib, "lower", "<= 3.0 GiB", gib <= 3.0)
    return r


def check(current, recorded_path):
    recorded = json.load(open(recorded_path))["ratios"]
    worse = []
    for name, old in recorded.items():
        new = current.get(name)
        if new is None or old["better"] == "info":
            continue
        a, b = old["value"], new["value"]
        if a == 0:
            continue
        change = (b - a) / abs(a) if old["better"] == "lower" else (a - b) / abs(a)
        mark = "WORSE" if change > TOLERANCE else "ok"
        print(f"  {mark:5} {name}: recorded {a}, now {b} ({change * 100:+.0f} % worse)" if change > 0 else
              f"  {mark:5} {name}: recorded {a}, now {b}")
        if change > TOLERANCE:
            worse.append(name)
    return worse


def fmt(value, digits=1):
    return "-" if value is None else f"{value:,.{digits}f}"


def report(path, figures, ratio_table, startup, args):
    machine = f"{os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, " \
              f"{platform.system()} {platform.release()}"
    lines = [
        "# Performance",
        "",
        "Measured by `./delms bench` (infra/bench/bench.py, infra/launcher/bench.sh); `./delms bench --check`",
        "re-measures and fails when a ratio below is more than 20 % worse than recorded here",
        "(docs/performance.json holds the same figures for the check).",
        "",
        f"- **When:** {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- **Machine:** {machine}; load average before the run {args.load_before}",
        f"- **Data:** {figures['licenses']['count']:,} licenses in license-service's database",
        "- **Settings:** the stack as `./delms up` runs it, started by the bench with production trace sampling "
        "(10 %) and rate limits that do not bind (the bench is one caller); each figure measured "
        f"for {args.seconds} s, wrk on loopback.",
        "",
        "## Targets",
        "",
        "| figure | value | target | met |",
        "|---|---|---|---|",
    ]
    for name, r in ratio_table.items():
        lines.append(f"| {name} | {r['value']:,} | {r['target']} | {'yes' if r['met'] else 'no'} |")
    lines += ["", "## Side by side", "", "| read | 1 connection p50 ms | p99 ms | 16 connections req/s | p99 ms |",
              "|---|---|---|---|---|"]
    for name in ("get", "list"):
        for side in ("direct", "gateway"):
            x = figures[f"read.{name}.{side}"]
            lines.append(f"| {name} {side} | {fmt(x['c1_p50_ms'], 2)} | {fmt(x['c1_p99_ms'], 2)} | {fmt(x['c16_rps'])} | "
                         f"{fmt(x['c16_p99_ms'], 2)} |")
        lines.append(f"| {name} plain SQL (one connection) | {fmt(figures[f'read.{name}.sql']['ms'], 2)} | | | |")
    lines += ["", "| dashboard | p50 ms | p99 ms |", "|---|---|---|"]
    for side in ("direct", "gateway"):
        x = figures[f"dashboard.{side}"]
        lines.append(f"| GET /stats/licenses {side} | {fmt(x['p50_ms'], 2)} | {fmt(x['p99_ms'], 2)} |")
    lines.append(f"| full recount in SQL | {fmt(figures['dashboard.sql_recount']['ms'], 1)} | "
                 f"{fmt(figures['dashboard.sql_recount']['worst_ms'], 1)} |")
    lines += ["", "| purchase recorded -> license shows it | sent per s | failed | p50 ms | p99 ms | max ms |",
              "|---|---|---|---|---|---|"]
    for key, x in figures.items():
        if key.startswith("event_lag."):
            lines.append(f"| {x['purchases']} purchases | {fmt(x['achieved_per_s'])} | {x['failed']} | {fmt(x['p50_ms'])} | "
                         f"{fmt(x['p99_ms'])} | {fmt(x['max_ms'])} |")
    u, o = figures["usage.reports"], figures["usage.overuse_alert"]
    lines += ["", f"Usage reports through the gateway: {fmt(u['rps'])} a second (p99 {fmt(u['p99_ms'], 2)} ms); "
              f"OVERUSE alert visible p50 {fmt(o['p50_ms'])} ms, p99 {fmt(o['p99_ms'])} ms after the report "
              f"({o['samples']} samples).", ""]
    scan = figures.get("alert_scan", {})
    lines += [f"Alert scan: {json.dumps(scan)}", ""]
    rss = figures.get("memory", {}).get("components", {})
    if startup or rss:
        ready = {c["name"]: c.get("ready_s") for c in (startup or {}).get("components", [])}
        lines += ["## Startup and memory", "",
                  f"`./delms up` to every component healthy: {fmt((startup or {}).get('total_s'))} s (time to ready "
                  "from each component's own start; resident memory of its processes after the load above).",
                  "", "| component | ready after s | RSS MiB |", "|---|---|---|"]
        for name in sorted(set(ready) | set(rss)):
            lines.append(f"| {name} | {fmt(ready.get(name))} | {rss.get(name, '-')} |")
        lines.append(f"| **whole system** | {fmt((startup or {}).get('total_s'))} | "
                     f"{figures.get('memory', {}).get('total_mib', '-')} |")
    lines.append("")
    with open(path, "w") as out:
        out.write("\n".join(lines))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--gateway", default="http://127.0.0.1:8080")
    p.add_argument("--license-service", default="http://127.0.0.1:8081")
    p.add_argument("--alert-service", default="http://127.0.0.1:8085")
    p.add_argument("--keycloak", default="http://127.0.0.1:8180")
    p.add_argument("--db-host", default="127.0.0.1")
    p.add_argument("--db-port", type=int, default=3306)
    p.add_argument("--seconds", type=int, default=15, help="how long each load runs")
    p.add_argument("--warmup", type=int, default=5, help="seconds of load before each measured load")
    p.add_argument("--requests", type=int, default=300, help="sequential requests of a latency figure")
    p.add_argument("--sql-times", type=int, default=2000)
    p.add_argument("--rates", type=float, nargs="+", default=[10, 50], help="purchases a second")
    p.add_argument("--lag-licenses", type=int, default=60)
    p.add_argument("--overuse-samples", type=int, default=20)
    p.add_argument("--startup", help="JSON of the startup figures written by the launcher")
    p.add_argument("--pids", help="the launcher's pid files (.delms/pids), for the memory figures")
    p.add_argument("--out", required=True, help="where the figures go (JSON)")
    p.add_argument("--report", help="write the Markdown report here (docs/performance.md)")
    p.add_argument("--record", help="write the ratios here (docs/performance.json)")
    p.add_argument("--check", help="compare the ratios with this recorded file")
    args = p.parse_args()
    args.load_before = open("/proc/loadavg").read().split()[0]

    startup = json.load(open(args.startup)) if args.startup else None
    figures = Bench(args).run()
    ratio_table = ratios(figures, startup)
    result = {"measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
              "load_before": args.load_before, "ratios": ratio_table, "figures": figures, "startup": startup}
    with open(args.out, "w") as out:
        json.dump(result, out, indent=2)
    log(f"figures in {args.out}")
    for name, r in ratio_table.items():
        print(f"  {name}: {r['value']} (target {r['target']}: {'met' if r['met'] else 'NOT met'})")
    if args.report:
        report(args.report, figures, ratio_table, startup, args)
    if args.record:
        with open(args.record, "w") as out:
            json.dump(result, out, indent=2)
            out.write("\n")
    if args.check:
        worse = check(ratio_table, args.check)
        if worse:
            sys.exit(f"bench: {len(worse)} figure(s) more than {TOLERANCE:.0%} worse than recorded: {', '.join(worse)}")
        log("no figure is more than 20 % worse than recorded")


if __name__ == "__main__":
    main()
