import {describeValue, type FieldPath, type FieldReader} from './field-reader.js';
import {readCommand} from './read-probes.js';
import type {PhaseDefinition, SoakPlan, StepAction, StepDefinition} from './types.js';

const phaseKeys = ['name', 'from', 'until', 'while'] as const;
const soakKeys = ['duration', 'steps'] as const;
const stepKeys = ['at', 'name', 'stop', 'restart', 'kill', 'run', 'exec', 'service', 'for'] as const;
const actions: readonly StepAction[] = ['stop', 'restart', 'kill', 'run', 'exec'];

export const defaultDownMs = 5000;

/** The `phases:` list: the first entry whose condition holds names the phase; one without a condition always holds. */
export function readPhases(reader: FieldReader, value: unknown): PhaseDefinition[] {
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) return reader.fail(['phases'], `expected a list of phases (- name: idle ...), got ${describeValue(value)}`);
	const phases = value.map((item, index): PhaseDefinition => {
		const path = ['phases', index];
		const fields = reader.mapping(path, item, phaseKeys);
		if (fields['name'] === undefined) reader.fail([...path, 'name'], 'missing; name the phase (budgets.phases.NAME refers to it)', true);
		const time = (key: string) => (fields[key] === undefined ? undefined : reader.duration([...path, key], fields[key]));
		const phase = {
			name: reader.string([...path, 'name'], fields['name'], 'a phase name'),
			fromMs: time('from'),
			untilMs: time('until'),
			whileStep: fields['while'] === undefined ? undefined : reader.string([...path, 'while'], fields['while'], 'a step name'),
		};
		if (phase.fromMs !== undefined && phase.untilMs !== undefined && phase.untilMs <= phase.fromMs) {
			reader.fail([...path, 'until'], `${describeValue(fields['until'])} is not after from: ${describeValue(fields['from'])}`);
		}

		return phase;
	});
	const seen = new Set<string>();
	for (const [index, phase] of phases.entries()) {
		if (seen.has(phase.name)) reader.fail(['phases', index, 'name'], `"${phase.name}" is defined twice`);
		seen.add(phase.name);
	}

	return phases;
}

/** The `soak:` section: default duration and the scripted steps. */
export function readSoak(reader: FieldReader, value: unknown): SoakPlan {
	if (value === undefined || value === null) return {durationMs: undefined, steps: []};
	const fields = reader.mapping(['soak'], value, soakKeys);
	const durationMs = fields['duration'] === undefined ? undefined : reader.duration(['soak', 'duration'], fields['duration'], '1s');
	const list = fields['steps'] ?? [];
	if (!Array.isArray(list)) return reader.fail(['soak', 'steps'], `expected a list of steps (- at: 5m, restart: redis), got ${describeValue(list)}`);
	const steps = list.map((item, index) => readStep(reader, ['soak', 'steps', index], index + 1, item));
	const names = new Set<string>();
	for (const step of steps) {
		if (names.has(step.name)) reader.fail(['soak', 'steps', step.index - 1, 'name'], `"${step.name}" is the name of an earlier step`);
		names.add(step.name);
	}

	return {durationMs, steps};
}

function readStep(reader: FieldReader, path: FieldPath, index: number, value: unknown): StepDefinition {
	const fields = reader.mapping(path, value, stepKeys);
	const given = actions.filter(action => fields[action] !== undefined);
	if (given.length !== 1) {
		reader.fail(path, given.length === 0 ? 'missing an action; add one of stop:, restart:, kill:, run: or exec:' : `has ${given.join(' and ')}; a step does one thing`, true);
	}

	const action = given[0] as StepAction;
	if (fields['at'] === undefined) reader.fail([...path, 'at'], 'missing; when the step runs, from the start of the soak (e.g. 5m)', true);
	const isServiceAction = action === 'stop' || action === 'restart' || action === 'kill';
	if (action === 'exec' && fields['service'] === undefined) reader.fail([...path, 'service'], 'missing; exec runs in a service container', true);
	if (action !== 'exec' && fields['service'] !== undefined) reader.fail([...path, 'service'], `only exec takes service:; ${action} names its service itself`, true);
	const service = isServiceAction
		? reader.string([...path, action], fields[action], 'a service name')
		: action === 'exec'
			? reader.string([...path, 'service'], fields['service'], 'a service name')
			: undefined;
	const command = isServiceAction ? undefined : readCommand(reader, [...path, action], fields[action]);
	const forMs = fields['for'] === undefined ? (action === 'stop' || action === 'kill' ? defaultDownMs : undefined) : reader.duration([...path, 'for'], fields['for']);
	return {
		index,
		name: fields['name'] === undefined ? `step-${index}` : reader.string([...path, 'name'], fields['name'], 'a step name'),
		action,
		service,
		command,
		atMs: reader.duration([...path, 'at'], fields['at']),
		forMs,
	};
}
