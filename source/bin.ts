#!/usr/bin/env node
// React and ink pick their build when first loaded: production unless asked otherwise (about half the render cost).
process.env['NODE_ENV'] ??= 'production';
// With CI set, ink draws only the last frame; on a terminal someone is watching, so draw live.
if (process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

// Before ink loads: its text caches would otherwise grow for as long as the dashboard runs.
const {register} = await import('node:module');
register('./ink-cache-hook.js', import.meta.url);

await import('./cli.js');
