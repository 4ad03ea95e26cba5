import {writtenSize} from '../config/units.js';
import {formatBytes} from '../engine/stats-math.js';
import type {CheckedProfile} from './check-profile.js';
import {displayPath} from './display-path.js';
import type {Budget, ServiceBudget} from './types.js';

/** "500ms", "15s", "1m30s", "1h". */
export function formatMilliseconds(milliseconds: number): string {
	if (milliseconds < 1000 || !Number.isInteger(milliseconds / 1000)) {
		return milliseconds < 1000 ? `${milliseconds}ms` : `${milliseconds / 1000}s`;
	}

	const seconds = milliseconds / 1000;
	const parts = [[Math.floor(seconds / 3600), 'h'], [Math.floor((seconds % 3600) / 60), 'm'], [seconds % 60, 's']] as const;
	return parts.filter(([amount]) => amount > 0).map(([amount, unit]) => `${amount}${unit}`).join('');
}

/** "memory 200MiB, cpu 50%, startup 40s". */
export function formatBudget(budget: Budget & ServiceBudget & {startupMs?: number}): string {
	return [
		budget.memoryBytes === undefined ? undefined : `memory ${writtenSize(budget.written?.['memory']) ?? formatBytes(budget.memoryBytes)}`,
		budget.cpuPercent === undefined ? undefined : `cpu ${budget.cpuPercent}%`,
		budget.startupMs === undefined ? undefined : `startup ${formatMilliseconds(budget.startupMs)}`,
	]
		.filter(part => part !== undefined)
		.join(', ');
}

/** Health limits as written: "first try 100%, uptime 99.9%, restarts 3 in 10m, oom 0, leak 10MiB/h". */
function formatHealth(written: Readonly<Record<string, string>> | undefined): string {
	const labels: Record<string, string> = {first_try: 'first try', uptime: 'uptime', restarts: 'restarts', oom: 'oom', leak: 'leak'};
	return Object.entries(labels)
		.filter(([key]) => written?.[key] !== undefined)
		.map(([key, label]) => `${label} ${written?.[key] ?? ''}`)
		.join(', ');
}

/** The plan of a soak: probes, phases, steps, one line each. */
function planLines(profile: CheckedProfile['profile']): Array<[string, readonly string[]]> {
	const probes = profile.probes.map(probe => `${probe.name}: ${probe.kind} on ${probe.service} every ${formatMilliseconds(probe.intervalMs)}${probe.written['success'] === undefined ? '' : `, success ${probe.written['success']}`}`);
	const phases = profile.phases.map(phase => `${phase.name}${phase.whileStep === undefined ? '' : ` while ${phase.whileStep} runs`}${phase.fromMs === undefined ? '' : ` from ${formatMilliseconds(phase.fromMs)}`}${phase.untilMs === undefined ? '' : ` until ${formatMilliseconds(phase.untilMs)}`}`);
	const steps = profile.soak.steps.map(step => `at ${formatMilliseconds(step.atMs)}: ${step.action} ${step.service ?? step.command?.at(-1) ?? ''}${step.name === `step-${step.index}` ? '' : ` (${step.name})`}`);
	const duration = profile.soak.durationMs === undefined ? [] : [`duration ${formatMilliseconds(profile.soak.durationMs)}`];
	return [
		['probes', probes],
		['phases', phases],
		['soak', [...duration, ...steps]],
	];
}

/** The short summary `stacktui check` prints: what the profile points at and what it watches for. */
export function renderProfileSummary({profile, serviceNames}: CheckedProfile, cwd?: string): string {
	const show = (file: string) => displayPath(file, cwd);
	const {budgets} = profile;
	const budgetLines = [
		...(formatBudget(budgets.stack) === '' ? [] : [`stack: ${formatBudget(budgets.stack)} (sums over every container)`]),
		...Object.entries(budgets.services).map(([service, budget]) => `${service}: ${formatBudget(budget)}`),
		...(budgets.startupMs === undefined ? [] : [`every service healthy within ${formatMilliseconds(budgets.startupMs)}`]),
		...(formatHealth(budgets.written) === '' ? [] : [`every service: ${formatHealth(budgets.written)}`]),
		...Object.entries(budgets.services)
			.filter(([, budget]) => formatHealth(budget.written) !== '')
			.map(([service, budget]) => `${service}: ${formatHealth(budget.written)}`),
		...(budgets.host.written === undefined || Object.keys(budgets.host.written).length === 0 ? [] : [`host: ${Object.entries(budgets.host.written).map(([key, value]) => `${key.replace('_', ' ')} ${value}`).join(', ')}`]),
		...Object.entries(budgets.phases).map(([phase, limits]) => `while ${phase}: ${[...(formatBudget(limits.stack) === '' ? [] : [`stack ${formatBudget(limits.stack)}`]), ...Object.entries(limits.services).map(([service, budget]) => `${service} ${formatBudget(budget)}`)].join('; ')}`),
		`a breach warns after ${formatMilliseconds(budgets.sustainMs)}`,
	];
	const tunnelLines = profile.tunnels.map(tunnel => `${tunnel.provider} on service ${tunnel.service}${tunnel.api === undefined ? '' : ` (${tunnel.api})`}`);
	const linkLines = Object.entries(profile.links).map(([service, link]) => `${service}: ${link}`);
	const rows: Array<[string, readonly string[]]> = [
		['profile', [`${profile.name} (${profile.file === undefined ? 'compose files, no profile' : show(profile.file)}) is valid`]],
		['about', profile.description === undefined ? [] : [profile.description]],
		['project', [profile.project]],
		['compose', profile.composeFiles.map(file => show(file))],
		['profiles', profile.composeProfiles.length === 0 ? [] : [profile.composeProfiles.join(', ')]],
		['env file', [profile.envFile === undefined ? 'none' : show(profile.envFile)]],
		['engine', [profile.engine ?? 'default (DOCKER_HOST, docker context, or the local socket)']],
		['refresh', [formatMilliseconds(profile.refreshMs)]],
		['services', [`${serviceNames.length}: ${serviceNames.join(', ')}`]],
		['budgets', budgetLines],
		...planLines(profile),
		['tunnels', tunnelLines.length === 0 ? ['none'] : tunnelLines],
		['links', linkLines.length === 0 ? ['none'] : linkLines],
	];
	return rows
		.filter(([, lines]) => lines.length > 0)
		.flatMap(([label, lines]) => lines.map((line, index) => `${(index === 0 ? label : '').padEnd(10)}${line}`))
		.join('\n');
}
