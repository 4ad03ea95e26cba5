import {statSync} from 'node:fs';

/** Whether `file` exists and is a regular file (or a link to one). */
export function isFile(file: string): boolean {
	return statSync(file, {throwIfNoEntry: false})?.isFile() ?? false;
}

export function isDirectory(file: string): boolean {
	return statSync(file, {throwIfNoEntry: false})?.isDirectory() ?? false;
}
