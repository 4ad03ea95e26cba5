#!/usr/bin/env node
// React and ink pick their build when first loaded: production unless asked otherwise (about half the render cost).
process.env['NODE_ENV'] ??= 'production';
// With CI set, ink draws only the last frame; on a terminal someone is watching, so draw live.
if (process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

await import('./cli.js');
