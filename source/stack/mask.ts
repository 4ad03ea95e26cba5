import {readFileSync} from 'node:fs';
import {parseEnvFile} from '../compose/env-file.js';

/** What a masked value shows: always the same, so it says nothing about the secret's length. */
export const maskText = '••••••';

/**
 * Shorter secrets are masked only under their own key, never searched for inside other text:
 * a port or a `true` from the .env file would otherwise blank out half the screen.
 */
export const minimumEmbeddedLength = 6;

/** Where secrets come from: the keys and values of the profile's .env file. */
export type Secrets = {
	/** Variables whose value is masked wherever the key appears. */
	readonly secretKeys: readonly string[];
	/** Values masked wherever they appear, inside other values too. */
	readonly secretValues: readonly string[];
};

export const noSecrets: Secrets = {secretKeys: [], secretValues: []};

export type EnvironmentPair = {readonly key: string; readonly value: string};
export type MaskedPair = EnvironmentPair & {readonly isMasked: boolean};

/** Words that make a variable a secret wherever they appear in its name. */
const secretWords = /PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE|APIKEY|ACCESSKEY/;
/** Words that do only as a whole part of the name (AUTH yes, AUTHOR no; KEY yes, MONKEY no). */
const secretParts = new Set(['KEY', 'AUTH', 'PASS', 'PW', 'DSN']);

/** True for names like DB_PASSWORD, apiKey, GITHUB_TOKEN, SSH_PRIVATE_KEY, BASIC_AUTH, SENTRY_DSN. */
export function isSecretKey(key: string): boolean {
	const parts = key
		.replaceAll(/([a-z\d])([A-Z])/g, '$1_$2')
		.toUpperCase()
		.split(/[^A-Z\d]+/);
	return secretWords.test(parts.join('')) || parts.some(part => secretParts.has(part));
}

/** `scheme://user:password@` in URLs and DSNs: the password part. */
const urlPassword = /([a-z][\w+.-]*:\/\/[^\s:/@]*:)([^\s@]+)(?=@)/gi;
/** `password=…` in key=value connection strings (libpq, JDBC, ADO). */
const keywordPassword = /\b((?:password|passwd|pwd)=)([^\s;&]+)/gi;

/**
 * Masks the secrets inside free text (a link, a command, a value): URL passwords,
 * `password=` pairs, and every secret value of at least `minimumEmbeddedLength` characters.
 */
export function maskSecrets(text: string, secretValues: readonly string[]): string {
	let masked = text.replaceAll(urlPassword, `$1${maskText}`).replaceAll(keywordPassword, `$1${maskText}`);
	const searched = [...new Set(secretValues)].filter(value => value.length >= minimumEmbeddedLength);
	// Longest first, so a secret containing a shorter one is masked whole.
	for (const value of searched.sort((left, right) => right.length - left.length)) {
		masked = masked.replaceAll(value, maskText);
	}

	return masked;
}

/**
 * A container's environment with secrets masked: whole values under a .env key or a
 * secret-looking key, and secrets inside other values (a value equal to one becomes the mask). Values of
 * secret keys count as secrets elsewhere too (POSTGRES_PASSWORD inside DATABASE_URL).
 */
export function maskEnvironment(pairs: readonly EnvironmentPair[], secrets: Secrets): MaskedPair[] {
	const values = environmentSecretValues(pairs, secrets);
	return pairs.map(({key, value}) => {
		if (value !== '' && isSecretPair(key, secrets)) return {key, value: maskText, isMasked: true};
		const masked = maskSecrets(value, values);
		return {key, value: masked, isMasked: masked !== value};
	});
}

/** The .env values plus the values of the environment's own secret keys: what to search other text for. */
export function environmentSecretValues(pairs: readonly EnvironmentPair[], secrets: Secrets): string[] {
	const own = pairs.filter(pair => isSecretPair(pair.key, secrets)).map(pair => pair.value);
	return [...new Set([...secrets.secretValues, ...own])].filter(value => value !== '');
}

function isSecretPair(key: string, secrets: Secrets): boolean {
	return secrets.secretKeys.includes(key) || isSecretKey(key);
}

/**
 * The KEY=VALUE pairs of a .env file as secrets: its keys, and its values as the containers
 * see them (the file's value, and the shell's when set, since the shell wins in interpolation).
 * No file gives none; one the strict parser rejects is read leniently, so masking never fails open.
 */
export function readEnvSecrets(envFile: string | undefined, environment: Readonly<Record<string, string | undefined>> = process.env): Secrets {
	const values = readEnvPairs(envFile, environment);
	if (values === undefined) return noSecrets;
	const keys = Object.keys(values);
	const shellValues = keys.map(key => environment[key]).filter((value): value is string => value !== undefined);
	return {secretKeys: keys, secretValues: [...new Set([...Object.values(values), ...shellValues])].filter(value => value !== '')};
}

/** The KEY=value pairs of a .env file (leniently when the strict parser rejects it); undefined without a readable file. */
export function readEnvPairs(envFile: string | undefined, environment: Readonly<Record<string, string | undefined>> = process.env): Record<string, string> | undefined {
	if (envFile === undefined) return undefined;
	let source: string;
	try {
		source = readFileSync(envFile, 'utf8');
	} catch {
		return undefined;
	}

	try {
		return parseEnvFile(source, envFile, name => environment[name]);
	} catch {
		return readLeniently(source);
	}
}

/** `KEY=value` lines with surrounding quotes dropped, for a file the strict parser rejects. */
function readLeniently(source: string): Record<string, string> {
	const values: Record<string, string> = {};
	for (const match of source.matchAll(/^\s*(?:export\s+)?([A-Za-z_][\w.-]*)\s*=[ \t]*(.*?)\s*$/gm)) {
		values[match[1] ?? ''] = (match[2] ?? '').replace(/^(["'])(.*)\1$/, '$2');
	}

	return values;
}
