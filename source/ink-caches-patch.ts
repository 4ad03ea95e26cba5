import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {boundInkCaches, boundMarker} from './ink-cache-hook.js';

/**
 * The two files of the installed ink whose caches grow without end (ink issue #986). Bounding them
 * on disk once, at build time, spares the dashboard the module-hooks worker thread that a load hook
 * costs on Node 20 (20–26 MiB resident, measured in issue 8's note); the hook stays as the fallback.
 */
function inkCacheFiles(): string[] {
	const build = path.dirname(createRequire(import.meta.url).resolve('ink'));
	return ['measure-text.js', 'wrap-text.js'].map(file => path.join(build, file));
}

/** True when every file is bounded already (then no hook is needed). Never throws: false sends the caller to the hook. */
export function areInkCachesBounded(): boolean {
	try {
		return inkCacheFiles().every(file => readFileSync(file, 'utf8').startsWith(boundMarker));
	} catch {
		return false;
	}
}

/** Bounds the installed ink's caches in place; says per file what it did. Idempotent. */
export function boundInstalledInk(): string[] {
	return inkCacheFiles().map(file => {
		const source = readFileSync(file, 'utf8');
		if (source.startsWith(boundMarker)) return `${file}: bounded already`;
		const bounded = boundInkCaches(pathToFileURL(file).href, source);
		if (bounded === source) return `${file}: not the expected source, left alone (the load hook will try)`;
		writeFileSync(file, bounded);
		return `${file}: bounded`;
	});
}

// `node dist/ink-caches-patch.js` (the build's last step).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	for (const line of boundInstalledInk()) console.log(`ink caches: ${line}`);
}
