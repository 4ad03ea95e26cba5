import path from 'node:path';
import process from 'node:process';

/** A path as error messages show it: relative to `cwd` when inside it, else absolute. */
export function displayPath(file: string, cwd = process.cwd()): string {
	const absolute = path.resolve(cwd, file);
	const relative = path.relative(cwd, absolute);
	return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
}
