import type {BudgetKind, BudgetLevel, BudgetMeter, BudgetState, BudgetWarning} from '../../stack/budget-types.js';
import {sizeUnitSystem} from '../../config/units.js';
import type {Budgets} from '../../profile/types.js';
import {formatBudgetPercent, formatDuration, formatPercent, formatSize} from '../../stack/format.js';
import {fitCell, textWidth} from '../format/fit.js';
import {missing} from '../format/numbers.js';
import type {Color, Theme} from '../theme.js';
import {type Incident} from '../../stack/incidents.js';
import {groupIncidents} from '../../stack/incident-groups.js';
import {incidentCountText, incidentLines} from './incident-lines.js';
import {formatClockTime, type PanelContent, type PanelLine, type Segment} from './panel-lines.js';

export type WarningsInput = {
	readonly budgets: BudgetState;
	/** Epoch ms: active warnings last until now. */
	readonly now: number;
	readonly selectedIndex: number;
	readonly theme: Theme;
	/** The profile's budgets, to show each as written (`200MB`) and its values in the same unit system. */
	readonly profileBudgets?: Budgets | undefined;
	/** OOM kills and crashes, listed above the budgets. */
	readonly incidents?: readonly Incident[] | undefined;
};

export type WarningsContent = PanelContent & {readonly selectedLine: number};

const markerWidth = 2;
const maximumSubjectWidth = 16;

/** Active warnings first, then ended ones; newest first within each. The order the panel lists and selects in. */
export function orderedWarnings(warnings: readonly BudgetWarning[]): BudgetWarning[] {
	const active = warnings.filter(warning => warning.endedAt === undefined).sort((left, right) => right.startedAt - left.startedAt);
	const ended = warnings.filter(warning => warning.endedAt !== undefined).sort((left, right) => (right.endedAt ?? 0) - (left.endedAt ?? 0));
	return [...active, ...ended];
}

/** An amount in its unit: bytes (in the unit system of `budgetText`), percent (100 = one core), or seconds for startup. */
export function formatAmount(kind: BudgetKind, value: number, budgetText?: string): string {
	if (kind === 'memory') return formatSize(value, budgetText === undefined ? 'binary' : sizeUnitSystem(budgetText));
	return kind === 'cpu' ? formatPercent(value) : formatDuration(value / 1000);
}

/** A budget as the profile wrote it: `200MB`, `50%`, `30s`. */
function formatBudget(kind: BudgetKind, budget: number, budgetText: string | undefined): string {
	if (kind === 'memory') return budgetText ?? formatSize(budget);
	return kind === 'cpu' ? formatBudgetPercent(budget) : formatDuration(budget / 1000);
}

/** The memory budget text of a service, or of the stack for undefined. */
function memoryTextOf(budgets: Budgets | undefined, service: string | undefined): string | undefined {
	return service === undefined ? budgets?.stack.memoryText : budgets?.services[service]?.memoryText;
}

