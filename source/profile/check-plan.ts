import {closestWord} from '../config/did-you-mean.js';
import type {FieldPath, FieldReader} from './field-reader.js';
import type {Profile} from './types.js';

/** Phases, steps and probes refer to each other by name: each name must exist. */
export function checkPlanNames(reader: FieldReader, profile: Profile): void {
	const phaseNames = profile.phases.map(phase => phase.name);
	const stepNames = profile.soak.steps.map(step => step.name);
	const check = (name: string, known: readonly string[], what: string, path: FieldPath, isKey: boolean) => {
		if (known.includes(name)) return;
		const match = closestWord(name, known);
		const hint = match === undefined ? (known.length === 0 ? `; none is defined (${what === 'phase' ? 'phases:' : 'soak.steps:'})` : `; ${what}s: ${known.join(', ')}`) : ` (did you mean "${match}"?)`;
		reader.fail(path, `no ${what} "${name}"${hint}`, isKey);
	};

	for (const phase of Object.keys(profile.budgets.phases)) check(phase, phaseNames, 'phase', ['budgets', 'phases', phase], true);
	for (const [index, phase] of profile.phases.entries()) {
		if (phase.whileStep !== undefined) check(phase.whileStep, stepNames, 'step', ['phases', index, 'while'], false);
	}

	for (const probe of profile.probes) {
		if (probe.after !== undefined) check(probe.after, stepNames, 'step', ['probes', probe.name, 'after'], false);
	}
}
