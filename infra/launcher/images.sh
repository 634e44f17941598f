# shellcheck shell=bash
# ./delms images: an OCI image per Spring application, as a tar, built by Maven with Jib without an
# engine (docs/deploy.md, "Images", decision 34). The base image is built once from Debian packages.

IMAGE_BASE="$STATE/images/base.tar"

# The applications of the component table (those with a jar) and where their image is written.
image_apps() {
  local c
  for c in "${COMPONENTS[@]}"; do ! has_jar "$c" || echo "$c"; done
}
image_tar_of() { echo "$(module_of "$1")/target/jib-image.tar"; }

# Extra arguments go to Maven, e.g. -Ddelms.image.base=eclipse-temurin:17-jre where a registry is
# reachable (then no local base is built).
cmd_images() {
  local t0 s c tar modules=()
  t0=$(now_ms)
  mkdir -p "$LOG_DIR"
  if [[ " $* " != *" -Ddelms.image.base="* ]]; then
    s=$(now_ms)
    "$ROOT/infra/images/base/build.sh" "$IMAGE_BASE" || die "the base image could not be built"
    say "Base image: $(secs $(($(now_ms) - s)))."
  fi
  build_web_if_needed # the gateway's image serves the browser app
  for c in $(image_apps); do modules+=("$(basename "$(module_of "$c")")"); done
  say "Building the images (./mvnw -B -q -Pimages package -DskipTests)..."
  s=$(now_ms)
  (IFS=,; ./mvnw -B -q -Pimages package -DskipTests -pl "${modules[*]}" -am "$@") || die "the image build failed"
  say "Images took $(secs $(($(now_ms) - s))):"
  for c in $(image_apps); do
    tar=$(image_tar_of "$c")
    [[ -f $tar ]] || die "no image for $c (${tar#"$ROOT"/})"
    printf '  %-20s %-45s %s\n' "$c" "${tar#"$ROOT"/}" "$(du -h "$tar" | cut -f1)"
  done
  say "Done in $(secs $(($(now_ms) - t0))). Load one with: docker load -i <tar> (or podman load, skopeo copy docker-archive:<tar> ...)"
}

# ./delms test's step: build the images, then open each tar and check it (infra/images/check_images.py).
test_images() {
  cmd_images "$@" && python3 "$ROOT/infra/images/check_images.py" "$ROOT"
}