/** The meters (usage against budget, by level), then the warnings list. */
export function warningsContent({budgets, now, selectedIndex, theme, profileBudgets, incidents = []}: WarningsInput): WarningsContent {
	const groups = groupIncidents(incidents);
	const warnings = orderedWarnings(budgets.warnings);
	const activeCount = warnings.filter(warning => warning.endedAt === undefined).length;
	const subjects = [...budgets.meters.map(meter => subjectOf(meter.service)), ...warnings.map(warning => subjectOf(warning.service))];
	const subjectWidth = Math.min(maximumSubjectWidth, Math.max(7, ...subjects.map(subject => textWidth(subject))));
	const title: Segment[] = [
		{text: 'Budgets and warnings', color: theme.accent, isBold: true},
		{text: `  ${activeCount} active, ${warnings.length - activeCount} ended`, color: activeCount > 0 ? theme.status.warning : theme.status.muted},
		...(groups.length === 0 ? [] : [{text: `, ${incidentCountText(groups.length)}`, color: theme.status.error}]),
	];
	const lines: PanelLine[] = [...incidentLines(groups, theme), ...meterLines(budgets.meters, subjectWidth, theme, profileBudgets), {key: 'gap', segments: [{text: ' '}]}];

	const rows = warnings.map(warning => ({
		warning,
		peak: againstBudget(warning.kind, warning.peak, warning.budget, warning.kind === 'memory' ? memoryTextOf(profileBudgets, warning.service) : undefined),
		duration: formatDuration((warning.endedAt === undefined ? Math.max(warning.durationMs, now - warning.startedAt) : warning.durationMs) / 1000),
	}));
	const peakWidth = Math.max(13, ...rows.map(row => textWidth(row.peak)));
	const columns = (kind: string, subject: string, started: string, peak: string, duration: string): string =>
		`${fitCell(kind, 8)} ${fitCell(subject, subjectWidth)} ${fitCell(started, 8)} ${fitCell(peak, peakWidth)} ${fitCell(duration, 8)} `;
	lines.push({key: 'warnings', segments: [{text: ' '.repeat(markerWidth) + columns('WARNING', 'SUBJECT', 'STARTED', 'PEAK / BUDGET', 'DURATION') + 'STATE', isBold: true}]});
	if (rows.length === 0) lines.push({key: 'none', segments: [{text: '  no budget warnings so far', color: theme.status.muted}]});
	let selectedLine = 0;
	rows.forEach(({warning, peak, duration}, index) => {
		const isSelected = index === selectedIndex;
		const isActive = warning.endedAt === undefined;
		if (isSelected) selectedLine = lines.length;
		lines.push({
			key: `warning-${warning.id}`,
			isSelected,
			segments: [
				{text: (isSelected ? theme.selection.marker : '').padEnd(markerWidth)},
				{text: columns(warning.kind, subjectOf(warning.service), formatClockTime(warning.startedAt), peak, duration), color: isActive ? theme.status.error : undefined},
				{text: isActive ? 'active' : `ended ${formatClockTime(warning.endedAt ?? 0)}`, color: isActive ? theme.status.error : theme.status.muted, isBold: isActive},
			],
		});
	});
	return {title, lines, selectedLine};
}

function meterLines(meters: readonly BudgetMeter[], subjectWidth: number, theme: Theme, profileBudgets: Budgets | undefined): PanelLine[] {
	if (meters.length === 0) return [{key: 'no-meters', segments: [{text: '  this profile sets no budgets', color: theme.status.muted}]}];
	const usages = meters.map(meter => usageText(meter, meter.resource === 'memory' ? memoryTextOf(profileBudgets, meter.service) : undefined));
	const usageWidth = Math.max(5, ...usages.map(usage => textWidth(usage)));
	const heading = `${' '.repeat(markerWidth)}${fitCell('SUBJECT', subjectWidth)} ${fitCell('RESOURCE', 8)} ${fitCell('USAGE', usageWidth)} LEVEL`;
	return [
		{key: 'meters', segments: [{text: heading, isBold: true}]},
		...meters.map((meter, index) => {
			const color = meter.budget === undefined ? undefined : levelColor(meter.level, theme);
			return {
				key: `meter-${index}`,
				segments: [
					{text: `${' '.repeat(markerWidth)}${fitCell(subjectOf(meter.service), subjectWidth)} ${fitCell(meter.resource, 8)} `},
					{text: `${fitCell(usages[index] ?? missing, usageWidth)} `, color},
					{text: meter.budget === undefined ? 'no budget' : meter.level, color: color ?? theme.status.muted},
				],
			};
		}),
	];
}

/** `900MiB / 1GiB`, `900MB / 1GB`, `55.00% / 200%`; the value alone without a budget; `-` before the first sample. */
function usageText(meter: BudgetMeter, budgetText: string | undefined): string {
	if (meter.budget === undefined) return meter.value === undefined ? missing : formatAmount(meter.resource, meter.value);
	return againstBudget(meter.resource, meter.value, meter.budget, budgetText);
}

/** `value / budget`: the budget as written, the value in the same units. */
function againstBudget(kind: BudgetKind, value: number | undefined, budget: number, budgetText: string | undefined): string {
	const shown = value === undefined ? missing : formatAmount(kind, value, budgetText);
	return `${shown} / ${formatBudget(kind, budget, budgetText)}`;
}

function subjectOf(service: string | undefined): string {
	return service ?? 'stack';
}

function levelColor(level: BudgetLevel, theme: Theme): Color {
	if (level === 'over') return theme.status.error;
	return level === 'near' ? theme.status.warning : theme.status.ok;
}
