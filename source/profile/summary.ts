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
export function formatBudget(budget: Budget & ServiceBudget): string {
	return [
		budget.memoryBytes === undefined ? undefined : `memory ${budget.memoryText ?? formatBytes(budget.memoryBytes)}`,
		budget.cpuPercent === undefined ? undefined : `cpu ${budget.cpuPercent}%`,
		budget.startupMs === undefined ? undefined : `startup ${formatMilliseconds(budget.startupMs)}`,
	]
		.filter(part => part !== undefined)
		.join(', ');
}

/** The short summary `stacktui check` prints: what the profile points at and what it watches for. */
export function renderProfileSummary({profile, serviceNames}: CheckedProfile, cwd?: string): string {
	const show = (file: string) => displayPath(file, cwd);
	const {budgets} = profile;
	const budgetLines = [
		...(formatBudget(budgets.stack) === '' ? [] : [`stack: ${formatBudget(budgets.stack)} (sums over every container)`]),
		...Object.entries(budgets.services).map(([service, budget]) => `${service}: ${formatBudget(budget)}`),
		...(budgets.startupMs === undefined ? [] : [`every service healthy within ${formatMilliseconds(budgets.startupMs)}`]),
		`a breach warns after ${formatMilliseconds(budgets.sustainMs)}`,
	];
	const tunnelLines = profile.tunnels.map(tunnel => `${tunnel.provider} on service ${tunnel.service}${tunnel.api === undefined ? '' : ` (${tunnel.api})`}`);
	const linkLines = Object.entries(profile.links).map(([service, link]) => `${service}: ${link}`);
	const rows: Array<[string, readonly string[]]> = [
		['profile', [`${profile.name} (${profile.file === undefined ? 'flags' : show(profile.file)}) is valid`]],
		['about', profile.description === undefined ? [] : [profile.description]],
		['project', [profile.project]],
		['compose', profile.composeFiles.map(file => show(file))],
		['profiles', profile.composeProfiles.length === 0 ? [] : [profile.composeProfiles.join(', ')]],
		['env file', [profile.envFile === undefined ? 'none' : show(profile.envFile)]],
		['engine', [profile.engine ?? 'default (DOCKER_HOST, docker context, or the local socket)']],
		['refresh', [formatMilliseconds(profile.refreshMs)]],
		['services', [`${serviceNames.length}: ${serviceNames.join(', ')}`]],
		['budgets', budgetLines],
		['tunnels', tunnelLines.length === 0 ? ['none'] : tunnelLines],
		['links', linkLines.length === 0 ? ['none'] : linkLines],
	];
	return rows
		.filter(([, lines]) => lines.length > 0)
		.flatMap(([label, lines]) => lines.map((line, index) => `${(index === 0 ? label : '').padEnd(10)}${line}`))
		.join('\n');
}
