#!/usr/bin/env bash
# Build local stand-in images under the names the shipped profiles' compose files use
# (postgres:15-alpine, redis:7-alpine, clickhouse/clickhouse-server:latest, ngrok/ngrok:latest, ...),
# for machines that cannot pull images from a registry. Where a registry answers, pull the real
# images instead and never run this.
#
#   stacktui-standin/debian:bookworm  Debian bookworm minbase (debootstrap) with postgresql-15 and
#                                     redis-server: the postgres:* and redis:* stand-ins are the real
#                                     servers, built FROM it with the official images' entrypoints
#   stacktui-standin/busybox:1        the host's static busybox with helpers (a curl stand-in on
#                                     wget, HTTP/TCP servers): every other stand-in is built FROM it
#                                     and answers the real image's ports and health endpoints
#
# The list of images is scripts/standins/images.list; each stand-in's sources are in
# scripts/standins/<dir>/ (README.md there says what each one answers). Every image carries the
# labels stacktui.standin=true and stacktui.standin.hash (hash of its sources and its base).
# Idempotent: an image whose hash label matches is skipped, so a second run takes a second or two.
# An image of the same name that is not a stand-in (a real, pulled image) is never replaced.
#
# Usage: scripts/build-standins.sh [--list] [IMAGE...]   (no IMAGE: all of them)
# Env:   FORCE=1 rebuild even when up to date; BUSYBOX (default /bin/busybox, must be static);
#        DEBIAN_MIRROR (default: the host's apt mirror, else http://deb.debian.org/debian);
#        STANDIN_CACHE (default /var/cache/stacktui-standins: debootstrap's downloaded packages).
# Needs: root (debootstrap, chroot), a Docker engine; installs debootstrap / busybox-static with
#        apt-get when missing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src="$here/standins"
manifest="$src/images.list"
busybox=${BUSYBOX:-/bin/busybox}
deb_cache=${STANDIN_CACHE:-/var/cache/stacktui-standins}/debootstrap
busybox_base=stacktui-standin/busybox:1
debian_base=stacktui-standin/debian:bookworm
label=stacktui.standin
hash_label=stacktui.standin.hash
t0=$(date +%s%N)

say() { echo "standin: $*"; }
die() { echo "standin: $*" >&2; exit 1; }
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# ---- the manifest ----------------------------------------------------------------------------
names=() dirs=() bases=()
while read -r name dir base _; do
	case "$name" in '' | '#'*) continue ;; esac
	[ -d "$src/$dir" ] || die "images.list: no directory scripts/standins/$dir for $name"
	case "$base" in debian | busybox) ;; *) die "images.list: base of $name must be debian or busybox, not '$base'" ;; esac
	names+=("$name") dirs+=("$dir") bases+=("$base")
done <"$manifest"

if [ "${1:-}" = --list ]; then
	printf '%s\n' "$busybox_base" "$debian_base" "${names[@]}"
	exit 0
fi

selected=()
if [ $# -eq 0 ]; then
	selected=("${!names[@]}")
else
	for want in "$@"; do
		found=
		for i in "${!names[@]}"; do
			if [ "${names[$i]}" = "$want" ]; then selected+=("$i"); found=1; fi
		done
		[ -n "$found" ] || die "unknown image '$want' (see scripts/build-standins.sh --list)"
	done
fi

need_debian= need_busybox=
for i in "${selected[@]}"; do
	case "${bases[$i]}" in debian) need_debian=1 ;; busybox) need_busybox=1 ;; esac
done
[ $# -eq 0 ] && need_busybox=1 # the profiles' own services build FROM stacktui-standin/busybox:1

# ---- prerequisites ---------------------------------------------------------------------------
timeout 20 docker info >/dev/null 2>&1 || die "no Docker engine answers (run scripts/ensure-engine.sh)"

# Serialise concurrent runs (tests and CI jobs may call this at once); a cold build takes minutes.
exec 9>"${TMPDIR:-/tmp}/stacktui-build-standins.lock"
flock -w 1200 9 || die "another build-standins.sh run holds the lock for over 20 minutes"

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo -n)
apt_install() {
	say "installing $* (apt-get)"
	"${sudo[@]}" apt-get update -qq >/dev/null
	"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		-o Dpkg::Use-Pty=0 "$@" >/dev/null
}

