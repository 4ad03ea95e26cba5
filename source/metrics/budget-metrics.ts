import {activeWarnings, type BudgetLevel, type BudgetMeter, type BudgetState} from '../stack/budgets.js';
import type {MetricFamily, Sample} from './exposition.js';

export type BudgetMetricsInput = {
	readonly budgets: BudgetState;
};

const levels: readonly BudgetLevel[] = ['ok', 'near', 'over'];

/** The stack is scope="stack" with no service label; a service is scope="service" with its name. */
function subjectLabels(service: string | undefined): Record<string, string> {
	return service === undefined ? {scope: 'stack'} : {scope: 'service', service};
}

/** Budget meters, levels and warnings as metric families. */
export function budgetFamilies({budgets}: BudgetMetricsInput): MetricFamily[] {
	const meters = budgets.meters.filter(meter => meter.budget !== undefined);
	const limitOf = (resource: BudgetMeter['resource']): Sample[] =>
		meters.filter(meter => meter.resource === resource).map(meter => ({labels: subjectLabels(meter.service), value: meter.budget ?? 0}));
	const active = new Map<string, Sample>();
	for (const warning of activeWarnings(budgets)) {
		const labels = {...subjectLabels(warning.service), kind: warning.kind};
		active.set(JSON.stringify(labels), {labels, value: 1});
	}

	return [
		{name: 'stacktui_memory_budget_bytes', type: 'gauge', unit: 'bytes', help: 'Memory budget from the profile.', samples: limitOf('memory')},
		{name: 'stacktui_cpu_budget_percent', type: 'gauge', unit: 'percent', help: 'CPU budget from the profile (100 is one core).', samples: limitOf('cpu')},
		{
			name: 'stacktui_budget_usage_ratio',
			type: 'gauge',
			unit: 'ratio',
			help: 'Current use divided by the budget: above 1 is over budget. Absent while the use is unknown.',
			samples: meters
				.filter(meter => meter.value !== undefined && meter.budget !== undefined && meter.budget > 0)
				.map(meter => ({labels: {...subjectLabels(meter.service), resource: meter.resource}, value: (meter.value ?? 0) / (meter.budget ?? 1)})),
		},
		{
			name: 'stacktui_budget_level',
			type: 'gauge',
			help: 'Budget level (ok; near: from 80 % of the budget; over: past it): 1 for the current one, 0 for the others.',
			samples: meters.flatMap(meter =>
				levels.map(level => ({labels: {...subjectLabels(meter.service), resource: meter.resource, level}, value: meter.level === level ? 1 : 0})),
			),
		},
		{
			name: 'stacktui_budget_breached',
			type: 'gauge',
			help: 'A breach that lasted long enough to warn and has not ended, by kind (memory, cpu, startup); absent when none.',
			samples: [...active.values()],
		},
		{
			name: 'stacktui_budget_warnings',
			type: 'counter',
			help: 'Budget warnings raised since stacktui started.',
			samples: [{labels: {}, value: budgets.nextWarningId - 1}],
		},
	];
}
