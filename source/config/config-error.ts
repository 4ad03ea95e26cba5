/** Where in a file a problem is; line and column count from 1. */
export type Location = {readonly file: string; readonly line: number; readonly column: number};

/**
 * A problem in a user's file (profile, compose file, .env). Printed as one line,
 * `file:line:col: message`, and the CLI exits with code 2.
 */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';

	constructor(
		readonly location: Location,
		readonly reason: string,
	) {
		super(`${location.file}:${location.line}:${location.column}: ${reason.split('\n')[0] ?? reason}`);
	}
}

/** A location for problems that concern a whole file (missing, unreadable). */
export function fileStart(file: string): Location {
	return {file, line: 1, column: 1};
}
