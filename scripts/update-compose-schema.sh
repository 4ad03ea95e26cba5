#!/usr/bin/env bash
# Regenerate source/compose/compose-spec.json, the Compose Specification JSON schema that
# source/compose/schema.ts compiles with ajv 8, from the copy Debian's docker-compose package
# ships (Apache-2.0), plus the few patches below. Record the package version in
# source/compose/compose-spec.NOTICE when it changes.
#
#   bash scripts/update-compose-schema.sh      (installs docker-compose with apt-get if missing)
#
# Env: SOURCE_SCHEMA to read another copy of compose_spec.json.
#
# Patches (each one the smallest change that lets current compose files through, or lets ajv 8
# compile the file):
#   1. "id" -> "$id" at the root, nested "id"s dropped: ajv 8 refuses the draft-04 "id" keyword
#      ("NOT SUPPORTED"); the nested ones are only JSON-pointer labels, never referenced.
#   2. "$schema" draft 2019-09 -> draft-07: the file uses no 2019-09-only keyword, and schema.ts
#      compiles it with ajv's default (draft-07) build; the value only documents that.
#   3. top-level "name" (string, ^[a-z0-9][a-z0-9_-]*$, the project-name rule compose applies):
#      in the spec since compose v2; the old schema rejects it as an additional property.
#   4. depends_on long form "required" (boolean): optional dependencies (compose v2), used by
#      stacktui's scheduler and its fixtures.
#   5. depends_on long form "restart" (boolean): restart with the dependency (compose v2).
#   6. healthcheck "start_interval" (duration string): newer compose and Docker; the old schema
#      rejects it as an unknown key (test/fixtures/compose/warnings.yml uses it).
#   7. ports long form "host_ip" and "app_protocol" (strings): in the current spec; the old
#      schema rejects them as unknown keys (fixtures full/ and warnings.yml use them).
#   8. env_file entries may be {path, required}: optional env files (compose v2), read by the
#      loader and used in fixtures/compose/full.
#   9. list_or_dict values (environment, labels, ...) may be booleans, as compose takes them
#      (`DEBUG: true`); the old schema allows only strings, numbers and null.
#  10. a named property typed boolean, integer or number also takes a string: stacktui validates
#      after ${VAR} interpolation, which yields strings (`tty: ${TTY:-false}`, published "8443");
#      the loader itself reads "true", "5", "1.5" in the fields it applies. (Only properties,
#      not oneOf branches, which would then overlap with a string branch.)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_schema=${SOURCE_SCHEMA:-/usr/lib/python3/dist-packages/compose/config/compose_spec.json}
target="$here/../source/compose/compose-spec.json"

if [[ ! -f $source_schema && -z ${SOURCE_SCHEMA:-} ]]; then
	if [[ $(id -u) -eq 0 ]]; then
		apt-get install -y docker-compose >&2 || { apt-get update >&2 && apt-get install -y docker-compose >&2; }
	else
		echo "update-compose-schema: $source_schema not found: apt-get install docker-compose" >&2
		exit 1
	fi
fi

if command -v dpkg-query >/dev/null && [[ -z ${SOURCE_SCHEMA:-} ]]; then
	echo "update-compose-schema: from docker-compose $(dpkg-query -W -f '${Version}' docker-compose)" >&2
fi

python3 - "$source_schema" "$target" <<'PY'
import json
import sys

source, target = sys.argv[1], sys.argv[2]
with open(source, encoding='utf-8') as file:
    schema = json.load(file)

def fail(message):
    sys.exit(f'update-compose-schema: {message}: the source schema has changed, review the patches')

# Maps whose keys are names (properties, definitions), not keywords.
NAME_MAPS = {'properties', 'patternProperties', 'definitions', '$defs'}

# 1. "id" -> "$id" at the root; nested "id" keywords dropped.
def drop_ids(node, keyword_level=True):
    if isinstance(node, dict):
        if keyword_level:
            node.pop('id', None)
        for key, value in node.items():
            if keyword_level and key in NAME_MAPS and isinstance(value, dict):
                for child in value.values():
                    drop_ids(child, True)
            else:
                drop_ids(value, keyword_level and key not in ('enum', 'const', 'default', 'examples', 'required'))
    elif isinstance(node, list) and keyword_level:
        for item in node:
            drop_ids(item, True)

