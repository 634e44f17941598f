#!/usr/bin/env python3
"""Opens the image tar of every Spring application (./delms images) and checks what an operator
relies on when running it, without an engine: it runs as a non-root user, sizes its heap from the
container's memory limit, exposes the ports of the component table, keeps /tmp as its only volume,
carries a version tag, has its layers ordered so that a code change replaces only the top ones, and
(the gateway) serves the browser app. And one image is run as a container would run it (as root
on Linux: its layers unpacked, a read-only root, a tmpfs at /tmp, user 10001): discovery, which
needs nothing else, must answer its health check. Prints one line per failed check and closes
with "images: N passed, N failed".

usage: infra/images/check_images.py [REPO_ROOT]
"""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[2])
COMPONENT_TABLE = ROOT / "infra/launcher/components.txt"
# The application's own compiled code, under Jib's app root.
CLASSES = re.compile(r"^app/classes/.+\.class$")
WEB_INDEX = "app/web/index.html"
# What Jib writes above the classes: how to start the application (and their directory).
LAUNCH_FILES = re.compile(r"^(app/?|app/jib-classpath-file|app/jib-main-class-file)$")


def applications():
    """(name, module, exposed ports) of every component with a jar, as the component table says."""
    for line in COMPONENT_TABLE.read_text().splitlines():
        columns = line.split()
        if not columns or columns[0].startswith("#") or columns[6] == "-":
            continue
        name, _, port, probe_port = columns[:4]
        ports = {port} | ({probe_port} if probe_port != "-" else set())
        yield name, columns[6].split("/")[0], {f"{p}/tcp" for p in ports}


def project_version():
    pom = (ROOT / "pom.xml").read_text()
    return re.search(r"<artifactId>delms-parent</artifactId>\s*<version>([^<]+)</version>", pom).group(1)


class Image:
    """An image in `docker save` format, as Jib's buildTar writes it."""

    def __init__(self, path):
        self.path = path
        self.archive = tarfile.open(path)
        manifest = json.load(self.archive.extractfile("manifest.json"))[0]
        self.tags = manifest["RepoTags"]
        self.layer_names = manifest["Layers"]
        self.config = json.load(self.archive.extractfile(manifest["Config"]))
        self._files = {}

    def files(self, index):
        """The paths in layer `index` (negative counts from the top), without a leading ./ or /."""
        name = self.layer_names[index]
        if name not in self._files:
            raw = self.archive.extractfile(name)
            with tarfile.open(fileobj=raw, mode="r|*") as layer:
                self._files[name] = [m.name.lstrip("./") for m in layer]
        return self._files[name]

    def layer_holding(self, pattern):
        """Indexes of the layers with a path matching `pattern`; the base layers are not read."""
        return [i for i in range(1, len(self.layer_names)) if any(pattern.match(f) for f in self.files(i))]


def check_image(name, module, ports, version):
    """Yields (check, failure or None) for one application's image."""
    path = ROOT / module / "target/jib-image.tar"
    if not path.is_file():
        yield "image built", f"{path.relative_to(ROOT)} is missing: run ./delms images"
        return
    image = Image(path)
    config = image.config["config"]
    entrypoint = " ".join(config.get("Entrypoint") or [])

    def expect(check, ok, failure):
        return check, None if ok else failure

    yield expect("tagged with the project's version, not latest",
                 image.tags == [f"delms/{name}:{version}"] and not version.endswith("latest"), f"tags {image.tags}")
    user = config.get("User", "")
    yield expect("runs as a non-root user", user and user.split(":")[0] not in ("0", "root"), f"User '{user}'")
    yield expect("heap sized from the container's memory limit",
                 "-XX:MaxRAMPercentage=" in entrypoint and "-XX:+ExitOnOutOfMemoryError" in entrypoint,
                 f"entrypoint {entrypoint}")
    yield expect("exposes the component table's ports", set(config.get("ExposedPorts", {})) == ports,
                 f"exposed {sorted(config.get('ExposedPorts', {}))}, the table says {sorted(ports)}")
    yield expect("/tmp is its only writable volume", set(config.get("Volumes") or {}) == {"/tmp"},
                 f"volumes {config.get('Volumes')}")
    yield expect("works in /app", config.get("WorkingDir") == "/app", f"WorkingDir {config.get('WorkingDir')}")
    yield expect("reproducible creation time", image.config.get("created", "").startswith("1970-01-01T00:00:0"),
                 f"created {image.config.get('created')}")

    # Layers: base, dependencies, snapshot and project dependencies, resources, classes, then only
    # what a code change leaves byte for byte the same (Jib's launch files: the classpath and main
    # class) or what changes on its own (the gateway's browser app). So a code change gives a new
    # classes layer and nothing else.
    layers = len(image.layer_names)
    classes = image.layer_holding(CLASSES)
    below = image.layer_holding(re.compile(r"^app/(libs|resources)/.+"))
    above = [f for i in range(classes[-1] + 1, layers) for f in image.files(i)] if classes else []
    unexpected = [f for f in above if not LAUNCH_FILES.match(f) and not (name == "gateway" and f.startswith("app/web"))]
    yield expect("at least 4 layers, a code change replaces only the classes layer",
                 layers >= 4 and len(classes) == 1 and below and max(below) < classes[0] and not unexpected,
                 f"{layers} layers, classes in {classes}, dependencies and resources in {below}, "
                 f"above the classes: {unexpected[:5]}")
    if name == "gateway":
        web = image.files(-1)
        yield expect("serves the browser app from /app/web",
                     WEB_INDEX in web and "DELMS_WEB_DIR=/app/web" in config.get("Env", []),
                     f"top layer {web[:5]}..., Env {config.get('Env')}")


