import type {ContainerDetails} from '../../engine/details.js';
import {formatBytes} from '../../stack/format.js';
import {environmentSecretValues, maskEnvironment, maskSecrets, type Secrets} from '../../stack/mask.js';
import {sanitize} from '../../stack/sanitize.js';
import {fitCell, textWidth} from '../format/fit.js';
import {formatHealth} from '../format/status.js';
import type {Theme} from '../theme.js';
import {formatClockTime, formatDateTime, labelSegment, type PanelContent, type PanelLine, type Segment} from './panel-lines.js';

export type DetailsInput = {
	readonly details: ContainerDetails | undefined;
	readonly service: string;
	/** The profile's links, service → URL or connection string; the service's own is shown. */
	readonly links: Readonly<Record<string, string>>;
	readonly secrets: Secrets;
	readonly theme: Theme;
};

/** Health checks shown, newest first. */
export const shownHealthChecks = 5;
const labelWidth = 12;
const maximumKeyWidth = 28;

/** The details panel's lines: every string from the container sanitized, every secret masked. */
export function detailsContent({details, service, links, secrets, theme}: DetailsInput): PanelContent {
	const title: Segment[] = [{text: `Details: ${service}`, color: theme.accent, isBold: true}];
	if (details === undefined) return {title, lines: [{key: 'loading', segments: [{text: 'loading…', color: theme.status.muted}]}]};
	title.push({text: `  ${sanitize(details.name)} ${details.id.slice(0, 12)}`, color: theme.status.muted});

	const secretValues = environmentSecretValues(details.environment, secrets);
	const clean = (text: string): string => sanitize(maskSecrets(text, secretValues));
	// Masked argument by argument, before quoting changes how a secret is spelled.
	const command = (args: readonly string[]): string => sanitize(commandLine(args.map(argument => maskSecrets(argument, secretValues))));
	const lines: PanelLine[] = [];
	const add = (key: string, label: string, segments: readonly Segment[]): void => {
		lines.push({key, segments: [labelSegment(label, labelWidth, theme), ...segments]});
	};

	add('image', 'Image', [{text: clean(details.image.name)}, {text: `  ${details.image.id}`, color: theme.status.muted}]);
	if (details.entrypoint.length > 0) add('entrypoint', 'Entrypoint', [{text: command(details.entrypoint)}]);
	add('command', 'Command', [{text: details.command.length > 0 ? command(details.command) : '-'}]);
	add('state', 'State', stateSegments(details, theme));
	add('ports', 'Ports', [{text: details.ports.length > 0 ? details.ports.join(', ') : 'none'}]);
	if (details.networks.length === 0) add('networks', 'Networks', [{text: 'none'}]);
	details.networks.forEach((network, index) => {
		const aliases = network.aliases.length > 0 ? `  aliases ${network.aliases.join(', ')}` : '';
		add(`network-${index}`, index === 0 ? 'Networks' : '', [{text: clean(`${network.name}  ${network.ipAddress ?? '-'}${aliases}`)}]);
	});
	if (details.mounts.length === 0) add('mounts', 'Mounts', [{text: 'none'}]);
	details.mounts.forEach((mount, index) => {
		add(`mount-${index}`, index === 0 ? 'Mounts' : '', [{text: clean(`${mount.type} ${mount.source} → ${mount.destination}${mount.isReadOnly ? ' (read-only)' : ''}`)}]);
	});
	add('limits', 'Limits', [{text: limitsText(details)}]);
	add('health', 'Health', [
		{text: details.health === 'none' ? 'no healthcheck' : formatHealth(details.health), color: theme.health[details.health]},
		{text: details.healthLog.length > 0 ? `  last ${Math.min(shownHealthChecks, details.healthLog.length)} checks, newest first` : '', color: theme.status.muted},
	]);
	details.healthLog
		.slice(-shownHealthChecks)
		.reverse()
		.forEach((check, index) => {
			const time = Number.isNaN(Date.parse(check.start)) ? '-' : formatClockTime(Date.parse(check.start));
			add(`check-${index}`, '', [
				{text: `${time}  `},
				{text: `exit ${check.exitCode}`, color: check.exitCode === 0 ? theme.status.ok : theme.status.error},
				{text: check.output === '' ? '' : `  ${clean(check.output)}`},
			]);
		});
	const link = links[service];
	add('link', 'Links', [{text: link === undefined ? 'none in the profile' : clean(link), color: link === undefined ? theme.status.muted : theme.accent}]);

	const environment = maskEnvironment(details.environment, {...secrets, secretValues}).map(pair => ({key: sanitize(pair.key), value: sanitize(pair.value), isMasked: pair.isMasked}));
	lines.push(...pairLines('env', 'Environment', environment, theme));
	const labels = Object.entries(details.labels).map(([key, value]) => ({key: sanitize(key), value: clean(value), isMasked: false}));
	if (labels.length > 0) lines.push(...pairLines('label', 'Labels', labels, theme));
	return {title, lines};
}

function stateSegments(details: ContainerDetails, theme: Theme): Segment[] {
	const parts: string[] = [];
	if (details.startedAt !== undefined) parts.push(`started ${formatDateTime(details.startedAt)}`);
	if (details.finishedAt !== undefined && details.state !== 'running') parts.push(`finished ${formatDateTime(details.finishedAt)}`);
	if (details.exitCode !== undefined) parts.push(`exit code ${details.exitCode}${details.isOomKilled ? ' (out of memory)' : ''}`);
	parts.push(`restarts ${details.restartCount}`, `policy ${details.restartPolicy}`);
	return [
		{text: details.state, color: theme.state[details.state]},
		{text: parts.map(part => ` · ${part}`).join('')},
	];
}

function limitsText({limits}: ContainerDetails): string {
	const parts = [
		limits.memoryBytes === undefined ? undefined : `memory ${formatBytes(limits.memoryBytes)}`,
		limits.cpus === undefined ? undefined : `cpus ${Number(limits.cpus.toFixed(2))}`,
		limits.pids === undefined ? undefined : `pids ${limits.pids}`,
	].filter(part => part !== undefined);
	return parts.length > 0 ? parts.join(' · ') : 'none set';
}

type Pair = {readonly key: string; readonly value: string; readonly isMasked: boolean};

/** A heading, then `KEY  value` lines with the keys in one column. */
function pairLines(prefix: string, heading: string, pairs: readonly Pair[], theme: Theme): PanelLine[] {
	const keyWidth = Math.min(maximumKeyWidth, Math.max(0, ...pairs.map(pair => textWidth(pair.key))));
	return [
		{key: prefix, segments: [{text: heading, color: theme.status.muted}, {text: pairs.length === 0 ? `${' '.repeat(labelWidth - heading.length)}none` : ''}]},
		...pairs.map((pair, index) => ({
			key: `${prefix}-${index}`,
			segments: [
				{text: `  ${fitCell(pair.key, keyWidth)}  `},
				{text: pair.value, color: pair.isMasked ? theme.status.muted : undefined},
			],
		})),
	];
}

/** Arguments joined as a shell would read them back: quoted when they hold spaces or quotes. */
export function commandLine(args: readonly string[]): string {
	return args.map(argument => (argument === '' || /[\s"'\\$`]/.test(argument) ? JSON.stringify(argument) : argument)).join(' ');
}
