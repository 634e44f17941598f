# shellcheck shell=bash
# ./delms events dlt list|replay <topic>: the dead letters of a topic (docs/decisions.md, 16),
# through the admin-only actuator endpoint of the first running service, as the admin user.

DLT_USAGE="usage: ./delms events dlt list <topic> [--all] | ./delms events dlt replay <topic>"

running_service() {
  local s
  for s in "${SERVICES[@]}"; do
    if http_ok "$(health_url_of "$s")"; then echo "$s"; return 0; fi
  done
  return 1
}

# An access token of the admin user (password grant on the CLI client), or DELMS_ADMIN_TOKEN.
admin_token() {
  if [[ -n ${DELMS_ADMIN_TOKEN:-} ]]; then echo "$DELMS_ADMIN_TOKEN"; return 0; fi
  local user=${DELMS_ADMIN_USER:-alice} response
  response=$(curl -s --max-time 10 "$KEYCLOAK_URL/realms/delms/protocol/openid-connect/token" \
    --data-urlencode grant_type=password --data-urlencode client_id=delms-cli \
    --data-urlencode "username=$user" --data-urlencode "password=${DELMS_ADMIN_PASSWORD:-$user}") ||
    die "Keycloak does not answer at $KEYCLOAK_URL"
  [[ $response =~ \"access_token\"[[:space:]]*:[[:space:]]*\"([^\"]+)\" ]] || die "Keycloak refused a token for $user: ${response:0:200}"
  echo "${BASH_REMATCH[1]}"
}

# The endpoint's JSON for people; as it is without python3.
print_dead_letters() {
  if ! command -v python3 >/dev/null; then printf '%s\n' "$2"; return 0; fi
  python3 -c '
import json, sys
action, answer = sys.argv[1], json.loads(sys.argv[2])
if action == "replay":
    ranges = ", ".join("partition %d: offsets %d-%d" % (r["partition"], r["from"], r["to"] - 1)
                       for r in answer["partitions"])
    print("replayed %d dead letters of %s to %s%s" % (answer["replayed"], answer["deadLetterTopic"],
          answer["topic"], " (" + ranges + ")" if ranges else ""))
    sys.exit(0)
letters = answer["deadLetters"]
print("%s: %d dead letters not replayed yet (%s)" % (answer["topic"], answer["pending"], answer["deadLetterTopic"]))
for d in letters:
    print("  %s-%d@%d  %s  %sfrom %s-%s@%s  key %s" % (answer["deadLetterTopic"], d["partition"], d["offset"],
          d["deadLetteredAt"], "[replayed] " if d["replayed"] else "", d["originalTopic"], d["originalPartition"],
          d["originalOffset"], d["key"]))
    print("    %s %s  group %s  %s" % (d["eventType"], d["eventId"], d["consumerGroup"], d["failure"] or "-"))
    print("    %s: %s" % (d["cause"] or d["exception"], (d["exceptionMessage"] or "")[:300]))
if answer["more"]:
    print("  ... more than %d; the oldest are listed" % len(letters))
' "$1" "$2"
}

cmd_events() {
  [[ ${1:-} == dlt && -n ${3:-} ]] || die "$DLT_USAGE"
  local action=$2 topic=$3 method=GET query=""
  case $action in
    list) if [[ ${4:-} == --all ]]; then query="?all=true&limit=1000"; fi ;;
    replay) method=POST ;;
    *) die "$DLT_USAGE" ;;
  esac
  local service token answer status url
  service=$(running_service) || die "no service is running: ./delms up first"
  url="http://127.0.0.1:$(port_of "$service")/actuator/deadletters/$topic$query"
  token=$(admin_token)
  answer=$(curl -s --max-time 120 -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}' "$url") ||
    die "$service does not answer at $url"
  status=${answer##*$'\n'}
  answer=${answer%$'\n'*}
  [[ $status == 200 ]] || die "$service answered $status: $answer"
  print_dead_letters "$action" "$answer"
}
