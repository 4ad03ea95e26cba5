import type {ConformanceCase} from './harness.js';

const spec = 'Compose Specification (schema, compose-spec.json)';

/** Files Compose rejects: stacktui must reject them too (with its own file:line:col line). */
export const rejectCases: ConformanceCase[] = [
	{name: 'unknown key in a service', expect: 'reject', source: spec, files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    enviroment: {A: "1"}\n'}},
	{name: 'ports as a string, not a list', expect: 'reject', source: spec, files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: "80:80"\n'}},
	{name: 'depends_on names an unknown service', expect: 'reject', source: 'Compose Specification, depends_on', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    depends_on: [dbb]\n  db:\n    image: postgres\n'}},
	{name: 'a volume not declared at the top level', expect: 'reject', source: 'Compose Specification, volumes', files: {'compose.yaml': 'services:\n  db:\n    image: postgres\n    volumes: [pgdata:/data]\n'}},
	{name: 'a network not declared at the top level', expect: 'reject', source: 'Compose Specification, networks', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    networks: [front]\n'}},
	{name: 'a secret not declared at the top level', expect: 'reject', source: 'Compose Specification, secrets', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    secrets: [token]\n'}},
	{name: 'a dependency cycle', expect: 'reject', source: 'Compose Specification, depends_on', files: {'compose.yaml': 'services:\n  a:\n    image: x\n    depends_on: [b]\n  b:\n    image: x\n    depends_on: [a]\n'}},
	{name: 'extends a service that does not exist', expect: 'reject', source: 'Compose docs, extends', files: {'compose.yaml': 'services:\n  web:\n    extends: base\n'}},
	{name: 'an extends cycle', expect: 'reject', source: 'Compose docs, extends', files: {'compose.yaml': 'services:\n  a:\n    image: x\n    extends: b\n  b:\n    extends: a\n'}},
	{name: 'include of a missing file', expect: 'reject', source: 'Compose docs, include', files: {'compose.yaml': 'include: [nothere.yml]\nservices:\n  web:\n    image: nginx\n'}},
	{name: 'include defines a service defined differently here', expect: 'reject', source: 'Compose docs, include (conflicts are errors)', files: {'compose.yaml': 'include: [other.yml]\nservices:\n  web:\n    image: nginx\n', 'other.yml': 'services:\n  web:\n    image: httpd\n'}},
	{name: 'a required variable is not set', expect: 'reject', source: 'Compose Specification, interpolation', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    environment: {TOKEN: "${API_TOKEN:?set API_TOKEN}"}\n'}},
	{name: 'a malformed interpolation', expect: 'reject', source: 'Compose Specification, interpolation', files: {'compose.yaml': 'services:\n  web:\n    image: "nginx:${}"\n'}},
	{name: 'a service with neither image nor build', expect: 'reject', source: 'Compose Specification, services', files: {'compose.yaml': 'services:\n  web:\n    command: [x]\n'}},
	{name: 'invalid YAML', expect: 'reject', source: 'YAML 1.2', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n   ports: [80]\n'}},
	{name: 'a key written twice', expect: 'reject', source: 'YAML 1.2 (unique keys)', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    image: httpd\n'}},
	{name: '-p with an invalid project name', expect: 'reject', source: 'Compose docs, project name rules', args: ['-p', 'My App'], files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n'}},
	{name: 'a top level that is a list', expect: 'reject', source: spec, files: {'compose.yaml': '- services\n'}},
	{name: 'a port that is not a number', expect: 'reject', source: 'Compose Specification, ports', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    ports: ["8443:https"]\n'}},
	{name: 'network_mode together with networks', expect: 'reject', source: 'Compose Specification, network_mode', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    network_mode: host\n    networks: [default]\n'}},
	{name: 'a duration that is not one', expect: 'reject', source: 'Compose Specification, healthcheck (durations)', files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    healthcheck: {test: x, interval: 10 seconds}\n'}},
	{name: 'an unknown depends_on condition', expect: 'reject', source: spec, files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    depends_on: {db: {condition: service_ready}}\n  db:\n    image: postgres\n'}},
	{name: 'an empty compose file alone', expect: 'reject', source: 'Compose docs (a project needs services)', files: {'compose.yaml': ''}},
	{name: 'a relative container path', expect: 'accept', source: 'compose accepts it; the engine then refuses to create the container', deliberate: 'the engine cannot mount on a relative path: stacktui says so at check time, with the line',  files: {'compose.yaml': 'services:\n  web:\n    image: nginx\n    volumes: ["./data:relative/path"]\n'}},
];
