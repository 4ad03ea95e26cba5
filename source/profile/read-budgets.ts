import {writtenSize} from '../config/units.js';
import type {Budget, Budgets, ServiceBudget} from './types.js';
import type {FieldPath, FieldReader} from './field-reader.js';

const budgetKeys = ['sustain', 'startup', 'stack', 'services'] as const;
const stackKeys = ['memory', 'cpu'] as const;
const serviceKeys = ['memory', 'cpu', 'startup'] as const;

export const defaultSustainMs = 15_000;

/** The `budgets:` section; absent means no limits and the default sustain. */
export function readBudgets(reader: FieldReader, value: unknown): Budgets {
	if (value === undefined || value === null) {
		return {sustainMs: defaultSustainMs, startupMs: undefined, stack: {}, services: {}};
	}

	const budgets = reader.mapping(['budgets'], value, budgetKeys);
	const sustainMs = budgets['sustain'] === undefined ? defaultSustainMs : reader.duration(['budgets', 'sustain'], budgets['sustain']);
	const startupMs = budgets['startup'] === undefined ? undefined : reader.duration(['budgets', 'startup'], budgets['startup'], '1s');
	const stack = budgets['stack'] === undefined ? {} : readLimits(reader, ['budgets', 'stack'], reader.mapping(['budgets', 'stack'], budgets['stack'], stackKeys));
	const services: Record<string, ServiceBudget> = {};
	const serviceMapping = budgets['services'] === undefined ? {} : reader.anyMapping(['budgets', 'services'], budgets['services']);
	for (const [service, budget] of Object.entries(serviceMapping)) {
		const path = ['budgets', 'services', service];
		const fields = reader.mapping(path, budget, serviceKeys);
		services[service] = {
			...readLimits(reader, path, fields),
			...(fields['startup'] === undefined ? {} : {startupMs: reader.duration([...path, 'startup'], fields['startup'], '1s')}),
		};
	}

	return {sustainMs, startupMs, stack, services};
}

function readLimits(reader: FieldReader, path: FieldPath, fields: Record<string, unknown>): Budget {
	return {
		...(fields['memory'] === undefined ? {} : {memoryBytes: reader.size([...path, 'memory'], fields['memory'])}),
		...(writtenSize(fields['memory']) === undefined ? {} : {memoryText: writtenSize(fields['memory'])}),
		...(fields['cpu'] === undefined ? {} : {cpuPercent: reader.cpu([...path, 'cpu'], fields['cpu'])}),
	};
}
