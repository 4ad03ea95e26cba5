import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {promisify} from 'node:util';
import test from 'ava';
import {boundInkCaches, boundMarker, load} from '../../source/ink-cache-hook.js';
import {areInkCachesBounded} from '../../source/ink-caches-patch.js';

const run = promisify(execFile);
const inkBuild = path.dirname(createRequire(import.meta.url).resolve('ink'));
// ink 6.8.0's two files as published (the installed ones are bounded by the build).
const pristine = new URL('../fixtures/ink/build/', import.meta.url);

test('the two caches of ink 6.8 are bounded by the transform, marked, and other modules are left alone', t => {
	for (const file of ['measure-text.js', 'wrap-text.js']) {
		const url = new URL(file, pristine).href;
		const source = readFileSync(new URL(url), 'utf8');
		const bounded = boundInkCaches(url, source);
		t.true(bounded.startsWith(boundMarker), file);
		t.true(bounded.includes('5000'), file);
	}

	t.is(boundInkCaches('file:///x/other.js', 'const cache = new Map();'), 'const cache = new Map();');
});

test('the load hook (the fallback where the build could not bound the files) hands on the bounded source', async t => {
	const url = new URL('measure-text.js', pristine).href;
	const source = readFileSync(new URL(url), 'utf8');
	const result = await load(url, {}, async () => ({format: 'module', source}));
	t.true(String(result.source).startsWith(boundMarker));
});

test('the installed ink is bounded by the build (an ink upgrade that changes the two files fails here): 50 000 different texts keep the heap small without any hook', async t => {
	t.true(areInkCachesBounded(), 'npm run build (prepare) bounds node_modules/ink');
	const script = `
		const measure = (await import(${JSON.stringify(`file://${path.join(inkBuild, 'measure-text.js')}`)})).default;
		const wrap = (await import(${JSON.stringify(`file://${path.join(inkBuild, 'wrap-text.js')}`)})).default;
		for (let index = 0; index < 50000; index++) { const text = String(index).padStart(1000, 'x'); measure(text); wrap(text, 80, 'truncate-end'); }
		globalThis.gc(); console.log(process.memoryUsage().heapUsed);`;
	const heap = Number((await run(process.execPath, ['--expose-gc', '--input-type=module', '-e', script])).stdout.trim()) / 1024 / 1024;
	t.true(heap < 40, `heap: ${heap.toFixed(1)} MiB (unbounded, ink keeps every text: over 60 MiB)`);
});
