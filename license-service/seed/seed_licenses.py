#!/usr/bin/env python3
"""Bulk test data for license-service: inserts N licenses (and the customers they belong to)
straight into its database, with realistic distributions, for demos and benchmarks.

Writes multi-row INSERT statements to stdout (or pipes them into the `mariadb` client with --apply):

    seed_licenses.py --licenses 1000000 --apply --host 127.0.0.1 --port 3306 --user delms_license \
        --password ... --database delms_license

Ids follow XXX-YYYYMM-NNNNNN and continue each product-month counter of license_id_sequence (read
first with --apply), and the counters are moved past them, so neither a second seed nor licenses
created through the API afterwards collide with seeded ones. Each batch of licenses adds itself to the
dashboard's counters (license_count, license_expiry_count) in the same transaction, as the service's
own writes do (docs/decisions.md, 38). Deterministic for a given --seed.
"""
import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import uuid

PRODUCTS = [("ENT", 0.35), ("PRO", 0.65)]
LICENSE_TYPES = [("SUBSCRIPTION", 0.75), ("PERPETUAL", 0.10), ("TRIAL", 0.10), ("POC", 0.05)]
# status of a license still in force / past its expiry date
CURRENT = [("IN_USE", 0.62), ("DEPLOYED", 0.12), ("CREATED", 0.10), ("RENEWED", 0.11), ("SUSPENDED", 0.05)]
PAST = [("EXPIRED", 0.93), ("TERMINATED", 0.05), ("SUSPENDED", 0.02)]
INDUSTRIES = ["Logistics", "Banking", "Retail", "Health", "Energy", "Media", "Telecom", "Insurance", "Automotive"]
WORDS = ["Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Hooli",
         "Vandelay", "Wonka", "Gringotts", "Oscorp", "Aperture", "Black Mesa", "Nakatomi", "Massive", "Dunder"]
BATCH = 2000


def pick(rng, weighted):
    r = rng.random()
    for value, weight in weighted:
        r -= weight
        if r <= 0:
            return value
    return weighted[-1][0]


def sql_str(value):
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "''") + "'"


def existing_counters(args, env):
    """The numbers license_id_sequence has handed out already, so seeded ids continue after them."""
    result = subprocess.run(["mariadb", "--no-defaults", "--protocol=tcp", "-h", args.host, "-P", str(args.port),
                             "-u", args.user, "-N", "-B", "-e",
                             "select product_type, period, last_number from license_id_sequence", args.database],
                            capture_output=True, text=True, env=env, check=True)
    counters = {}
    for line in result.stdout.splitlines():
        product, period, last = line.split("\t")
        counters[(product, period)] = int(last)
    return counters


def count(counts, expiring, status, product, expiry, workspaces, users, usage_ws, usage_users):
    """Adds one license to the counters' deltas, by the service's rules (stats.internal.CountedLicense)."""
    reported = usage_ws is not None
    overused = reported and (usage_ws > workspaces or usage_users > users)
    figures = counts.setdefault((status, product), [0] * 7)
    for i, value in enumerate((1, int(overused), usage_ws or 0, usage_users or 0, workspaces, users, int(reported))):
        figures[i] += value
    if expiry is not None:
        expiring[(expiry, status)] = expiring.get((expiry, status), 0) + 1


def write_batch(out, columns, rows, counts, expiring):
    """One transaction: the licenses and what they add to the counters."""
    out.write("start transaction;\n")
    out.write(f"insert into license ({columns}) values\n" + ",\n".join(rows) + ";\n")
    out.write("insert into license_count (status, product_type, licenses, overused, usage_workspaces, usage_users, "
              "authorized_workspaces, authorized_users, reporting) values\n"
              + ",\n".join("(" + ",".join([sql_str(s), sql_str(p)] + [str(v) for v in f]) + ")"
                            for (s, p), f in sorted(counts.items()))
              + "\non duplicate key update licenses = licenses + values(licenses), overused = overused + values(overused), "
              "usage_workspaces = usage_workspaces + values(usage_workspaces), "
              "usage_users = usage_users + values(usage_users), "
              "authorized_workspaces = authorized_workspaces + values(authorized_workspaces), "
              "authorized_users = authorized_users + values(authorized_users), reporting = reporting + values(reporting);\n")
    if expiring:
        out.write("insert into license_expiry_count (expiry_date, status, licenses) values\n"
                  + ",\n".join(f"({sql_str(d)},{sql_str(s)},{n})" for (d, s), n in sorted(expiring.items()))
                  + "\non duplicate key update licenses = licenses + values(licenses);\n")
    out.write("commit;\n")
    rows.clear()
    counts.clear()
    expiring.clear()


