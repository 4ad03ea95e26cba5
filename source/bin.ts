#!/usr/bin/env -S node --max-semi-space-size=1
// A 1 MiB young generation (V8's default grows to 16 MiB per semi-space): about 25 MiB less resident
// memory for a few percent more CPU in scavenges, measured with bench/overhead.sh (see issue 8's note).
// React and ink pick their build when first loaded: production unless asked otherwise (about half the render cost).
process.env['NODE_ENV'] ??= 'production';
// With CI set, ink draws only the last frame; on a terminal someone is watching, so draw live.
if (process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

// Before ink loads: its text caches would otherwise grow for as long as the dashboard runs. The
// build bounds them on disk; the load hook (a worker thread on Node 20, ~20 MiB) only when it could not.
const {areInkCachesBounded} = await import('./ink-caches-patch.js');
if (!areInkCachesBounded()) {
	const {register} = await import('node:module');
	register('./ink-cache-hook.js', import.meta.url);
}
// Before dockerode is loaded: its gRPC and ssh2 parts load on first use only (memory, start time).
const {deferHeavyDependencies} = await import('./engine/lazy-dependencies.js');
deferHeavyDependencies();
await import('./cli.js');
