import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

export type ChartLibrary = {readonly script: string; readonly style: string; readonly license: string};

let cached: ChartLibrary | undefined;

/**
 * uPlot's minified script, style and license from the installed package, read at report time
 * and inlined into the page, so a report opens with no network.
 */
export function chartLibrary(): ChartLibrary {
	if (cached !== undefined) return cached;
	const require = createRequire(import.meta.url);
	const read = (file: string) => readFileSync(require.resolve(`uplot/${file}`), 'utf8');
	const version = (JSON.parse(read('package.json')) as {version: string}).version;
	const copyright = /^Copyright.*$/m.exec(read('LICENSE'))?.[0] ?? 'Copyright Leon Sorokin';
	cached = {script: read('dist/uPlot.iife.min.js'), style: read('dist/uPlot.min.css'), license: `uPlot ${version}, MIT License, ${copyright}`};
	return cached;
}
