#!/usr/bin/env bash
# Fetch one package from Debian unstable (sid) without touching the system's apt set-up, and
# unpack it. Prints the directory it is unpacked in (the root of the package's files).
#
#   bash scripts/debian-sid-package.sh docker-compose
#   bash scripts/debian-sid-package.sh golang-github-compose-spec-compose-go-dev
#
# A private apt folder holds a sources.list of one line, `deb URI sid main`, where URI is the
# Debian archive the machine already uses (from /etc/apt/sources.list.d or sources.list, not a
# snapshot one); `apt-get update` and `apt-get download` run with Dir::* options pointing there.
# The .deb is cached: with no network (or no sid index) the cached one is used.
#
# Env: STACKTUI_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/stacktui), DEBIAN_MIRROR to
# name the archive, SID_REFRESH=1 to look for a newer version even when one is cached.
set -euo pipefail

package=${1:?usage: debian-sid-package.sh PACKAGE}
cache=${STACKTUI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stacktui}
apt_dir="$cache/debian-sid"
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"

exec 8>"$apt_dir/.lock"
flock -w 300 8

mirror() {
	if [[ -n ${DEBIAN_MIRROR:-} ]]; then
		echo "$DEBIAN_MIRROR"
		return
	fi
	local uri
	uri=$(grep -hsE '^\s*URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v -e snapshot -e security | head -n 1 || true)
	if [[ -z $uri ]]; then
		uri=$(grep -hsE '^\s*deb\s' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '{print $2}' | grep -v -e snapshot -e security | head -n 1 || true)
	fi
	echo "${uri:-http://deb.debian.org/debian}"
}

options=(
	-o "Dir::Etc::SourceList=$apt_dir/sources.list"
	-o Dir::Etc::SourceParts=/dev/null
	-o "Dir::State::Lists=$apt_dir/lists"
	-o "Dir::Cache=$apt_dir/cache"
	-o APT::Sandbox::User=root
	-qq
)

cached=$(ls -t "$apt_dir/debs/${package}_"*.deb 2>/dev/null | head -n 1 || true)
if [[ -z $cached || ${SID_REFRESH:-0} == 1 ]]; then
	echo "deb $(mirror) sid main" >"$apt_dir/sources.list"
	if apt-get "${options[@]}" update >&2 && (cd "$apt_dir/debs" && apt-get "${options[@]}" download "$package" >&2); then
		cached=$(ls -t "$apt_dir/debs/${package}_"*.deb | head -n 1)
	elif [[ -z $cached ]]; then
		echo "debian-sid-package: cannot download $package from Debian unstable, and none is cached in $apt_dir/debs" >&2
		exit 1
	else
		echo "debian-sid-package: using the cached $(basename "$cached")" >&2
	fi
fi

unpacked="$apt_dir/unpacked/$(basename "$cached" .deb)"
if [[ ! -f $unpacked/.done ]]; then
	rm -rf "$unpacked"
	mkdir -p "$unpacked"
	dpkg-deb -x "$cached" "$unpacked"
	touch "$unpacked/.done"
fi
echo "$unpacked"
