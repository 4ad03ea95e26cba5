import type {BudgetLevel, BudgetMeter, BudgetResource, BudgetState, BudgetUnit, BudgetWarning} from '../../stack/budget-types.js';
import {sizeUnitSystem, writtenSize} from '../../config/units.js';
import {formatBudgetPercent, formatBudgetValue, formatDuration, formatPercent, formatSize} from '../../stack/format.js';
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

/** A meter's amount: bytes (in the unit system of the budget as written) or percent (100 = one core). */
export function formatAmount(resource: BudgetResource, value: number, written?: string): string {
	return resource === 'memory' ? formatSize(value, unitSystemOf(written)) : formatPercent(value);
}

/** A warning's worst value against its limit as written: `240.1MiB / 200MiB`, `252MB / 200MB`, `97.5% / 100%`. */
function peakText(warning: BudgetWarning): string {
	const unit = warning.kind === 'leak' ? 'bytes-per-hour' : warning.kind === 'recovery' ? 'ms' : warning.unit;
	const peak = unit === 'ms' ? formatDuration(warning.peak / 1000) : unit === 'bytes' ? formatSize(warning.peak, unitSystemOf(warning.written)) : formatBudgetValue(unit, warning.peak);
	return `${peak} / ${budgetText(unit, warning.budget, warning.written)}`;
}

/** A budget as the profile wrote it (`200MB`, `50%`, `30s`); a bare number of bytes or of cores in the unit shown beside it. */
function budgetText(unit: BudgetUnit | 'bytes-per-hour', budget: number, written: string | undefined): string {
	if (unit === 'bytes') return writtenSize(written) ?? formatSize(budget);
	if (unit === 'percent') return written?.trim().endsWith('%') ? written.trim() : formatBudgetPercent(budget);
	return written ?? formatBudgetValue(unit, budget);
}

/** Decimal for a budget written in kB/MB/GB, else binary as `docker stats` shows it. */
function unitSystemOf(written: string | undefined): 'binary' | 'decimal' {
	const text = writtenSize(written);
	return text === undefined ? 'binary' : sizeUnitSystem(text);
}

/** The meters (usage against budget, by level), then the warnings list. */
export function warningsContent({budgets, now, selectedIndex, theme, incidents = []}: WarningsInput): WarningsContent {
	const groups = groupIncidents(incidents);
	const warnings = orderedWarnings(budgets.warnings);
	const activeCount = warnings.filter(warning => warning.endedAt === undefined).length;
	const subjects = [...budgets.meters.map(meter => subjectOf(meter.service)), ...warnings.map(warning => warning.subject)];
	const subjectWidth = Math.min(maximumSubjectWidth, Math.max(7, ...subjects.map(subject => textWidth(subject))));
	const title: Segment[] = [
		{text: 'Budgets and warnings', color: theme.accent, isBold: true},
		{text: `  ${activeCount} active, ${warnings.length - activeCount} ended`, color: activeCount > 0 ? theme.status.warning : theme.status.muted},
		...(groups.length === 0 ? [] : [{text: `, ${incidentCountText(groups.length)}`, color: theme.status.error}]),
	];
	const lines: PanelLine[] = [...incidentLines(groups, theme), ...meterLines(budgets.meters, subjectWidth, theme), {key: 'gap', segments: [{text: ' '}]}];

	const rows = warnings.map(warning => ({
		warning,
		peak: peakText(warning),
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
				{text: columns(warning.kind, warning.subject, formatClockTime(warning.startedAt), peak, duration), color: isActive ? theme.status.error : undefined},
				{text: isActive ? 'active' : `ended ${formatClockTime(warning.endedAt ?? 0)}`, color: isActive ? theme.status.error : theme.status.muted, isBold: isActive},
			],
		});
	});
	return {title, lines, selectedLine};
}

function meterLines(meters: readonly BudgetMeter[], subjectWidth: number, theme: Theme): PanelLine[] {
	if (meters.length === 0) return [{key: 'no-meters', segments: [{text: '  this profile sets no budgets', color: theme.status.muted}]}];
	const usages = meters.map(meter => usageText(meter));
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
function usageText(meter: BudgetMeter): string {
	const value = meter.value === undefined ? missing : formatAmount(meter.resource, meter.value, meter.written);
	return meter.budget === undefined ? value : `${value} / ${budgetText(meter.resource === 'memory' ? 'bytes' : 'percent', meter.budget, meter.written)}`;
}

function subjectOf(service: string | undefined): string {
	return service ?? 'stack';
}

function levelColor(level: BudgetLevel, theme: Theme): Color {
	if (level === 'over') return theme.status.error;
	return level === 'near' ? theme.status.warning : theme.status.ok;
}
