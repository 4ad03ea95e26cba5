#!/usr/bin/env bash
# Build the local test image(s) used by stacktui's integration tests, without any registry:
# a root file system from the host's static busybox, imported with `docker import`.
# Idempotent: skipped when an image carrying the same content-hash label already exists.
#
#   stacktui-test/busybox:1   busybox applets in /bin, helpers from scripts/test-image/ in
#                             /usr/local/bin (idle, burn, hold, chatter, healthy)
#
# Env: BUSYBOX (default /bin/busybox, must be static), FORCE=1 to rebuild anyway.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src="$here/test-image"
image=stacktui-test/busybox:1
label=stacktui.test.image-hash
busybox=${BUSYBOX:-/bin/busybox}

# Serialise concurrent runs (several engineers/CI jobs may call this at once).
exec 9>"${TMPDIR:-/tmp}/stacktui-build-test-images.lock"
flock -w 300 9

if ! file -L "$busybox" 2>/dev/null | grep -q 'statically linked' && \
   ! { [ -x "$busybox" ] && ! ldd "$busybox" >/dev/null 2>&1; }; then
	echo "build-test-images: $busybox is not a static busybox (apt-get install busybox-static)" >&2
	exit 1
fi

# hold is a static C program when a static C toolchain is available, else a shell fallback.
hold_variant=sh
if command -v gcc >/dev/null 2>&1; then hold_variant=c; fi

hash=$( {
	echo "variant=$hold_variant"
	sha256sum "$busybox" | cut -d' ' -f1
	cd "$here"
	find build-test-images.sh test-image -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
	find test-image -type f -perm -u+x -print | LC_ALL=C sort
} | sha256sum | cut -c1-16)

existing=$(docker image inspect --format "{{index .Config.Labels \"$label\"}}" "$image" 2>/dev/null || true)
if [ "$existing" = "$hash" ] && [ "${FORCE:-0}" != 1 ]; then
	echo "image: $image up to date ($hash)"
	exit 0
fi
old_id=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)

start=$(date +%s%N)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,etc,root,usr/bin,usr/local/bin,var/www,proc,sys,dev}
install -d -m 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
chmod 755 "$root/bin/busybox"
# `busybox --list` includes "busybox" itself: linking it would replace the binary by a self-loop.
for applet in $("$busybox" --list); do
	case "$applet" in busybox | */*) continue ;; esac
	ln -s busybox "$root/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
echo '<html><body>stacktui test</body></html>' >"$root/var/www/index.html"

for f in burn idle healthy chatter; do
	install -m 755 "$src/$f" "$root/usr/local/bin/$f"
done
if [ "$hold_variant" = c ] && gcc -static -O2 -s -o "$root/usr/local/bin/hold" "$src/hold.c"; then
	:
else
	[ "$hold_variant" = c ] && echo "build-test-images: gcc -static failed; using shell hold" >&2
	install -m 755 "$src/hold.sh" "$root/usr/local/bin/hold"
fi

new_id=$(tar --numeric-owner --owner=0 --group=0 -C "$root" -c . | docker import \
	--change 'ENV PATH=/usr/local/bin:/usr/bin:/bin:/sbin' \
	--change "LABEL $label=$hash" \
	--change 'CMD ["idle"]' \
	--message "stacktui test image ($hash)" \
	- "$image")
if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then
	docker rmi "$old_id" >/dev/null 2>&1 || true # still used by a container: leave it
fi
echo "image: built $image ($hash) in $(( ($(date +%s%N) - start) / 1000000 )) ms"
