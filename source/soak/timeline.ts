import type {TimelineEvent, TimelineKind} from './recorded-run.js';
import type {RecordLine} from './record-types.js';

/** Events a report marks: starts, exits, OOM kills, health changes, warnings, keys, phases, steps, probes failing and recovering, resumes. Newest `maximum` kept. */
export function timelineOf(lines: readonly RecordLine[], maximum: number): {events: TimelineEvent[]; dropped: number} {
	const names = new Map<number, {name: string; service: string}>();
	const failing = new Set<string>();
	const events: TimelineEvent[] = [];
	const add = (at: number, kind: TimelineKind, subject: string, text: string) => events.push({at, kind, subject, text});
	for (const line of lines) {
		switch (line.type) {
			case 'container': {
				names.set(line.index, {name: line.name, service: line.service});
				break;
			}

			case 'event': {
				const known = names.get(line.index);
				const subject = known?.service ?? '?';
				const name = known?.name ?? `#${line.index}`;
				const cause = line.cause === undefined ? '' : ` (${line.cause})`;
				if (line.action === 'start') add(line.at, 'start', subject, `${name} started${cause}`);
				else if (line.action === 'die') add(line.at, 'die', subject, `${name} exited${line.exitCode === undefined ? '' : ` with code ${line.exitCode}`}${cause}`);
				else if (line.action === 'oom') add(line.at, 'oom', subject, `${name} killed: out of memory`);
				else if (line.action === 'health_status' && line.health !== undefined) add(line.at, 'health', subject, `${name} ${line.health}`);
				break;
			}

			case 'warning': {
				if (line.change === 'raised') add(line.at, 'warning-raised', line.budgetId, line.message);
				else if (line.change === 'ended') add(line.at, 'warning-ended', line.budgetId, line.message);
				break;
			}

			case 'action': {
				add(line.at, 'action', line.target ?? 'stack', `key ${line.key}: ${line.command}${line.target === undefined ? '' : ` ${line.target}`}`);
				break;
			}

			case 'phase': {
				add(line.at, 'phase', line.phase ?? 'none', line.phase === null ? `phase ${line.previous ?? ''} ended` : `phase ${line.phase}`);
				break;
			}

			case 'step': {
				add(line.at, 'step', line.name, `${line.name} ${line.state}: ${line.message}`);
				break;
			}

			case 'probe': {
				if (!line.isOk && !failing.has(line.probe)) {
					failing.add(line.probe);
					add(line.at, 'probe-failing', line.probe, `${line.probe} failing: ${line.error ?? 'failed'}`);
				} else if (line.isOk && failing.delete(line.probe)) {
					add(line.at, 'probe-ok', line.probe, `${line.probe} ok again`);
				}

				break;
			}

			case 'run': {
				if (line.session > 1) add(line.at, 'resume', 'stack', `resumed (session ${line.session})`);
				break;
			}

			default: {
				break;
			}
		}
	}

	events.sort((left, right) => left.at - right.at);
	const dropped = Math.max(0, events.length - maximum);
	return {events: events.slice(dropped), dropped};
}
