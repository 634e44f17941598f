# shellcheck shell=bash
# ./delms seed: the demo data through the API, or bulk licenses straight into the database.

# Demo data (resellers acme and globex, reps, engineers, customers, licenses in every lifecycle
# state) created through the gateway by infra/seed/demo_seed.py; idempotent.
# shellcheck disable=SC2120 # up passes --if-empty (supervise.sh), ./delms seed nothing
seed_demo() {
  command -v python3 >/dev/null || { warn "demo data needs python3"; return 1; }
  DELMS_GATEWAY_URL="$GATEWAY_URL" DELMS_KEYCLOAK_URL="$KEYCLOAK_URL" python3 "$ROOT/infra/seed/demo_seed.py" "$@"
}

# ./delms seed --licenses N: bulk licenses (and their customers' read-model rows) straight into
# delms_license, for demos and benchmarks; the generator is license-service/seed/seed_licenses.py.
# Needs the schema, i.e. license-service started once (./delms up).
seed_licenses() {
  local n=${1:-}
  [[ $n =~ ^0*[1-9][0-9]*$ ]] || die "seed --licenses needs a positive number"
  command -v python3 >/dev/null || die "seed --licenses needs python3"
  local t0
  t0=$(now_ms)
  say "seeding $n licenses into delms_license at $(db_host):$(db_port) ..."
  python3 "$ROOT/license-service/seed/seed_licenses.py" --licenses "$n" --apply --host "$(db_host)" \
    --port "$(db_port)" --user delms_license --password "${DELMS_LICENSE_DB_PASSWORD:-delms_license_demo}" \
    --database delms_license || die "seeding licenses failed"
  say "seeded $n licenses in $(secs $(($(now_ms) - t0)))"
}

cmd_seed() {
  case ${1:-} in
    --licenses) seed_licenses "${2:-}" ;;
    "") seed_demo || die "demo data could not be created (see above)" ;;
    *) die "usage: ./delms seed | ./delms seed --licenses N" ;;
  esac
}
