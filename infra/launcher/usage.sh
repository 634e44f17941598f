# shellcheck shell=bash
# ./delms help

usage() {
  local components
  components=$(printf '%s\n' "${INFRA[@]}" "${PLATFORM[@]}" gateway | paste -sd' ')
  cat <<EOF
DELMS launcher

  ./delms up [--replicas N]   build what changed, start everything, wait until healthy; with
                           --replicas N (1..$MAX_REPLICAS), N instances of every app (services, gateway)
  ./delms scale <app|all> N   run N instances of an app (or of every app): starts <app>-2..<app>-N,
                           each on the app's ports + $REPLICA_PORT_STEP per instance, or stops the extra
                           ones gracefully (N = 1: only the table's instance)
  ./delms down             stop everything ./delms started, every instance
  ./delms status           component (and instance), pid, port, health, memory
  ./delms logs <c> [-f]    last 200 lines of a component's log (-f: follow)
  ./delms test [args]      all tests: ./mvnw verify [args], then the system tests against ./delms up
  ./delms stop <c>         stop one component (or instance: license-service-2)
  ./delms start <c>        start one stopped component and wait for its health
  ./delms freeze <c>       pause a component (SIGSTOP), for resilience tests
  ./delms thaw <c>         resume a frozen component (SIGCONT)
  ./delms kill <c>         kill a component's processes (SIGKILL), for resilience tests
  ./delms chaos            the fault suite: stops, kills and restarts parts of a running stack
                           (started and stopped for it when none runs) and checks no event is lost
  ./delms seed             demo data through the API (resellers acme/globex, customers, licenses in
                           every state); idempotent, and run by up on an empty system
  ./delms seed --licenses N   insert N generated licenses into license-service's database
  ./delms events dlt list <topic> [--all]   dead letters of a topic not replayed yet (all of them)
  ./delms events dlt replay <topic>         republish them to the topic; each is replayed once
  ./delms images [args]    an image tar per Spring application (<module>/target/jib-image.tar), built
                           by ./mvnw -Pimages package [args] with Jib, no engine (docs/deploy.md, "Images")
  ./delms bench [--licenses N] [--check]   restart the stack with the bench's settings, seed N
                           licenses [1000000], measure it and write docs/performance.md (--check: compare
                           with the recorded figures instead, fail when one is 20 % worse)
  ./delms bench --smoke    a second of every figure against the running stack (./delms test runs it)

Components: $components
            ${SERVICES[*]}
            (ports and health checks: infra/launcher/components.txt); an app's instance k >= 2 is
            <app>-k, e.g. license-service-2 on port $(($(port_of license-service) + REPLICA_PORT_STEP))
State: .delms/ (pids/, logs/<component>.log, data, downloads)

Environment (defaults in brackets):
  DELMS_SKIP_BUILD=1          do not build before up
  DELMS_SKIP_SEED=1           up does not create the demo data on an empty system
  DELMS_GATEWAY_URL [http://localhost:${PORT[gateway]}], DELMS_KEYCLOAK_URL [http://localhost:${PORT[keycloak]}]   what seed talks to
  DELMS_UP_TIMEOUT [240]      seconds to wait for everything to be healthy
  DELMS_DB_URL                use this database server (jdbc:mariadb://host:port) instead of a local one;
  DELMS_DB_ADMIN_USER [root], DELMS_DB_ADMIN_PASSWORD []   account that creates the service databases
  DELMS_<NAME>_DB_PASSWORD    password of user delms_<name> [delms_<name>_demo], NAME = LICENSE, CUSTOMER, ...
  DELMS_JAVA_OPTS             extra JVM flags for the Spring applications
  DELMS_CDS [off]             on: the Spring applications start with Class Data Sharing (decision 41)
  DELMS_GATEWAY_MANAGEMENT_PORT [${PROBE_PORT[gateway]}]   the gateway's probes and metrics (never on the API port)
  DELMS_TRACES [zipkin]       off: up runs no Zipkin and the apps export no spans (docs/observability.md)
  DELMS_STOP_TIMEOUT [30]     seconds a component gets to stop before it is killed
  DELMS_KEYCLOAK_ADMIN_PASSWORD [admin]   Keycloak's admin console password (demo default)
  DELMS_EUREKA_USER [delms], DELMS_EUREKA_PASSWORD [delms_eureka_demo]   basic auth of discovery
  DELMS_CONFIG_USER [delms], DELMS_CONFIG_PASSWORD [delms_config_demo]   basic auth of config-server
  DELMS_TEST_SKIP_SYSTEM=1    ./delms test runs only ./mvnw verify
  DELMS_TEST_SKIP_IMAGES=1    ./delms test does not build and check the images
                              (its last stage scales every app to 2 and runs the replicas suite)
  DELMS_REPLICAS_UP_TIMEOUT [480]   seconds that stage gives the extra instances to be healthy
  DELMS_ADMIN_USER [alice], DELMS_ADMIN_PASSWORD [= user], DELMS_ADMIN_TOKEN   who events dlt acts as
EOF
}
