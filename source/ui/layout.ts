import type {AppState} from './app-state.js';

/** Lines of the header above the table. */
export const headerRows = 3;
/** The status line (footer) below everything. */
export const statusRows = 1;

export type DashboardLayout = {
	/** Lines between the header and the status line. */
	readonly bodyRows: number;
	/** True when a panel or the log pane shares the body with the table. */
	readonly isSplit: boolean;
	/** Lines of the services table, its title line included. */
	readonly tableRows: number;
	/** Lines of the panel or log pane below the table; 0 when none is open. */
	readonly panelRows: number;
};

/**
 * How the body is shared: the table alone, or the table (a third, at most what its rows need)
 * above the open panel. Pure, so the key reducer pages by the same sizes the screen shows.
 */
export function dashboardLayout(terminalRows: number, state: Pick<AppState, 'panel' | 'isHelpOpen'>, rowCount: number): DashboardLayout {
	const bodyRows = Math.max(3, terminalRows - headerRows - statusRows);
	const isSplit = state.panel !== 'table' && !state.isHelpOpen;
	const tableRows = isSplit ? Math.min(rowCount + 2, Math.max(3, Math.floor(bodyRows / 3))) : bodyRows;
	return {bodyRows, isSplit, tableRows, panelRows: bodyRows - tableRows};
}

/**
 * Rows one page of the services table shows: its lines less the title, and less the
 * "1–10 of 40" line when the rows overflow (as ServicesTable draws them).
 */
export function tablePageSize(tableRows: number, rowCount: number): number {
	const bodyHeight = Math.max(1, tableRows - 1);
	return rowCount > bodyHeight ? Math.max(1, bodyHeight - 1) : bodyHeight;
}
