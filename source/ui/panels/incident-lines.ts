import {type IncidentKind} from '../../stack/incidents.js';
import {type IncidentGroup} from '../../stack/incident-groups.js';
import {fitCell, textWidth} from '../format/fit.js';
import type {Theme} from '../theme.js';
import {formatClockTime, type PanelLine} from './panel-lines.js';

const kindLabels: Readonly<Record<IncidentKind, string>> = {'oom-killed': 'OOM killed', oom: 'OOM kill', crashed: 'crashed'};
const signalNames: Readonly<Record<number, string>> = {2: 'SIGINT', 6: 'SIGABRT', 9: 'SIGKILL', 11: 'SIGSEGV', 15: 'SIGTERM'};
const maximumServiceWidth = 16;

/** The incidents section of the warnings panel: OOM kills and crashes by service, the latest first; none without any. */
export function incidentLines(groups: readonly IncidentGroup[], theme: Theme): PanelLine[] {
	if (groups.length === 0) return [];
	const serviceWidth = Math.min(maximumServiceWidth, Math.max(7, ...groups.map(group => textWidth(group.service))));
	const columns = (kind: string, service: string, last: string, count: string, what: string) =>
		`  ${fitCell(kind, 10)} ${fitCell(service, serviceWidth)} ${fitCell(last, 8)} ${fitCell(count, 5)} ${what}`;
	return [
		{key: 'incidents', segments: [{text: columns('INCIDENT', 'SERVICE', 'LAST', 'COUNT', 'WHAT'), isBold: true}]},
		...groups.map(group => ({
			key: `incident-${group.container}-${group.kind}`,
			segments: [{text: columns(kindLabels[group.kind], group.service, formatClockTime(group.lastAt), `×${group.count}`, describe(group)), color: theme.status.error}],
		})),
		{key: 'incidents-gap', segments: [{text: ' '}]},
	];
}

/** `out of memory, exit 137 · since 10:00:01` */
function describe(group: IncidentGroup): string {
	const since = group.count > 1 ? ` · since ${formatClockTime(group.firstAt)}` : '';
	switch (group.kind) {
		case 'oom-killed': {
			return `out of memory, exit ${group.exitCode ?? '?'} (${group.container})${since}`;
		}

		case 'oom': {
			return `a process was killed for memory; ${group.container} runs on${since}`;
		}

		case 'crashed': {
			const code = group.exitCode ?? 0;
			const signal = code > 128 ? signalNames[code - 128] : undefined;
			return `exit ${code}${signal === undefined ? '' : ` (${signal})`}, not asked to stop (${group.container})${since}`;
		}
	}
}

/** One line for the status bar or a header: `2 incidents`. */
export function incidentCountText(count: number): string {
	return count === 1 ? '1 incident' : `${count} incidents`;
}