def generate(args, out, counters):
    rng = random.Random(args.seed)
    today = dt.date.today()
    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    months = args.months
    first_month = (today.replace(day=1) - dt.timedelta(days=30 * (months - 1))).replace(day=1)

    customers = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(max(1, args.licenses // 8))]
    reps = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(60)]
    resellers = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(40)]

    out.write("set foreign_key_checks = 0;\nset unique_checks = 0;\n")
    # customers: a read model row each, named so that q= finds them
    for start in range(0, len(customers), BATCH):
        rows = []
        for i, cid in enumerate(customers[start:start + BATCH], start):
            name = f"{rng.choice(WORDS)} {rng.choice(INDUSTRIES)} {i:07d}"
            rep = rng.choice(reps)
            res = rng.choice(resellers) if rng.random() < 0.3 else None
            rows.append(f"({sql_str(cid)},{sql_str(name)},{sql_str(rep)},{sql_str(res)},0,{sql_str(now)})")
        out.write("insert into known_customer (id, name, sales_rep_id, reseller_id, deleted, updated_at) values\n"
                  + ",\n".join(rows) + "\non duplicate key update name = values(name);\n")

    columns = ("id, product_type, license_type, status, customer_id, sales_rep_id, reseller_id, order_date, "
               "start_date, expiry_date, authorized_workspaces, authorized_users, notes, created_at, updated_at, "
               "created_by, updated_by, version, usage_workspaces, usage_users, usage_reported_at")
    rows, counts, expiring = [], {}, {}
    # customers get licenses with a skew: a few big customers hold many
    for n in range(args.licenses):
        product = pick(rng, PRODUCTS)
        ltype = pick(rng, LICENSE_TYPES)
        day_offset = rng.randrange(0, (today - first_month).days + 1)
        created = first_month + dt.timedelta(days=day_offset)
        period = created.strftime("%Y%m")
        key = (product, period)
        counters[key] = counters.get(key, 0) + 1
        lid = f"{product}-{period}-{counters[key]:06d}"
        order = created - dt.timedelta(days=rng.randrange(0, 20))
        start = created + dt.timedelta(days=rng.randrange(0, 15))
        if ltype == "PERPETUAL":
            expiry = None
        elif ltype == "TRIAL":
            expiry = start + dt.timedelta(days=30)
        elif ltype == "POC":
            expiry = start + dt.timedelta(days=rng.choice([60, 90]))
        else:
            expiry = start + dt.timedelta(days=365 * rng.choice([1, 1, 1, 2, 3]))
            if rng.random() < 0.4:  # renewed at least once
                expiry += dt.timedelta(days=365)
        status = pick(rng, PAST) if expiry is not None and expiry < today else pick(rng, CURRENT)
        customer = customers[min(len(customers) - 1, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.2 \
            else rng.choice(customers)
        rep = rng.choice(reps)
        reseller = rng.choice(resellers) if rng.random() < 0.3 else None
        workspaces = max(1, int(rng.lognormvariate(2.3, 0.9)))
        users = workspaces * rng.randrange(5, 60)
        usage_ws = usage_users = usage_at = None
        if status in ("IN_USE", "RENEWED", "SUSPENDED", "EXPIRED") and rng.random() < 0.9:
            usage_ws = max(0, round(workspaces * rng.uniform(0.2, 1.12)))
            usage_users = max(0, round(users * rng.uniform(0.2, 1.1)))
            last = min(now, dt.datetime.combine(expiry, dt.time(12)) if expiry else now)
            usage_at = last - dt.timedelta(minutes=rng.randrange(0, 60 * 24 * 14))
        notes = f"{rng.choice(WORDS)} rollout, phase {rng.randrange(1, 5)}" if rng.random() < 0.15 else None
        created_at = dt.datetime.combine(created, dt.time(rng.randrange(8, 19), rng.randrange(60), rng.randrange(60)))
        rows.append("(" + ",".join(sql_str(v) for v in (
            lid, product, ltype, status, customer, rep, reseller, order, start, expiry, workspaces, users, notes,
            created_at, created_at, "seed", "seed", 0, usage_ws, usage_users, usage_at)) + ")")
        count(counts, expiring, status, product, expiry, workspaces, users, usage_ws, usage_users)
        if len(rows) == BATCH:
            write_batch(out, columns, rows, counts, expiring)
    if rows:
        write_batch(out, columns, rows, counts, expiring)
    for (product, period), last in counters.items():
        out.write("insert into license_id_sequence (product_type, period, last_number) values "
                  f"({sql_str(product)},{sql_str(period)},{last}) "
                  "on duplicate key update last_number = greatest(last_number, values(last_number));\n")
    out.write("set unique_checks = 1;\nset foreign_key_checks = 1;\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--licenses", type=int, required=True)
    parser.add_argument("--months", type=int, default=60, help="creation dates spread over this many months")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--apply", action="store_true", help="pipe into the mariadb client instead of printing")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="3306")
    parser.add_argument("--user", default="delms_license")
    parser.add_argument("--password", default=os.environ.get("DELMS_LICENSE_DB_PASSWORD", "delms_license_demo"))
    parser.add_argument("--database", default="delms_license")
    args = parser.parse_args()
    if args.licenses < 1:
        parser.error("--licenses must be at least 1")
    if args.licenses / (args.months * 0.30) > 900000:
        parser.error("too many licenses for the id space (999999 per product and month): raise --months")
    if not args.apply:
        generate(args, sys.stdout, {})
        return
    env = dict(os.environ, MYSQL_PWD=args.password)
    counters = existing_counters(args, env)
    client = subprocess.Popen(["mariadb", "--no-defaults", "--protocol=tcp", "-h", args.host, "-P", str(args.port),
                               "-u", args.user, "--max-allowed-packet=64M", args.database],
                              stdin=subprocess.PIPE, text=True, env=env)
    try:
        generate(args, client.stdin, counters)
    finally:
        client.stdin.close()
    sys.exit(client.wait())


if __name__ == "__main__":
    main()
