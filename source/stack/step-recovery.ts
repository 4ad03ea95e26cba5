import type {RunFacts} from './run-facts.js';
import type {RunNote} from './run-notes.js';

export type RecoveryStatus = 'waiting' | 'down' | 'recovering' | 'passed' | 'failed';

/** One stop / restart / kill step: the service back within its limit, the others up meanwhile. */
export type Recovery = {
	readonly step: number;
	readonly service: string;
	readonly limitMs: number;
	status: RecoveryStatus;
	downAt: number | undefined;
	upAt: number | undefined;
	recoveredAt: number | undefined;
	/** Services up when the step began. */
	others: ReadonlySet<string>;
	/** Those of them that were not up at some point before the recovery. */
	readonly othersDown: Set<string>;
	message: string;
};

/** Recoveries by step index, advanced with RunFacts. */
export class StepRecoveries {
	readonly recoveries = new Map<number, Recovery>();

	constructor(steps: ReadonlyArray<{readonly step: number; readonly service: string; readonly limitMs: number}>) {
		for (const {step, service, limitMs} of steps) {
			this.recoveries.set(step, {step, service, limitMs, status: 'waiting', downAt: undefined, upAt: undefined, recoveredAt: undefined, others: new Set(), othersDown: new Set(), message: 'not run yet'});
		}
	}

	/** Notes first (before RunFacts applies the new state), then `settle` after. */
	applyNotes(notes: readonly RunNote[], facts: RunFacts): void {
		for (const note of notes) {
			if (note.type !== 'service-down' && note.type !== 'service-up') continue;
			const recovery = note.step === undefined ? undefined : this.recoveries.get(note.step);
			if (recovery === undefined) continue;
			if (note.type === 'service-down') {
				recovery.downAt = note.at;
				recovery.status = 'down';
				recovery.others = new Set([...facts.services.values()].filter(service => service.name !== recovery.service && service.isUp).map(service => service.name));
				recovery.message = `${recovery.service} taken down`;
			} else {
				recovery.downAt ??= note.at;
				recovery.upAt = note.at;
				recovery.status = 'recovering';
				recovery.message = `${recovery.service} started again, waiting for healthy`;
			}
		}
	}

	settle(facts: RunFacts, now: number): void {
		for (const recovery of this.recoveries.values()) {
			if (recovery.status === 'waiting' || recovery.status === 'passed' || recovery.status === 'failed') continue;
			for (const name of recovery.others) {
				if (facts.services.get(name)?.isUp !== true) recovery.othersDown.add(name);
			}

			if (recovery.status !== 'recovering' || recovery.upAt === undefined) continue;
			const elapsed = now - recovery.upAt;
			const others = recovery.othersDown.size === 0 ? 'the others stayed healthy' : `not healthy meanwhile: ${[...recovery.othersDown].sort().join(', ')}`;
			if (facts.services.get(recovery.service)?.isUp === true) {
				recovery.recoveredAt = now;
				const isInTime = elapsed <= recovery.limitMs;
				recovery.status = isInTime && recovery.othersDown.size === 0 ? 'passed' : 'failed';
				recovery.message = `${recovery.service} healthy again in ${seconds(elapsed)} / ${seconds(recovery.limitMs)}; ${others}`;
			} else if (elapsed > recovery.limitMs) {
				recovery.status = 'failed';
				recovery.message = `${recovery.service} not healthy ${seconds(recovery.limitMs)} after its start; ${others}`;
			}
		}
	}
}

function seconds(milliseconds: number): string {
	return `${Math.round(milliseconds / 100) / 10} s`;
}
