import {formatBytes, formatDuration, formatPercent} from '../../stack/format.js';
import type {SoakSummary} from '../../stack/soak-summary.js';
import type {StackStartup} from '../../stack/budget-types.js';
import {fitCell} from '../format/fit.js';
import {formatSparkline} from '../format/sparkline.js';
import {missing} from '../format/numbers.js';
import type {Theme} from '../theme.js';
import type {PanelContent, PanelLine, Segment} from './panel-lines.js';

export type SoakInput = {
	readonly soak: SoakSummary;
	readonly stackStartup: StackStartup | undefined;
	readonly now: number;
	/** Where the run is recorded, when it is. */
	readonly recordPath?: string | undefined;
	readonly theme: Theme;
};

/** `stack healthy in 12 s / 60 s`, `stack starting 8 s / 60 s`; undefined when not timed. */
export function stackStartupText(startup: StackStartup | undefined): string | undefined {
	if (startup === undefined) return undefined;
	const limit = startup.limitMs === undefined ? '' : ` / ${Math.round(startup.limitMs / 1000)} s`;
	return `stack ${startup.healthyAt === undefined ? 'starting' : 'healthy in'} ${Math.round(startup.elapsedMs / 1000)} s${limit}`;
}

/** Characters of the whole-run memory sparkline. */
const historyWidth = 16;

function mibPerHour(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)}MiB/h`;
}

/** The soak panel: phase, elapsed, verdict so far, then per service peaks, leak slope, uptime; then probes and breaches. */
export function soakContent({soak, stackStartup, now, recordPath, theme}: SoakInput): PanelContent {
	const verdictColor = soak.breached > 0 ? theme.status.error : soak.held > 0 ? theme.status.ok : theme.status.muted;
	const title: Segment[] = [
		{text: 'Soak', color: theme.accent, isBold: true},
		{text: `  phase ${soak.phase ?? '-'}  elapsed ${formatDuration((now - soak.startedAt) / 1000)}  `},
		{text: `${soak.breached} breached, ${soak.held} held, ${soak.notEvaluated} not evaluated`, color: verdictColor, isBold: soak.breached > 0},
	];
	const lines: PanelLine[] = [];
	const startup = stackStartupText(stackStartup);
	if (startup !== undefined || recordPath !== undefined) {
		lines.push({key: 'run', segments: [{text: `  ${[startup, recordPath === undefined ? undefined : `recording to ${recordPath}`].filter(Boolean).join('   ')}`, color: theme.status.muted}]});
	}

	const row = (service: string, memory: string, history: string, cpu: string, leak: string, uptime: string, restarts: string) =>
		`  ${fitCell(service, 16)} ${fitCell(memory, 10)} ${fitCell(history, historyWidth)} ${fitCell(cpu, 9)} ${fitCell(leak, 22)} ${fitCell(uptime, 8)} ${restarts}`;
	lines.push({key: 'services', segments: [{text: row('SERVICE', 'MEM PEAK', 'MEM (RUN)', 'CPU PEAK', 'LEAK (CONFIDENCE)', 'UPTIME', 'RESTARTS'), isBold: true}]});
	for (const service of soak.services) {
		const leak = service.leakPerHour === undefined ? 'window not covered' : `${mibPerHour(service.leakPerHour)} (${Math.round((service.leakConfidence ?? 0) * 100)}%)`;
		lines.push({
			key: `service-${service.service}`,
			segments: [
				{
					text: row(
						service.service,
						service.memoryPeak === undefined ? missing : formatBytes(service.memoryPeak),
						// The whole run's trend (a leak rises), scaled to its own highest bucket: a run has no other fixed maximum here.
						formatSparkline(service.memoryHistory, {width: historyWidth, maximum: Math.max(0, ...service.memoryHistory.filter(value => Number.isFinite(value)))}),
						service.cpuPeak === undefined ? missing : formatPercent(service.cpuPeak),
						leak,
						service.uptimeRatio === undefined ? missing : `${(service.uptimeRatio * 100).toFixed(2)}%`,
						String(service.restarts),
					),
					color: service.isLeaking ? theme.status.error : undefined,
				},
			],
		});
	}

	if (soak.probes.length > 0) {
		lines.push({key: 'probes', segments: [{text: `  ${fitCell('PROBE', 20)} ${fitCell('SUCCESS', 16)} ${fitCell('P95', 9)} LAST ERROR`, isBold: true}]});
		for (const probe of soak.probes) {
			const success = probe.successRatio === undefined ? 'no check yet' : `${(probe.successRatio * 100).toFixed(1)}% of ${probe.count}`;
			const isFailing = probe.successRatio !== undefined && probe.successRatio < 1;
			lines.push({
				key: `probe-${probe.probe}`,
				segments: [{text: `  ${fitCell(probe.probe, 20)} ${fitCell(success, 16)} ${fitCell(probe.p95 === undefined ? missing : `${Math.round(probe.p95)} ms`, 9)} ${probe.lastError ?? ''}`, color: isFailing ? theme.status.warning : undefined}],
			});
		}
	}

	for (const breach of soak.breaches) {
		lines.push({key: `breach-${breach.id}`, segments: [{text: `  breached ${breach.description}${breach.note === '' ? '' : `: ${breach.note}`}`, color: theme.status.error}]});
	}

	return {title, lines};
}