static_busybox() { [ -x "$busybox" ] && ! ldd "$busybox" >/dev/null 2>&1; }

image_label() { # IMAGE LABEL -> value ("" when absent or no such image)
	docker image inspect --format "{{index .Config.Labels \"$2\"}}" "$1" 2>/dev/null || true
}
image_id() { docker image inspect --format '{{.Id}}' "$1" 2>/dev/null || true; }
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

files_hash() { # DIR... -> hash of every file (path, mode, content) below them
	(
		cd "$src"
		find "$@" -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
		find "$@" -type f -perm -u+x -print | LC_ALL=C sort
	) | sha256sum | cut -c1-16
}

# Counters for the summary line.
built=0 current=0 kept=0

# up_to_date IMAGE HASH: 0 when nothing is to be done (current stand-in, or a real image we keep).
up_to_date() {
	if ! image_exists "$1"; then return 1; fi
	if [ "$(image_label "$1" "$label")" != true ]; then
		say "$1 is a real image here (no $label label): kept"
		kept=$((kept + 1))
		return 0
	fi
	if [ "$(image_label "$1" "$hash_label")" = "$2" ] && [ "${FORCE:-0}" != 1 ]; then
		current=$((current + 1))
		return 0
	fi
	return 1
}

drop_old() { # OLD_ID NEW_ID: remove the replaced image unless something still uses it
	if [ -n "$1" ] && [ "$1" != "$2" ]; then
		docker rmi "$1" >/dev/null 2>&1 || true
	fi
}

