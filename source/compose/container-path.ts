import path from 'node:path';

/** A container path as compose keeps it: cleaned (`/data/` and `/data/./x/..` are `/data`). */
export function normalizeContainerPath(target: string): string {
	return target.startsWith('/') ? path.posix.normalize(target).replace(/(.)\/$/, '$1') : target;
}