def check_base():
    """The locally built base, when there is one: its user 10001 exists and Java has a trust store."""
    path = ROOT / ".delms/images/base.tar"
    if not path.is_file():
        return
    image = Image(path)
    wanted = {"etc/passwd": None, "etc/ssl/certs/java/cacerts": None}
    raw = image.archive.extractfile(image.layer_names[0])
    with tarfile.open(fileobj=raw, mode="r|*") as layer:
        for member in layer:
            name = member.name.lstrip("./")
            if name in wanted:
                wanted[name] = layer.extractfile(member).read() if member.isfile() else b"(link)"
    passwd = (wanted["etc/passwd"] or b"").decode()
    yield "base: user delms is uid/gid 10001", None if re.search(r"^delms:x:10001:10001:", passwd, re.M) \
        else "no such line in /etc/passwd"
    yield "base: Java's trust store exists", None if wanted["etc/ssl/certs/java/cacerts"] else \
        "/etc/ssl/certs/java/cacerts is missing"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process):
    """Stops what runs under `unshare`: its child, the namespace's first process (the JVM), gets
    TERM (unshare itself ignores it), then KILL if it has not ended in 30 s."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    pids = [int(p) for p in children.read_text().split()] if children.exists() else []
    for sig, wait_s in ((signal.SIGTERM, 30), (signal.SIGKILL, 10)):
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        try:
            process.wait(wait_s)
            return
        except subprocess.TimeoutExpired:
            continue


def check_runs(name, module, timeout_s=240):
    """Unpacks the image and starts it in a mount and pid namespace of its own, its root read-only,
    a tmpfs at /tmp, as the image's user, with the image's entrypoint, environment and working
    directory; healthy when /actuator/health answers 200. Needs root (mounts, chroot)."""
    check = f"{name}: starts from its image with a read-only root and /tmp as the only writable place"
    if os.geteuid() != 0 or not shutil.which("unshare"):
        print(f"skipped {check}: needs root and unshare")
        return
    image = Image(ROOT / module / "target/jib-image.tar")
    config = image.config["config"]
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="delms-image-") as work:
        root = Path(work, "root")
        root.mkdir()
        for layer in image.layer_names:  # bottom to top; Jib's layers need no whiteouts
            unpack = subprocess.Popen(["tar", "-xz", "--warning=no-unknown-keyword", "-C", str(root)], stdin=subprocess.PIPE)
            with image.archive.extractfile(layer) as blob, unpack.stdin:
                shutil.copyfileobj(blob, unpack.stdin, 1 << 20)
            if unpack.wait() != 0:
                raise RuntimeError(f"{layer} of {image.path} did not unpack")
        env = config.get("Env", []) + [f"SERVER_PORT={port}", "DELMS_EUREKA_PASSWORD=image-check"]
        command = ["env", "-i", *env, "env", "-C", config["WorkingDir"], *config["Entrypoint"]]
        # the read-only root first: a bind mount made later would hide /dev, /proc and /tmp
        inside = ('mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && '
                  'mount --rbind /dev "$0/dev" && mount -t proc proc "$0/proc" && '
                  'mount -t tmpfs -o mode=1777,size=64m tmpfs "$0/tmp" && '
                  'exec chroot --userspec="$1" "$0" "${@:2}"')
        log = open(Path(work, "run.log"), "w+")
        process = subprocess.Popen(["unshare", "--mount", "--pid", "--fork", "--kill-child", "bash", "-c", inside,
                                    str(root), config["User"], *command], stdout=log, stderr=subprocess.STDOUT)
        healthy = False
        started = time.monotonic()
        try:
            deadline = started + timeout_s
            while not healthy and process.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/actuator/health", timeout=2) as answer:
                        healthy = answer.status == 200
                except OSError:
                    time.sleep(1)
            if healthy:
                print(f"{name}: healthy {time.monotonic() - started:.0f} s after its start from the image")
        finally:
            stop(process)
            log.seek(0)
            tail = log.read()[-1500:]
            log.close()
        yield check, None if healthy else f"no healthy answer on port {port}; its output ends with:\n{tail}"


def main():
    version = project_version()
    passed = failed = 0
    results = list(check_base())
    for name, module, ports in applications():
        results += [(f"{name}: {check}", failure) for check, failure in check_image(name, module, ports, version)]
        if name == "discovery" and (ROOT / module / "target/jib-image.tar").is_file():
            results += list(check_runs(name, module))
    for check, failure in results:
        if failure is None:
            passed += 1
        else:
            failed += 1
            print(f"FAILED {check}: {failure}")
    print(f"images: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
