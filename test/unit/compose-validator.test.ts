import {readFileSync} from 'node:fs';
import test from 'ava';
// @ts-expect-error The generator is a plain .mjs build script without types.
import {generate} from '../../scripts/generate-compose-validator.mjs';
import {validateComposeFile} from '../../source/compose/schema.js';

test('the precompiled compose validator is in step with compose-spec.json (npm run generate refreshes it)', t => {
	const expected = (generate as (schemaText: string) => string)(readFileSync('source/compose/compose-spec.json', 'utf8'));
	t.true(readFileSync('source/compose/compose-validator.generated.ts', 'utf8') === expected, 'stale: run npm run generate');
});

test('the precompiled validator accepts a valid file and names the field of an invalid one', t => {
	const locate = (path: ReadonlyArray<string | number>) => ({file: 'compose.yml', line: 1, column: path.length + 1});
	t.notThrows(() => validateComposeFile({services: {web: {image: 'nginx', ports: ['8080:80']}}}, locate as never));
	const error = t.throws(() => validateComposeFile({services: {web: {image: 'nginx', restart_policy: 'always'}}}, locate as never));
	t.regex(error.message, /services\.web\.restart_policy: unknown key/);
});
