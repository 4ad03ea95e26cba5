#!/usr/bin/env bash
# prepare-rootfs.sh ROOT: turns a fresh `debootstrap --variant=minbase bookworm ROOT` into the
# stand-in Debian base: installs ./packages in a chroot, then trims what a server image never
# needs (apt lists and caches, docs, man pages, translations, LLVM for PostgreSQL's JIT).
# Called by scripts/build-standins.sh, as root.
set -euo pipefail
root=$1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mapfile -t packages < <(grep -v '^[[:space:]]*\(#\|$\)' "$here/packages")

# No daemons may start in the chroot; no default PostgreSQL cluster (the entrypoint makes one).
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
mkdir -p "$root/etc/postgresql-common"
echo 'create_main_cluster = false' >"$root/etc/postgresql-common/createcluster.conf"
cp /etc/resolv.conf "$root/etc/resolv.conf"

chroot "$root" apt-get update -qq
chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	-o Dpkg::Use-Pty=0 "${packages[@]}" >/dev/null

rm -f "$root/usr/sbin/policy-rc.d" "$root/etc/resolv.conf"
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/debconf/*-old \
	"$root"/var/log/* "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
	"$root"/usr/share/locale/* "$root"/tmp/* "$root"/var/tmp/*
# JIT is switched off by the postgres entrypoint; LLVM is a third of the image.
rm -rf "$root"/usr/lib/*/libLLVM-*.so* "$root"/usr/lib/postgresql/*/lib/llvmjit* \
	"$root"/usr/lib/postgresql/*/lib/bitcode

# Directories the server images expect (inside the chroot: /var/run is an absolute symlink).
chroot "$root" sh -e -c '
	mkdir -p /run/postgresql /var/lib/postgresql/data /data /docker-entrypoint-initdb.d
	chown postgres:postgres /run/postgresql /var/lib/postgresql /var/lib/postgresql/data
	chmod 3777 /run/postgresql
	chown redis:redis /data
'
