import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {isDeepStrictEqual} from 'node:util';
import test from 'ava';
import {edgeCases} from './cases-edges.js';
import {projectCases} from './cases-project.js';
import {rejectCases} from './cases-reject.js';
import {serviceCases} from './cases-services.js';
import {differences} from './diff.js';
import {composeBinary, runCompose, runStacktui, writeCase} from './harness.js';

// stacktui's loader against Compose v2 itself (`docker compose config --format json`, Debian
// unstable's docker-compose 2.40): same files, same command line, same environment.
const cases = [...serviceCases, ...projectCases, ...edgeCases, ...rejectCases];
const root = mkdtempSync(path.join(tmpdir(), 'stt-conformance-'));
const results: Array<{name: string; isAgreed: boolean}> = [];
composeBinary();

test.after.always(() => {
	rmSync(root, {recursive: true, force: true});
	const agreed = results.filter(result => result.isAgreed).length;
	console.log(`conformance: stacktui agrees with docker compose config on ${agreed} of ${results.length} cases (${((agreed / Math.max(1, results.length)) * 100).toFixed(1)} %)`);
});

for (const conformanceCase of cases) {
	test(`${conformanceCase.expect}: ${conformanceCase.name}`, async t => {
		const directory = writeCase(conformanceCase, root);
		const [compose, stacktui] = [await runCompose(conformanceCase, directory), runStacktui(conformanceCase, directory)];
		const placeholder = (text: string) => text.replaceAll(directory, '<dir>');
		const isAgreed = compose.accepted === stacktui.accepted && (!compose.accepted || !stacktui.accepted || isDeepStrictEqual(compose.model, stacktui.model));
		results.push({name: conformanceCase.name, isAgreed});
		t.is(compose.accepted ? 'accept' : 'reject', conformanceCase.expect, `compose: ${compose.accepted ? 'accepted' : placeholder(compose.error)} (${conformanceCase.source})`);
		t.is(stacktui.accepted ? 'accept' : 'reject', conformanceCase.deliberate === undefined ? conformanceCase.expect : 'reject', stacktui.accepted ? 'stacktui accepted' : placeholder(stacktui.error));
		if (compose.accepted && stacktui.accepted) {
			t.deepEqual(differences(JSON.parse(placeholder(JSON.stringify(stacktui.model))), JSON.parse(placeholder(JSON.stringify(compose.model)))), []);
		}
	});
}
