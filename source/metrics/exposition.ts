/** The two text formats a scraper may ask for. */
export type ExpositionFormat = 'openmetrics' | 'prometheus';

export const contentTypes: Record<ExpositionFormat, string> = {
	openmetrics: 'application/openmetrics-text; version=1.0.0; charset=utf-8',
	prometheus: 'text/plain; version=0.0.4; charset=utf-8',
};

export type MetricType = 'gauge' | 'counter';

export type Sample = {
	readonly labels: Readonly<Record<string, string>>;
	readonly value: number;
};

/**
 * One metric family. `name` is the family name: for a counter without `_total` (the samples get
 * it), and ending in `_<unit>` when a unit is given, as OpenMetrics requires.
 */
export type MetricFamily = {
	readonly name: string;
	readonly type: MetricType;
	readonly unit?: string;
	readonly help: string;
	readonly samples: readonly Sample[];
};

/**
 * The families as exposition text. OpenMetrics: TYPE, UNIT and HELP per family, counters'
 * samples named `<family>_total`, `# EOF` last. Prometheus 0.0.4: no UNIT, no EOF, and the counter
 * family is named after its samples.
 */
export function formatExposition(families: readonly MetricFamily[], format: ExpositionFormat): string {
	const lines: string[] = [];
	for (const family of families) {
		if (family.unit !== undefined && !family.name.endsWith(`_${family.unit}`)) {
			throw new Error(`metric ${family.name} must end in its unit _${family.unit}`);
		}

		const sampleName = family.type === 'counter' ? `${family.name}_total` : family.name;
		const typeName = format === 'openmetrics' ? family.name : sampleName;
		lines.push(`# TYPE ${typeName} ${family.type}`);
		if (format === 'openmetrics' && family.unit !== undefined) lines.push(`# UNIT ${typeName} ${family.unit}`);
		lines.push(`# HELP ${typeName} ${escapeHelp(family.help, format)}`);
		for (const sample of family.samples) {
			lines.push(`${sampleName}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
		}
	}

	if (format === 'openmetrics') lines.push('# EOF');
	return `${lines.join('\n')}\n`;
}

function formatLabels(labels: Readonly<Record<string, string>>): string {
	const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabelValue(value)}"`);
	return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** Both formats escape backslash, double quote and line feed in label values. */
export function escapeLabelValue(value: string): string {
	return value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');
}

/** OpenMetrics escapes the double quote in HELP too; Prometheus text only backslash and line feed. */
function escapeHelp(text: string, format: ExpositionFormat): string {
	const escaped = text.replaceAll('\\', '\\\\').replaceAll('\n', '\\n');
	return format === 'openmetrics' ? escaped.replaceAll('"', '\\"') : escaped;
}

function formatValue(value: number): string {
	if (Number.isNaN(value)) return 'NaN';
	if (value === Number.POSITIVE_INFINITY) return '+Inf';
	if (value === Number.NEGATIVE_INFINITY) return '-Inf';
	return String(value);
}

/**
 * Which format an Accept header asks for: OpenMetrics unless text/plain is preferred (higher
 * q) or OpenMetrics is not acceptable at all. No header or `*` /`*` gives OpenMetrics.
 */
export function negotiateFormat(accept: string | undefined): ExpositionFormat {
	if (accept === undefined || accept.trim() === '') return 'openmetrics';
	let openmetrics = -1;
	let plain = -1;
	let wildcard = -1;
	for (const part of accept.split(',')) {
		const [type = '', ...parameters] = part.split(';').map(piece => piece.trim().toLowerCase());
		const qParameter = parameters.find(parameter => parameter.startsWith('q='));
		const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
		if (!Number.isFinite(q)) continue;
		if (type === 'application/openmetrics-text') openmetrics = Math.max(openmetrics, q);
		else if (type === 'text/plain') plain = Math.max(plain, q);
		else if (type === '*/*') wildcard = Math.max(wildcard, q);
	}

	const openmetricsQ = openmetrics >= 0 ? openmetrics : wildcard;
	if (plain > openmetricsQ || (openmetricsQ <= 0 && plain > 0)) return 'prometheus';
	return 'openmetrics';
}
