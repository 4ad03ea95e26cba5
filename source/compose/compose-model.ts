import {readComposeFile, type ReadContext} from './compose-file.js';
import {applyExtends} from './extends.js';
import {applyInclude} from './include.js';
import {mergeValues, stripMergeTags} from './merge.js';
import {validateComposeFile} from './schema.js';
import {locateIn, type Tracked} from './tracked.js';
import {enforceFileUnicity} from './unicity.js';

/**
 * A set of compose files as one model, the way compose-go's loader builds it: each file read
 * (interpolated, canonical, paths resolved against the project `directory`), its `extends` and
 * `include` applied, merged over the files before it, and the merged model validated against the
 * Compose Specification after each file, so an override may be partial. Empty files are
 * skipped. undefined when every file is empty.
 */
export function loadModel(files: readonly string[], directory: string, context: ReadContext, chain: readonly string[] = []): Tracked | undefined {
	let merged: Tracked | undefined;
	for (const file of files) {
		const read = readComposeFile(file, directory, context);
		if (read === undefined) {
			continue;
		}

		const extended = applyExtends(read, file, context);
		const included = applyInclude(extended, directory, context, [...chain, file], loadModel);
		const unique = enforceFileUnicity(included);
		merged = merged === undefined ? stripMergeTags(unique) : mergeValues(merged, unique, []);
		const current = merged;
		validateComposeFile(current.value, (path, isKey) => locateIn(current.origin, path, isKey));
	}

	return merged;
}
