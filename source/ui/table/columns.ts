/** Column ids of the services table, in display order. */
export type ColumnId =
	| 'name'
	| 'state'
	| 'health'
	| 'uptime'
	| 'restarts'
	| 'cpu'
	| 'cpuHistory'
	| 'memory'
	| 'memoryHistory'
	| 'budget'
	| 'ports';

export type Column = {
	readonly id: ColumnId;
	readonly title: string;
	readonly minimumWidth: number;
	/** Widest it grows to when there is room; defaults to minimumWidth. */
	readonly maximumWidth?: number;
	/** 0 is the most important; the highest numbers drop first at narrow widths. */
	readonly priority: number;
	/** Sized to its content (fitToContent): spare width goes to it first, so its values show whole. */
	readonly isContentSized?: boolean;
	readonly align: 'left' | 'right';
};

export type PlacedColumn = Column & {readonly width: number};

/** Columns are separated by one space. */
export const columnGap = 1;

/** The table's columns: at 80 columns name, state, health, uptime, CPU, memory and budget fit. */
export const serviceColumns: readonly Column[] = [
	{id: 'name', title: 'SERVICE', minimumWidth: 12, maximumWidth: 32, priority: 0, align: 'left'},
	// Grows to fit `restarting (OOM)` and `restarting (137)` when there is room.
	{id: 'state', title: 'STATE', minimumWidth: 12, maximumWidth: 16, priority: 1, align: 'left'},
	{id: 'health', title: 'HEALTH', minimumWidth: 11, priority: 4, align: 'left'},
	{id: 'uptime', title: 'UPTIME', minimumWidth: 6, priority: 6, align: 'right'},
	{id: 'restarts', title: 'RESTARTS', minimumWidth: 8, priority: 7, align: 'right'},
	{id: 'cpu', title: 'CPU %', minimumWidth: 8, priority: 2, align: 'right'},
	// The sparklines sit right after their numbers, titled so it is plain which is which.
	{id: 'cpuHistory', title: 'CPU 5min', minimumWidth: 8, maximumWidth: 16, priority: 8, align: 'left'},
	{id: 'memory', title: 'MEMORY', minimumWidth: 17, maximumWidth: 19, priority: 3, align: 'right'},
	{id: 'memoryHistory', title: 'MEM 5min', minimumWidth: 8, maximumWidth: 16, priority: 9, align: 'left'},
	{id: 'budget', title: 'BUDGET', minimumWidth: 6, priority: 5, align: 'left'},
	{id: 'ports', title: 'PORTS', minimumWidth: 10, maximumWidth: 64, priority: 10, align: 'left'},
];

/** How wide the content of a column is at most: a column sized to it takes no more room than it needs. */
export type ContentWidths = Partial<Readonly<Record<ColumnId, number>>>;

/**
 * The columns sized to their content: a column whose content is known is no wider than its
 * widest value (nor narrower than its title and sort marker), up to its own maximum. SERVICE no wider than the
 * longest name leaves the room to the columns after it, PORTS among them.
 */
export function fitToContent(columns: readonly Column[], widths: ContentWidths): Column[] {
	return columns.map(column => {
		const content = widths[column.id];
		if (content === undefined) return column;
		// The title keeps room for the sort marker `↓`.
		const floor = column.title.length + 1;
		const minimumWidth = Math.max(floor, Math.min(column.minimumWidth, content));
		const maximumWidth = Math.max(minimumWidth, Math.min(column.maximumWidth ?? column.minimumWidth, content));
		return {...column, minimumWidth, maximumWidth, isContentSized: true};
	});
}

/**
 * The columns that fit in `width`, in display order: the most important first, stopping at the
 * first that does not fit (so columns drop strictly by priority); then the spare width widens
 * growable columns up to their maximum: those sized to their content first, then the others,
 * most important first.
 */
export function layoutColumns(width: number, columns: readonly Column[] = serviceColumns): PlacedColumn[] {
	const byPriority = [...columns].sort((left, right) => left.priority - right.priority);
	const chosen = new Map<ColumnId, number>();
	let used = 0;
	for (const column of byPriority) {
		const needed = column.minimumWidth + (chosen.size > 0 ? columnGap : 0);
		if (used + needed > width) break;
		chosen.set(column.id, column.minimumWidth);
		used += needed;
	}

	let spare = width - used;
	const growth = [...byPriority.filter(column => column.isContentSized === true), ...byPriority.filter(column => column.isContentSized !== true)];
	for (const column of growth) {
		const current = chosen.get(column.id);
		if (current === undefined || spare <= 0) continue;
		const extra = Math.min(spare, (column.maximumWidth ?? column.minimumWidth) - current);
		chosen.set(column.id, current + extra);
		spare -= extra;
	}

	return columns.flatMap(column => {
		const placed = chosen.get(column.id);
		return placed === undefined ? [] : [{...column, width: placed}];
	});
}
