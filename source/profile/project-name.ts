import path from 'node:path';

/** What compose accepts as a project name (`docker compose -p`). */
export const projectNamePattern = /^[a-z\d][a-z\d_-]*$/;

export const projectNameRule = 'lowercase letters, digits, "-" and "_", starting with a letter or digit';

/** The name a profile gets without `name:`: its file's base name, or its directory's for stacktui.yaml. */
export function defaultProfileName(file: string): string {
	const base = path.basename(file).replace(/\.ya?ml$/i, '');
	return base === 'stacktui' ? path.basename(path.dirname(path.resolve(file))) : base;
}

/** A project name made from a file or directory name the way compose does: lowercased, other characters dropped. */
export function normalizeProjectName(name: string): string {
	return name
		.toLowerCase()
		.replaceAll(/[^a-z\d_-]/g, '')
		.replace(/^[_-]+/, '');
}
