#!/usr/bin/env bash
# Builds the Debian 13 base image without a registry: debootstrap minbase, then `docker import`.
# Usage: build-base.sh <tag>. The mirror is taken from the host's own apt sources, never hard-coded.
set -euo pipefail
tag="$1"
[[ $(id -u) -eq 0 ]] || { echo "debootstrap needs root: run setup as root, or set ZKH_BASE_IMAGE to a Debian 13 image" >&2; exit 1; }
mirror=$(grep -rhoE '^(URIs:|deb)\s+\S+' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
  | awk '{print $2}' | grep -E '/debian/?$' | grep -v security | head -1 || true)
[[ -n "$mirror" ]] || { echo "no Debian mirror found in /etc/apt/sources.list{,.d}: set ZKH_BASE_IMAGE instead" >&2; exit 1; }
rootfs=$(mktemp -d /tmp/zkh-rootfs.XXXXXX)
trap 'rm -rf "$rootfs"' EXIT
debootstrap --variant=minbase trixie "$rootfs" "$mirror" >/tmp/zkh-debootstrap.log 2>&1 \
  || { echo "debootstrap from $mirror failed (log: /tmp/zkh-debootstrap.log)" >&2; exit 1; }
# Keep images small: no docs, no man pages in what later layers install.
printf 'path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\npath-exclude /usr/share/locale/*\n' > "$rootfs/etc/dpkg/dpkg.cfg.d/zkh-nodoc"
printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\n' > "$rootfs/etc/apt/apt.conf.d/zkh-norecommends"
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | docker import -c 'LABEL zkharness=true' -c 'ENV LANG=C.UTF-8' - "$tag" >/dev/null
echo "$mirror"
