#!/usr/bin/env bash
# Regenerate source/compose/compose-spec.json, the Compose Specification JSON schema that the
# compose loader validates every compose file against, from the copy in Debian unstable's
# golang-github-compose-spec-compose-go-dev (the compose-go library that Compose v2 itself is
# built with; Apache-2.0), fetched by scripts/debian-sid-package.sh, and record the package
# version in source/compose/compose-spec.NOTICE.
#
#   bash scripts/update-compose-schema.sh
#
# The schema is taken as it is: compose-go's copy is draft-07 and compiles in ajv 8
# (strict: false); its "$schema" is dropped when it is compiled. Env: SOURCE_SCHEMA to read
# another copy (the NOTICE then says so).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
package=golang-github-compose-spec-compose-go-dev
target="$here/../source/compose/compose-spec.json"
notice="$here/../source/compose/compose-spec.NOTICE"

if [[ -n ${SOURCE_SCHEMA:-} ]]; then
	source_schema=$SOURCE_SCHEMA
	version="(a local copy: $SOURCE_SCHEMA)"
else
	unpacked=$(bash "$here/debian-sid-package.sh" "$package")
	source_schema="$unpacked/usr/share/gocode/src/github.com/compose-spec/compose-go/schema/compose-spec.json"
	version=$(dpkg-deb -f "$(ls -t "${STACKTUI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stacktui}/debian-sid/debs/${package}_"*.deb | head -n 1)" Version)
fi

python3 - "$source_schema" <<'PY'
import json, sys
schema = json.load(open(sys.argv[1], encoding='utf-8'))
if 'draft-07' not in schema.get('$schema', '') or 'services' not in schema.get('properties', {}):
    sys.exit('update-compose-schema: the source is no longer a draft-07 compose schema: review schema.ts')
PY
cp "$source_schema" "$target"

sed -i -E "s|^(Origin: +Debian unstable package $package, version ).*|\1$version|" "$notice"
echo "update-compose-schema: wrote source/compose/compose-spec.json from $package $version" >&2
