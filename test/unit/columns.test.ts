import test from 'ava';
import {columnGap, layoutColumns, serviceColumns, type Column} from '../../source/ui/table/columns.js';

function ids(width: number): string[] {
	return layoutColumns(width).map(column => column.id);
}

function usedWidth(width: number): number {
	const placed = layoutColumns(width);
	return placed.reduce((sum, column) => sum + column.width, 0) + Math.max(0, placed.length - 1) * columnGap;
}

test('at 80 columns (78 after the selection marker) the essential columns fit and the rest drop', t => {
	t.deepEqual(ids(78), ['name', 'state', 'health', 'uptime', 'cpu', 'memory', 'budget']);
});

test('at 100 columns restarts and the CPU sparkline come back, ports still wait', t => {
	t.deepEqual(ids(98), ['name', 'state', 'health', 'uptime', 'restarts', 'cpu', 'cpuHistory', 'memory', 'budget']);
});

test('a wide terminal shows every column in display order', t => {
	t.deepEqual(ids(200), serviceColumns.map(column => column.id));
});

test('a very narrow terminal keeps the name and the state', t => {
	t.deepEqual(ids(30), ['name', 'state']);
	t.deepEqual(ids(5), []);
});

test('the columns never take more than the width, and a narrower width never shows a column a wider one hides', t => {
	for (let width = 0; width <= 250; width++) {
		t.true(usedWidth(width) <= width, `width ${width}`);
		const narrower = new Set(ids(width));
		const wider = new Set(ids(width + 1));
		t.true([...narrower].every(id => wider.has(id)), `width ${width}`);
	}
});

test('columns drop strictly by priority: the least important first', t => {
	const byPriority = [...serviceColumns].sort((left, right) => left.priority - right.priority).map(column => column.id);
	for (let width = 0; width <= 250; width++) {
		const shown = new Set(ids(width));
		t.deepEqual(byPriority.filter(id => shown.has(id)), byPriority.slice(0, shown.size), `width ${width}`);
	}
});

test('spare width widens growable columns, the most important first, up to their maximum', t => {
	const columns: Column[] = [
		{id: 'ports', title: 'PORTS', minimumWidth: 5, maximumWidth: 20, priority: 2, align: 'left'},
		{id: 'name', title: 'SERVICE', minimumWidth: 5, maximumWidth: 10, priority: 0, align: 'left'},
		{id: 'state', title: 'STATE', minimumWidth: 5, priority: 1, align: 'left'},
	];
	t.deepEqual(layoutColumns(17, columns).map(column => column.width), [5, 5, 5]);
	t.deepEqual(layoutColumns(22, columns).map(column => column.width), [5, 10, 5]);
	t.deepEqual(layoutColumns(30, columns).map(column => column.width), [13, 10, 5]);
	t.deepEqual(layoutColumns(100, columns).map(column => column.width), [20, 10, 5]);
});
