import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {boundInkCaches} from '../../source/ink-cache-hook.js';

const run = promisify(execFile);
const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));

test('the installed ink has the two caches the hook bounds (an ink upgrade that changes them fails here)', t => {
	for (const file of ['measure-text.js', 'wrap-text.js']) {
		const url = `file://${path.join(inkBuild, file)}`;
		const source = readFileSync(path.join(inkBuild, file), 'utf8');
		t.not(boundInkCaches(url, source), source, file);
	}

	t.is(boundInkCaches('file:///x/other.js', 'const cache = new Map();'), 'const cache = new Map();', 'other modules are left alone');
});

test('with the hook, measuring 50 000 different texts keeps the heap small; without it the heap keeps them all', async t => {
	const script = `
		const measure = (await import(${JSON.stringify(`file://${path.join(inkBuild, 'measure-text.js')}`)})).default;
		const wrap = (await import(${JSON.stringify(`file://${path.join(inkBuild, 'wrap-text.js')}`)})).default;
		for (let index = 0; index < 50000; index++) { const text = String(index).padStart(1000, 'x'); measure(text); wrap(text, 80, 'truncate-end'); }
		globalThis.gc(); console.log(process.memoryUsage().heapUsed);`;
	const measure = async (hook: string[]) => Number((await run(process.execPath, ['--expose-gc', ...hook, '--input-type=module', '-e', script])).stdout.trim()) / 1024 / 1024;
	const hookUrl = new URL('../../source/ink-cache-hook.ts', import.meta.url).href;
	const bounded = await measure(['--import=tsx', '--import', `data:text/javascript,import {register} from 'node:module'; register(${JSON.stringify(hookUrl)});`]);
	const unbounded = await measure([]);
	t.true(bounded < 40, `heap with the hook: ${bounded.toFixed(1)} MiB`);
	t.true(unbounded > 60, `heap without it: ${unbounded.toFixed(1)} MiB`);
});
