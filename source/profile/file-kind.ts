import {statSync} from 'node:fs';
import {fileErrorReason} from '../config/read-text-file.js';

/** Whether `file` exists and is a regular file (or a link to one); false when it cannot be looked at. */
export function isFile(file: string): boolean {
	return fileProblem(file) === undefined;
}

export function isDirectory(file: string): boolean {
	try {
		return statSync(file, {throwIfNoEntry: false})?.isDirectory() ?? false;
	} catch {
		return false;
	}
}

/** Why `file` is not a readable regular file ("file not found", "is a loop of symbolic links", ...), or undefined. */
export function fileProblem(file: string): string | undefined {
	try {
		const stats = statSync(file);
		return stats.isFile() ? undefined : stats.isDirectory() ? 'is a directory, not a file' : 'is not a regular file';
	} catch (error) {
		return fileErrorReason(error);
	}
}
