# shellcheck shell=bash
# Messages, time and network probes every part of the launcher uses.

say() { printf '%s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { local t=${EPOCHREALTIME//[!0-9]/}; echo $((t / 1000)); }
secs() { local ms=$1; printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
http_ok() { [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$1" 2>/dev/null) == 200 ]]; }

# The database server of DELMS_DB_URL.
db_host() { [[ $DELMS_DB_URL =~ ^jdbc:[a-z]+://([^:/?]+) ]] && echo "${BASH_REMATCH[1]}" || echo 127.0.0.1; }
db_port() {
  if [[ $DELMS_DB_URL =~ ^jdbc:[a-z]+://[^:/?]+:([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"; else port_of mariadb; fi
}