if schema.get('id') != 'compose_spec.json':
    fail('no root "id"')
root_id = schema.pop('id')
drop_ids(schema)

# 2. "$schema": draft-07 (see the header; schema.ts drops it before compiling anyway).
if '2019-09' not in schema.get('$schema', ''):
    fail('"$schema" is no longer draft 2019-09')
rest = {key: value for key, value in schema.items() if key != '$schema'}
schema = {'$schema': 'http://json-schema.org/draft-07/schema#', '$id': root_id, **rest}

# 3. top-level "name", right after "version".
properties = schema['properties']
if 'name' in properties:
    fail('"name" is already there')
name = {
    'type': 'string',
    'pattern': '^[a-z0-9][a-z0-9_-]*$',
    'description': 'define the Compose project name, until user defines one explicitly.',
}
schema['properties'] = {key: value for key, value in [('version', properties['version']), ('name', name), *properties.items()]}

service = schema['definitions']['service']['properties']

# 4.-5. depends_on long form.
long_form = next(branch for branch in service['depends_on']['oneOf'] if branch.get('type') == 'object')
(dependency,) = long_form['patternProperties'].values()
if set(dependency['properties']) != {'condition'} or dependency.get('required') != ['condition']:
    fail('depends_on long form is not {condition}')
dependency['properties']['required'] = {'type': 'boolean', 'default': True}
dependency['properties']['restart'] = {'type': 'boolean'}

# 6. healthcheck start_interval, next to start_period.
healthcheck = schema['definitions']['healthcheck']['properties']
if 'start_period' not in healthcheck or 'start_interval' in healthcheck:
    fail('healthcheck properties changed')
healthcheck['start_interval'] = dict(healthcheck['start_period'])

# 7. ports long form host_ip, app_protocol.
port_object = next(branch for branch in service['ports']['items']['oneOf'] if branch.get('type') == 'object')
if 'host_ip' in port_object['properties'] or 'app_protocol' in port_object['properties']:
    fail('ports long form changed')
port_object['properties']['host_ip'] = {'type': 'string'}
port_object['properties']['app_protocol'] = {'type': 'string'}

# 8. env_file: a string, or a list of strings and {path, required} mappings.
if service['env_file'] != {'$ref': '#/definitions/string_or_list'}:
    fail('env_file changed')
service['env_file'] = {
    'oneOf': [
        {'type': 'string'},
        {
            'type': 'array',
            'items': {
                'oneOf': [
                    {'type': 'string'},
                    {
                        'type': 'object',
                        'additionalProperties': False,
                        'properties': {'path': {'type': 'string'}, 'required': {'type': 'boolean', 'default': True}},
                        'required': ['path'],
                    },
                ],
            },
        },
    ],
}

# 9. list_or_dict values: booleans too.
mapping = next(branch for branch in schema['definitions']['list_or_dict']['oneOf'] if branch.get('type') == 'object')
(value_schema,) = mapping['patternProperties'].values()
if value_schema.get('type') != ['string', 'number', 'null']:
    fail('list_or_dict values changed')
value_schema['type'] = ['string', 'number', 'boolean', 'null']

# 10. named boolean/integer/number properties also take a string (after interpolation).
def stringly(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'properties' and isinstance(value, dict):
                for property_schema in value.values():
                    if isinstance(property_schema, dict) and property_schema.get('type') in ('boolean', 'integer', 'number'):
                        property_schema['type'] = [property_schema['type'], 'string']
            stringly(value)
    elif isinstance(node, list):
        for item in node:
            stringly(item)

stringly(schema)

with open(target, 'w', encoding='utf-8') as file:
    json.dump(schema, file, indent=2, ensure_ascii=False)
    file.write('\n')
PY

echo "update-compose-schema: wrote source/compose/compose-spec.json" >&2
