# shellcheck shell=bash
# Builds what changed: the jars of the table's Spring applications (./mvnw install) and the
# browser app in web/ (npm run build), each only when a source is newer than what was built.

needs_build() {
  local c jar newer
  for c in "${COMPONENTS[@]}"; do
    has_jar "$c" || continue
    jar=$(jar_of "$c")
    [[ -f $jar ]] || return 0
    # What goes into the jar: the parent poms, the chassis, the license verifier, the module itself (tests excluded).
    local sources=("$ROOT/pom.xml" "$ROOT/platform/pom.xml" "$ROOT/platform/common" "$ROOT/platform/chassis" "$ROOT/license-verifier" "$(module_of "$c")")
    newer=$(find "${sources[@]}" \( -name target -o -name node_modules -o -name dist -o -path '*/src/test' \) \
      -prune -o -type f -newer "$jar" -print -quit 2>/dev/null)
    [[ -z $newer ]] || return 0
  done
  return 1
}

# npm ci when node_modules is missing or older than the lock file (the project's own dependencies).
web_dependencies() {
  ensure_node
  if [[ ! -f $WEB/node_modules/.package-lock.json || $WEB/package-lock.json -nt $WEB/node_modules/.package-lock.json ]]; then
    say "Installing the app's dependencies (npm ci)..."
    (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in web/"
  fi
}

web_needs_build() {
  [[ -f $WEB_DIST/index.html ]] || return 0
  local newer
  newer=$(find "$WEB/src" "$WEB/public" "$WEB/index.html" "$WEB/package-lock.json" "$WEB/vite.config.ts" \
    "$WEB"/tsconfig*.json -type f -newer "$WEB_DIST/index.html" -print -quit 2>/dev/null)
  [[ -n $newer ]]
}

build_web_if_needed() {
  [[ -d $WEB ]] || return 0
  if ! web_needs_build; then
    say "App build: up to date."
    return 0
  fi
  web_dependencies
  say "Building the app (npm run build in web/)..."
  local t0
  t0=$(now_ms)
  (cd "$WEB" && npm run --silent build >"$LOG_DIR/web-build.log" 2>&1) ||
    { tail -n 30 "$LOG_DIR/web-build.log" >&2; die "the app's build failed (log: ${LOG_DIR#"$ROOT"/}/web-build.log)"; }
  say "App build took $(secs $(($(now_ms) - t0)))."
}

build_if_needed() {
  if [[ ${DELMS_SKIP_BUILD:-} == 1 ]]; then
    say "Build skipped (DELMS_SKIP_BUILD=1)."
    return 0
  fi
  mkdir -p "$LOG_DIR"
  build_web_if_needed
  if ! needs_build; then
    say "Build: up to date."
    return 0
  fi
  say "Building (./mvnw -B -q install -DskipTests)..."
  local t0 c
  t0=$(now_ms)
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests) || die "the build failed (see the Maven output above)"
  # A touched but unchanged source must not trigger the next build again.
  for c in "${COMPONENTS[@]}"; do
    if has_jar "$c" && [[ -f $(jar_of "$c") ]]; then touch "$(jar_of "$c")"; fi
  done
  say "Build took $(secs $(($(now_ms) - t0)))."
}
