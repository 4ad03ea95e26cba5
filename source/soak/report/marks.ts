import type {RecordedRun, TimelineKind} from '../recorded-run.js';

/** A moment drawn as a vertical line on a chart. */
export type Mark = {
	/** Seconds since the epoch. */
	readonly at: number;
	readonly kind: 'start' | 'die' | 'oom' | 'step' | 'action' | 'phase' | 'resume';
	readonly text: string;
};

/** Marks a chart draws at most; a crash loop would otherwise paint it solid. The newest are kept. */
export const maximumMarks = 300;

const serviceKinds: ReadonlySet<TimelineKind> = new Set(['start', 'die', 'oom', 'action']);
const stackKinds: ReadonlySet<TimelineKind> = new Set(['phase', 'resume', 'step']);

/**
 * The marks of one subject: for a service its starts, exits, OOM kills, keys pressed on it and
 * the scripted steps aimed at it; for the stack the phase changes, resumes and every step.
 */
export function marksOf(run: RecordedRun, subject: string): Mark[] {
	const stepServices = new Map(run.header.steps.map(step => [step.name, step.service]));
	const marks: Mark[] = [];
	for (const event of run.events) {
		const isStep = event.kind === 'step';
		const belongs =
			subject === 'stack'
				? stackKinds.has(event.kind)
				: (serviceKinds.has(event.kind) && event.subject === subject) || (isStep && (stepServices.get(event.subject) ?? event.subject) === subject);
		if (belongs) marks.push({at: event.at / 1000, kind: event.kind as Mark['kind'], text: event.text});
	}

	return marks.slice(-maximumMarks);
}
