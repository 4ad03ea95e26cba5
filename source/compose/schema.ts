import type {ErrorObject, ValidateFunction} from 'ajv';
import {ConfigError} from '../config/config-error.js';
import {didYouMean} from '../config/did-you-mean.js';
import generatedValidator from './compose-validator.generated.js';
import {formatPath, isMapping, type Locate, type ValuePath} from './path.js';

/**
 * The compose-spec schema (Debian's docker-compose copy patched by scripts/update-compose-schema.sh,
 * draft-07 keywords only) as ajv standalone code, generated from compose-spec.json at build time by
 * scripts/generate-compose-validator.mjs: no schema compilation at start. Its `format`s (duration,
 * ports, ...) are not ajv formats: ignored, the loader checks those values itself.
 */
const validator = generatedValidator as ValidateFunction;

function compiled(): ValidateFunction {
	return validator;
}

/**
 * Validates one compose file's content (after interpolation) against the official compose-spec
 * schema. The first problem is a ConfigError at the offending value (or unknown key), naming
 * the field: `services.db.ports[0]: must be a string, a number or a mapping`.
 */
export function validateComposeFile(value: unknown, locate: Locate): void {
	const validate = compiled();
	if (validate(value)) {
		return;
	}

	const errors = validate.errors ?? [];
	const chosen = mostSpecific(errors);
	if (chosen === undefined) {
		throw new ConfigError(locate([]), 'does not match the compose specification');
	}

	const path = instancePath(chosen.error, value);
	if (chosen.error.keyword === 'additionalProperties') {
		const key = String(chosen.error.params['additionalProperty']);
		const known = Object.keys((chosen.error.parentSchema as {properties?: object} | undefined)?.properties ?? {});
		const reason = known.length === 0 ? 'is not a valid name (letters, digits, ".", "_" and "-")' : `unknown key${didYouMean(key, known)}`;
		throw new ConfigError(locate([...path, key], true), `${formatPath([...path, key])}: ${reason}`);
	}

	const subject = path.length === 0 ? 'the file' : formatPath(path);
	throw new ConfigError(locate(path), `${subject}: ${describe(chosen.error, chosen.types)}`);
}

type Chosen = {readonly error: ErrorObject; readonly types: readonly string[]};

/**
 * The error a user should see. With `oneOf`, ajv reports every branch: the deepest error is the
 * one about what was actually written; type errors at one place merge into "must be A or B".
 */
function mostSpecific(errors: readonly ErrorObject[]): Chosen | undefined {
	const depth = (error: ErrorObject) => error.instancePath.split('/').length + (error.keyword === 'additionalProperties' ? 1 : 0);
	const candidates = errors.filter(error => error.keyword !== 'oneOf' && error.keyword !== 'anyOf');
	const deepest = Math.max(...candidates.map(depth));
	const atDeepest = candidates.filter(error => depth(error) === deepest);
	const specific = atDeepest.find(error => error.keyword !== 'type');
	const first = specific ?? atDeepest[0] ?? errors[0];
	if (first === undefined) {
		return undefined;
	}

	const types = atDeepest.filter(error => error.keyword === 'type').flatMap(error => String(error.params['type']).split(','));
	return {error: first, types: [...new Set(types)]};
}

/** What a value failing a schema `pattern` is not, by pattern. */
const patternNames: Record<string, string> = {
	'^[a-z0-9][a-z0-9_-]*$': 'a valid project name (lowercase letters, digits, "-" and "_", starting with a letter or digit)',
};

const typeNames: Record<string, string> = {
	object: 'a mapping',
	array: 'a list',
	string: 'a string',
	number: 'a number',
	integer: 'an integer',
	boolean: 'a boolean (true or false)',
	null: 'empty',
};

function describe(error: ErrorObject, types: readonly string[]): string {
	switch (error.keyword) {
		case 'type': {
			const names = types.map(type => typeNames[type] ?? type);
			return `must be ${names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}` : (names[0] ?? 'another type')}`;
		}

		case 'enum': {
			return `must be one of ${(error.params['allowedValues'] as unknown[]).map(String).join(', ')}`;
		}

		case 'required': {
			return `missing the required key "${String(error.params['missingProperty'])}"`;
		}

		case 'pattern': {
			const pattern = String(error.params['pattern']);
			return `${JSON.stringify(error.data)} is not ${patternNames[pattern] ?? `in the form ${pattern}`}`;
		}

		case 'uniqueItems': {
			return `has the same entry twice (items ${String(error.params['j'])} and ${String(error.params['i'])})`;
		}

		default: {
			return error.message ?? 'is not valid';
		}
	}
}

/** ajv's JSON pointer as a path, with sequence indexes as numbers. */
function instancePath(error: ErrorObject, root: unknown): ValuePath {
	const path: Array<string | number> = [];
	let node = root;
	for (const raw of error.instancePath.split('/').slice(1)) {
		const segment = raw.replaceAll('~1', '/').replaceAll('~0', '~');
		const key = Array.isArray(node) ? Number(segment) : segment;
		path.push(key);
		node = Array.isArray(node) ? node[Number(segment)] : isMapping(node) ? node[segment] : undefined;
	}

	return path;
}
