import {useMemo} from 'react';
import type {BudgetState} from '../../stack/budget-types.js';
import type {Incident} from '../../stack/incidents.js';
import {defaultTheme, type Theme} from '../theme.js';
import {PanelFrame} from './panel-frame.js';
import {startShowing} from './panel-lines.js';
import {warningsContent} from './warning-lines.js';

export {orderedWarnings} from './warning-lines.js';

export type WarningsPanelProps = {
	readonly budgets: BudgetState;
	/** Epoch ms, for the duration of active warnings. */
	readonly now: number;
	/** Index into orderedWarnings(budgets.warnings). */
	readonly selectedIndex: number;
	readonly width: number;
	/** Rows available, the title included. */
	readonly height: number;
	readonly theme?: Theme;
	/** OOM kills and crashes (StackState.lifecycle.incidents). */
	readonly incidents?: readonly Incident[] | undefined;
};

/** Budget meters of the stack and its services, then every warning: active first, with start, peak, duration and end. */
export function WarningsPanel({budgets, now, selectedIndex, width, height, theme = defaultTheme, incidents}: WarningsPanelProps) {
	const content = useMemo(
		() => warningsContent({budgets, now, selectedIndex, theme, incidents}),
		[budgets, now, selectedIndex, theme, incidents],
	);
	return <PanelFrame content={content} start={startShowing(content.selectedLine, content.lines.length, height)} width={width} height={height} theme={theme} />;
}
