import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import yaml from 'yaml';

/** A two-service compose file (db with a named volume, web depending on it) on the test image, in a folder of its own. */
export function writeTwoServiceCompose(prefix: string): {directory: string; composeFile: string; remove: () => void} {
	const directory = mkdtempSync(path.join(tmpdir(), prefix));
	const composeFile = path.join(directory, 'docker-compose.yml');
	writeFileSync(
		composeFile,
		`version: "3.8"
services:
  db:
    image: stacktui-test/busybox:1
    command: idle
    volumes: [data:/data]
  web:
    image: stacktui-test/busybox:1
    command: idle
    depends_on: [db]
volumes:
  data: {}
`,
	);
	return {directory, composeFile, remove: () => rmSync(directory, {recursive: true, force: true})};
}

type ComposeFile = {services: Record<string, {depends_on?: Record<string, {condition?: string}> | string[]}>};

/** service_healthy edges of a compose file: [dependent, dependency]. */
export function healthyEdges(composeFile: string): Array<[string, string]> {
	const compose = yaml.parse(readFileSync(composeFile, 'utf8')) as ComposeFile;
	return Object.entries(compose.services).flatMap(([service, definition]) =>
		Array.isArray(definition.depends_on) || definition.depends_on === undefined
			? []
			: Object.entries(definition.depends_on)
					.filter(([, dependency]) => dependency.condition === 'service_healthy')
					.map(([dependency]): [string, string] => [service, dependency]),
	);
}
