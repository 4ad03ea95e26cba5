/** Compose's variable interpolation: `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR:?message}`, `$$` and the rest. */

/** Value of a variable, undefined when it is not set. */
export type Lookup = (name: string) => string | undefined;

/** A template that cannot be substituted; the message says why, without a location. */
export class InterpolationError extends Error {
	override readonly name = 'InterpolationError';
}

export type Interpolated = {
	readonly value: string;
	/** Variables used without a default that are not set (compose substitutes "" and warns). */
	readonly unset: readonly string[];
};

const namePattern = /^[A-Za-z_]\w*/;
const operators = [':-', ':?', ':+', '-', '?', '+'] as const;
type Operator = (typeof operators)[number];

/** Substitutes variables in `text` the way `docker compose` does. Throws InterpolationError. */
export function interpolate(text: string, lookup: Lookup): Interpolated {
	const unset: string[] = [];
	return {value: substitute(text, lookup, unset), unset};
}

function substitute(text: string, lookup: Lookup, unset: string[]): string {
	let result = '';
	let index = 0;
	while (index < text.length) {
		const dollar = text.indexOf('$', index);
		if (dollar === -1) {
			return result + text.slice(index);
		}

		result += text.slice(index, dollar);
		const next = text[dollar + 1];
		if (next === '$') {
			result += '$';
			index = dollar + 2;
		} else if (next === '{') {
			const end = closingBrace(text, dollar + 2);
			result += braced(text.slice(dollar + 2, end), text.slice(dollar, end + 1), lookup, unset);
			index = end + 1;
		} else {
			const name = namePattern.exec(text.slice(dollar + 1))?.[0];
			// Compose leaves a "$" that starts no variable (as in "$(hostname)") as it is.
			result += name === undefined ? '$' : valueOf(name, lookup, unset);
			index = dollar + 1 + (name?.length ?? 0);
		}
	}

	return result;
}

/**
 * Index of the "}" that closes a "${" whose body starts at `start`. Braces inside balance, as in
 * compose v2: `${X:-{"a":1}}` has the default `{"a":1}`; `$$` is skipped over.
 */
function closingBrace(text: string, start: number): number {
	let depth = 1;
	for (let index = start; index < text.length; index++) {
		const character = text[index];
		if (character === '$' && text[index + 1] === '$') {
			index++;
		} else if (character === '{') {
			depth++;
		} else if (character === '}' && --depth === 0) {
			return index;
		}
	}

	throw new InterpolationError(`invalid interpolation "${text.slice(start - 2)}": missing "}"`);
}

function braced(body: string, whole: string, lookup: Lookup, unset: string[]): string {
	const name = namePattern.exec(body)?.[0];
	const rest = body.slice(name?.length ?? 0);
	const operator = operators.find(candidate => rest.startsWith(candidate));
	if (name === undefined || (rest !== '' && operator === undefined)) {
		throw new InterpolationError(`invalid interpolation "${whole}" (write $$ for a literal $)`);
	}

	if (operator === undefined) {
		return valueOf(name, lookup, unset);
	}

	return apply(name, lookup(name), operator, () => substitute(rest.slice(operator.length), lookup, unset));
}

function apply(name: string, value: string | undefined, operator: Operator, argument: () => string): string {
	const isSet = value !== undefined;
	const isNonEmpty = isSet && value !== '';
	switch (operator) {
		case ':-': {
			return isNonEmpty ? value : argument();
		}

		case '-': {
			return isSet ? value : argument();
		}

		case ':+': {
			return isNonEmpty ? argument() : '';
		}

		case '+': {
			return isSet ? argument() : '';
		}

		case ':?':
		case '?': {
			if (operator === ':?' ? isNonEmpty : isSet) {
				return value ?? '';
			}

			const message = argument();
			throw new InterpolationError(`required variable ${name} is missing${message === '' ? ' a value' : `: ${message}`}`);
		}
	}
}

function valueOf(name: string, lookup: Lookup, unset: string[]): string {
	const value = lookup(name);
	if (value === undefined) {
		unset.push(name);
	}

	return value ?? '';
}
