#!/usr/bin/env python3
"""Writes a root filesystem tarball as a one-layer image in `docker save` format.

Jib reads such a file as a base image (from.image = tar://<file>), so the images are built without
an engine or a registry (docs/decisions.md, 34). The output depends only on the input and the
arguments: every entry of the archive has mtime 0 and root ownership, and the image's creation
time is the epoch.

usage: docker_archive.py ROOTFS_TAR OUTPUT_TAR --tag NAME:TAG [--env K=V ...] [--user UID:GID]
"""

import argparse
import hashlib
import io
import json
import os
import platform
import tarfile

EPOCH = "1970-01-01T00:00:00Z"
ARCHITECTURES = {"x86_64": "amd64", "aarch64": "arm64"}


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def canonical_json(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":")).encode()


def entry(name, size, mode=0o644):
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = mode
    info.mtime = 0
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def write_archive(rootfs, output, tag, env, user, architecture):
    diff_id = sha256_of(rootfs)
    layer_name = f"{diff_id}/layer.tar"
    config = canonical_json({
        "architecture": architecture,
        "os": "linux",
        "created": EPOCH,
        "config": {"Env": env, "User": user, "WorkingDir": "/"},
        "rootfs": {"type": "layers", "diff_ids": [f"sha256:{diff_id}"]},
        "history": [{"created": EPOCH, "created_by": "infra/images/base/build.sh"}],
    })
    config_name = hashlib.sha256(config).hexdigest() + ".json"
    manifest = canonical_json([{"Config": config_name, "RepoTags": [tag], "Layers": [layer_name]}])

    partial = output + ".partial"
    with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
        archive.addfile(entry(config_name, len(config)), io.BytesIO(config))
        with open(rootfs, "rb") as layer:
            archive.addfile(entry(layer_name, os.path.getsize(rootfs)), layer)
        archive.addfile(entry("manifest.json", len(manifest)), io.BytesIO(manifest))
    os.replace(partial, output)
    return diff_id


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rootfs")
    parser.add_argument("output")
    parser.add_argument("--tag", required=True)
    parser.add_argument("--env", action="append", default=[])
    parser.add_argument("--user", default="0:0")
    parser.add_argument("--architecture", default=ARCHITECTURES.get(platform.machine(), platform.machine()))
    args = parser.parse_args()
    diff_id = write_archive(args.rootfs, args.output, args.tag, args.env, args.user, args.architecture)
    print(f"{args.output}: {args.tag}, layer sha256:{diff_id[:12]}, {os.path.getsize(args.output) >> 20} MiB")


if __name__ == "__main__":
    main()
