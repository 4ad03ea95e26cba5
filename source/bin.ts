#!/usr/bin/env node
// React and ink pick their build when first loaded: production unless asked otherwise (about half the render cost).
process.env['NODE_ENV'] ??= 'production';
// With CI set, ink draws only the last frame; on a terminal someone is watching, so draw live.
if (process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

// Before dockerode is loaded: its gRPC and ssh2 parts load on first use only (memory, start time).
const {deferHeavyDependencies} = await import('./engine/lazy-dependencies.js');
deferHeavyDependencies();
await import('./cli.js');