# ---- stacktui-standin/busybox:1 --------------------------------------------------------------
build_busybox_base() {
	local hash=$1 start root old new
	start=$(date +%s%N)
	root=$(mktemp -d)
	mkdir -p "$root"/{bin,sbin,etc,root,usr/bin,usr/sbin,usr/local/bin,usr/local/lib,var/run,var/log,proc,sys,dev,srv}
	install -d -m 1777 "$root/tmp"
	cp "$busybox" "$root/bin/busybox"
	chmod 755 "$root/bin/busybox"
	# `busybox --list` includes "busybox" itself: linking it would replace the binary by a self-loop.
	for applet in $("$busybox" --list); do
		case "$applet" in busybox | */*) continue ;; esac
		ln -s busybox "$root/bin/$applet"
	done
	cp -a "$src/busybox/." "$root/"
	printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
	printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
	old=$(image_id "$busybox_base")
	new=$(tar --numeric-owner --owner=0 --group=0 -C "$root" -c . | docker import \
		--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change "LABEL $label=true $hash_label=$hash" \
		--change 'CMD ["sh"]' \
		--message "stacktui stand-in base: busybox ($hash)" - "$busybox_base")
	rm -rf "$root"
	drop_old "$old" "$new"
	built=$((built + 1))
	say "built $busybox_base ($hash) in $(ms_since "$start") ms"
}

# ---- stacktui-standin/debian:bookworm ---------------------------------------------------------
debian_mirror() {
	if [ -n "${DEBIAN_MIRROR:-}" ]; then echo "$DEBIAN_MIRROR"; return; fi
	local uri
	uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {print $2}' | grep -E '/debian/?$' | head -n 1 || true)
	[ -n "$uri" ] || uri=$(grep -hE '^deb[[:space:]]+https?://[^[:space:]]+/debian/?[[:space:]]' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | head -n 1 || true)
	echo "${uri:-http://deb.debian.org/debian}"
}

build_debian_base() {
	local hash=$1 start root old new mirror log
	start=$(date +%s%N)
	command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
	mirror=$(debian_mirror)
	# On disk, not a tmpfs: the root file system is a few hundred MB before it is trimmed.
	root=$(mktemp -d /var/tmp/stacktui-standin-debian.XXXXXX)
	log=$(mktemp)
	trap 'rm -rf "$root" "$log"' EXIT
	say "building $debian_base: debootstrap --variant=minbase bookworm ($mirror) ..."
	# Downloaded packages are kept in a cache directory, so a rebuild on this machine downloads nothing.
	"${sudo[@]}" mkdir -p "$deb_cache"
	if ! "${sudo[@]}" debootstrap --variant=minbase --cache-dir="$deb_cache" bookworm "$root" "$mirror" >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		die "debootstrap failed (log above)"
	fi
	say "  debootstrap done after $(ms_since "$start") ms; installing $(grep -v '^[[:space:]]*\(#\|$\)' "$src/debian/packages" | tr '\n' ' ')"
	if ! "${sudo[@]}" bash "$src/debian/prepare-rootfs.sh" "$root" >"$log" 2>&1; then
		tail -n 30 "$log" >&2
		die "installing the packages into the Debian root file system failed (log above)"
	fi
	say "  packages done after $(ms_since "$start") ms ($(du -sm "$root" | cut -f1) MB); importing"
	old=$(image_id "$debian_base")
	new=$("${sudo[@]}" tar --numeric-owner -C "$root" -c . | docker import \
		--change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
		--change 'ENV LANG=C.UTF-8' \
		--change "LABEL $label=true $hash_label=$hash" \
		--change 'CMD ["bash"]' \
		--message "stacktui stand-in base: Debian bookworm minbase + $(grep -v '^[[:space:]]*\(#\|$\)' "$src/debian/packages" | tr '\n' ' ')($hash)" \
		- "$debian_base")
	"${sudo[@]}" rm -rf "$root"
	rm -f "$log"
	trap - EXIT
	drop_old "$old" "$new"
	built=$((built + 1))
	say "built $debian_base ($hash) in $(ms_since "$start") ms"
}

# ---- one stand-in image --------------------------------------------------------------------------
build_image() {
	local name=$1 dir=$2 base=$3 hash=$4 start old new log
	start=$(date +%s%N)
	old=$(image_id "$name")
	log=$(mktemp)
	# The classic builder: FROM a local image needs no registry (and no buildx plugin).
	if ! DOCKER_BUILDKIT=0 docker build --pull=false --force-rm \
		--build-arg "BASE=$base" --build-arg "STANDIN_IMAGE=$name" \
		--label "$label=true" --label "$hash_label=$hash" --label "$label.of=$name" \
		-t "$name" "$src/$dir" >"$log" 2>&1; then
		cat "$log" >&2
		rm -f "$log"
		die "docker build of $name failed (output above)"
	fi
	rm -f "$log"
	new=$(image_id "$name")
	drop_old "$old" "$new"
	built=$((built + 1))
	say "built $name ($hash) in $(ms_since "$start") ms"
}

# ---- main ----------------------------------------------------------------------------------------
busybox_hash= debian_hash=
if [ -n "$need_busybox" ]; then
	static_busybox || apt_install busybox-static
	static_busybox || die "$busybox is not a static busybox (apt-get install busybox-static)"
	busybox_hash=$({
		sha256sum "$busybox" | cut -d' ' -f1
		declare -f build_busybox_base
		files_hash busybox
	} | sha256sum | cut -c1-16)
	up_to_date "$busybox_base" "$busybox_hash" || build_busybox_base "$busybox_hash"
fi
if [ -n "$need_debian" ]; then
	debian_hash=$({
		declare -f build_debian_base
		files_hash debian
	} | sha256sum | cut -c1-16)
	up_to_date "$debian_base" "$debian_hash" || build_debian_base "$debian_hash"
fi

for i in "${selected[@]}"; do
	name=${names[$i]} dir=${dirs[$i]}
	case "${bases[$i]}" in
	debian) base=$debian_base base_hash=$debian_hash ;;
	busybox) base=$busybox_base base_hash=$busybox_hash ;;
	esac
	hash=$({
		echo "$name $base $base_hash"
		declare -f build_image
		files_hash "$dir"
	} | sha256sum | cut -c1-16)
	up_to_date "$name" "$hash" || build_image "$name" "$dir" "$base" "$hash"
done

say "$((built + current + kept)) images ready in $(ms_since "$t0") ms ($built built, $current up to date, $kept real images kept)"
