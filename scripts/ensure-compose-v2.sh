#!/usr/bin/env bash
# Make sure Compose v2 (Debian unstable's docker-compose 2.x, the reference for how compose
# files are read today) is at $STACKTUI_CACHE/bin/docker-compose-v2, for the conformance tests
# (test/conformance/) that compare stacktui's loader with `docker compose config --format json`.
# Fetched with scripts/debian-sid-package.sh (cached .deb; no system change). Prints the path.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cache=${STACKTUI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stacktui}
unpacked=$(bash "$here/debian-sid-package.sh" docker-compose)
binary="$unpacked/usr/libexec/docker/cli-plugins/docker-compose"
[[ -x $binary ]] || { echo "ensure-compose-v2: no $binary in the package" >&2; exit 1; }
mkdir -p "$cache/bin"
ln -sfn "$binary" "$cache/bin/docker-compose-v2"
echo "compose v2: $("$cache/bin/docker-compose-v2" version --short) at $cache/bin/docker-compose-v2" >&2
echo "$cache/bin/docker-compose-v2"
