import {isSecretKey, maskSecrets, minimumEmbeddedLength, readEnvPairs} from './mask.js';

/** Makes a text safe to show or write as far as secrets go. */
export type Masker = (text: string) => string;

/**
 * The secret values stacktui knows, to mask wherever text is shown or written (log lines, check
 * and status output): values of the secret-looking keys (PASSWORD, TOKEN, API_KEY…) of the
 * profile's .env file (the shell's value too, since it wins) and of the services' environment.
 * Other .env values are not searched for in free text: a `postgres` user name would blank out
 * half a log. Values shorter than `minimumEmbeddedLength` are left out for the same reason.
 */
export function knownSecretValues(
	envFile: string | undefined,
	serviceEnvironments: Iterable<Readonly<Record<string, string>>> = [],
	environment: Readonly<Record<string, string | undefined>> = process.env,
): string[] {
	const values: string[] = [];
	for (const [key, value] of Object.entries(readEnvPairs(envFile, environment) ?? {})) {
		if (isSecretKey(key)) values.push(value, environment[key] ?? '');
	}

	for (const pairs of serviceEnvironments) {
		for (const [key, value] of Object.entries(pairs)) {
			if (isSecretKey(key)) values.push(value);
		}
	}

	return [...new Set(values)].filter(value => value.length >= minimumEmbeddedLength);
}

/** A masker for these values, plus passwords in URLs and `password=` pairs (maskSecrets). */
export function secretMasker(values: readonly string[]): Masker {
	const searched = [...values];
	return text => maskSecrets(text, searched);
}
