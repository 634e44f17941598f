#!/usr/bin/env bash
# The base image of the DELMS applications (docs/deploy.md, "Images", docs/decisions.md 34), built offline
# from Debian packages: Debian 12 (bookworm), its essential packages only (no apt, no shell tools
# beyond those), the Java 17 runtime (headless), the CA certificates (also as Java's trust store),
# and a user delms (uid/gid 10001) the applications run as. mmdebstrap writes the root file system
# (reproducibly, with SOURCE_DATE_EPOCH), docker_archive.py wraps it as a one-layer image in
# `docker save` format, which Jib reads as tar://<file>: no engine, no registry.
#
# usage: infra/images/base/build.sh [OUTPUT]     (default: .delms/images/base.tar)
# Built again only when this folder changes or the output is missing (its inputs' hash sits beside
# it in OUTPUT.inputs); DELMS_IMAGE_BASE_REBUILD=1 forces a build (e.g. for security updates).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="${1:-$ROOT/.delms/images/base.tar}"
SUITE=bookworm
PACKAGES=ca-certificates,openjdk-17-jre-headless
TAG=delms/base:bookworm-jre17
UID_GID=10001

inputs=$(cat "$HERE/build.sh" "$HERE/docker_archive.py" | sha256sum | cut -d' ' -f1)
if [[ ${DELMS_IMAGE_BASE_REBUILD:-} != 1 && -f $OUT && $(cat "$OUT.inputs" 2>/dev/null) == "$inputs" ]]; then
  echo "Base image: up to date (${OUT#"$ROOT"/})."
  exit 0
fi

if ! command -v mmdebstrap >/dev/null 2>&1; then
  echo "Installing mmdebstrap (apt-get, once)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mmdebstrap >/dev/null
fi
((EUID == 0)) || { echo "ERROR: building the base image needs root (mmdebstrap installs packages in a chroot)" >&2; exit 1; }

arch=$(dpkg --print-architecture)
java_home=/usr/lib/jvm/java-17-openjdk-$arch
# The machine's own Debian sources (its mirror, with security updates) when they are for this
# suite; mmdebstrap's default mirror otherwise.
sources=()
if grep -qsw "$SUITE" /etc/apt/sources.list.d/debian.sources; then sources=(/etc/apt/sources.list.d/debian.sources); fi

mkdir -p "$(dirname "$OUT")"
work=$(mktemp -d "${OUT}.work.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "Building the base image $TAG (Debian $SUITE, $PACKAGES)..."
# Documentation, manuals and translations are left out (copyright files stay). The Java runtime's
# installer needs the manual's directory to exist, even empty. The hooks get the root as $1.
# shellcheck disable=SC2016 # expanded by mmdebstrap's hooks, not here
SOURCE_DATE_EPOCH=0 mmdebstrap --quiet --variant=essential --architectures="$arch" --include="$PACKAGES" \
  --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
  --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
  --dpkgopt='path-exclude=/usr/share/info/*' \
  --essential-hook='mkdir -p "$1/usr/share/man/man1"' \
  --customize-hook="echo 'delms:x:$UID_GID:$UID_GID:delms:/app:/usr/sbin/nologin' >> \"\$1/etc/passwd\"" \
  --customize-hook="echo 'delms:x:$UID_GID:' >> \"\$1/etc/group\"" \
  --customize-hook='rm -rf "$1/usr/share/man"' \
  "$SUITE" "$work/rootfs.tar" "${sources[@]}"

python3 "$HERE/docker_archive.py" "$work/rootfs.tar" "$OUT" --tag "$TAG" --user "$UID_GID:$UID_GID" \
  --env "PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --env "JAVA_HOME=$java_home" --env LANG=C.UTF-8
echo "$inputs" >"$OUT.inputs"
