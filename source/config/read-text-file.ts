import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {ConfigError, fileStart} from './config-error.js';

/** Profiles, compose and .env files larger than this are refused before they are parsed. */
export const maximumFileBytes = 4 * 1024 * 1024;

const reasons: Record<string, string> = {
	ENOENT: 'file not found',
	ENOTDIR: 'file not found (a parent is not a directory)',
	EISDIR: 'is a directory, not a file',
	ELOOP: 'is a loop of symbolic links',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	ENAMETOOLONG: 'the path is too long',
};

/** Why a file cannot be read, as one short phrase, from a Node error. */
export function fileErrorReason(error: unknown): string {
	const code = (error as NodeJS.ErrnoException).code;
	return (code === undefined ? undefined : reasons[code]) ?? `cannot read: ${code ?? (error as Error).message}`;
}

/**
 * A file's text, as UTF-8. Every failure is a ConfigError at the file's start (missing,
 * a directory, a symbolic link loop, no permission, larger than `limitBytes`), never a crash.
 */
export function readTextFile(file: string, displayName: string, limitBytes = maximumFileBytes): string {
	let descriptor: number | undefined;
	try {
		descriptor = openSync(file, 'r');
		const {size, isDirectory} = describe(descriptor);
		if (isDirectory) {
			throw Object.assign(new Error('EISDIR'), {code: 'EISDIR'});
		}

		if (size > limitBytes) {
			throw new ConfigError(fileStart(displayName), `the file is ${formatMegabytes(size)}, more than the ${formatMegabytes(limitBytes)} a file may have`);
		}

		// Read at most one byte past the limit: a file that grows while read (a pipe, /dev/zero) stops there.
		const buffer = Buffer.alloc(Math.min(limitBytes, size || limitBytes) + 1);
		let length = 0;
		for (let read = 1; read > 0 && length < buffer.length; length += read) {
			read = readSync(descriptor, buffer, length, buffer.length - length, null);
		}

		if (length > limitBytes) {
			throw new ConfigError(fileStart(displayName), `the file is more than the ${formatMegabytes(limitBytes)} a file may have`);
		}

		return buffer.subarray(0, length).toString('utf8');
	} catch (error) {
		if (error instanceof ConfigError) {
			throw error;
		}

		throw new ConfigError(fileStart(displayName), fileErrorReason(error));
	} finally {
		if (descriptor !== undefined) {
			closeSync(descriptor);
		}
	}
}

function describe(descriptor: number): {size: number; isDirectory: boolean} {
	const stats = fstatSync(descriptor);
	return {size: stats.isFile() ? stats.size : 0, isDirectory: stats.isDirectory()};
}

function formatMegabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MiB`;
}
