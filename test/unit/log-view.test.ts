import test from 'ava';
import {type BufferedLine, LogBuffer} from '../../source/stack/log-buffer.js';
import {
	type LogRow,
	type LogViewAction,
	type LogViewState,
	initialLogView,
	newLineCount,
	reduceLogView,
	searchPattern,
	visibleRows,
} from '../../source/stack/log-view.js';

/** Lines numbered from..to, text "line N"; `texts` overrides some texts by number. */
function lines(from: number, to: number, texts: Readonly<Record<number, string>> = {}): BufferedLine[] {
	const result: BufferedLine[] = [];
	for (let sequence = from; sequence <= to; sequence += 1) {
		result.push({
			sequence,
			kind: 'line',
			service: 'web',
			label: 'web',
			containerId: 'c1',
			stream: 'stdout',
			time: '',
			timeNano: BigInt(sequence) * 1_000_000n,
			text: texts[sequence] ?? `line ${sequence}`,
		});
	}

	return result;
}

function changed(state: LogViewState, all: readonly BufferedLine[], dropped = 0): LogViewState {
	return reduceLogView(state, {type: 'linesChanged', service: state.service, lines: all, dropped, labels: ['web']});
}

function apply(state: LogViewState, ...actions: LogViewAction[]): LogViewState {
	return actions.reduce(reduceLogView, state);
}

/** The rows as short strings: "line 7", "dropped 3", "new 2". */
function shown(state: LogViewState): string[] {
	return visibleRows(state).map((row: LogRow) => {
		if (row.type === 'line') {
			return row.isCurrentMatch ? `*${row.line.text}` : row.line.text;
		}

		return `${row.type === 'dropped' ? 'dropped' : 'new'} ${row.count}`;
	});
}

const web = (height = 3) => initialLogView('web', height);

test('following shows the newest lines at the bottom', t => {
	const state = changed(web(), lines(1, 10));
	t.deepEqual(shown(state), ['line 8', 'line 9', 'line 10']);
	t.false(state.isPaused);
	t.deepEqual(shown(changed(state, lines(1, 12))), ['line 10', 'line 11', 'line 12']);
});

test('fewer lines than rows: all of them, nothing more', t => {
	t.deepEqual(shown(changed(web(5), lines(1, 2))), ['line 1', 'line 2']);
	t.deepEqual(shown(web(5)), []);
});

test('paused, new lines are held back behind a marker and the bottom line stays', t => {
	const paused = apply(changed(web(), lines(1, 10)), {type: 'togglePause'});
	t.true(paused.isPaused);
	const later = changed(paused, lines(1, 14));
	t.is(newLineCount(later), 4);
	t.deepEqual(shown(later), ['line 9', 'line 10', 'new 4']);
	const resumed = apply(later, {type: 'togglePause'});
	t.false(resumed.isPaused);
	t.deepEqual(shown(resumed), ['line 12', 'line 13', 'line 14']);
});

test('paused, the view stays on its lines while the oldest are dropped', t => {
	const scrolled = apply(changed(web(), lines(1, 20)), {type: 'scrollUp', count: 5});
	t.deepEqual(shown(scrolled), ['line 13', 'line 14', 'line 15']);
	const later = changed(scrolled, lines(6, 25), 5);
	t.deepEqual(shown(later), ['line 14', 'line 15', 'new 5'], 'the bottom line stays; the marker takes a row');
});

test('paused during a flood, the view keeps every line it showed and counts the new ones, however many the buffer dropped', t => {
	const buffer = new LogBuffer({linesPerService: 50, mergedLines: 50});
	const push = (text: string) => buffer.push({service: 'web', label: 'web'}, {containerId: 'c1', stream: 'stdout', time: new Date(Date.UTC(2024, 4, 1) + buffer.lastSequence).toISOString(), text});
	const load = (state: LogViewState) => reduceLogView(state, {type: 'linesChanged', service: 'web', lines: buffer.lines('web'), dropped: buffer.dropped('web'), labels: ['web']});
	for (let index = 1; index <= 80; index += 1) push(`line ${index}`);
	const paused = apply(load(web(5)), {type: 'togglePause'});
	const before = shown(paused);
	t.deepEqual(before, ['line 76', 'line 77', 'line 78', 'line 79', 'line 80']);
	let state = paused;
	for (let index = 81; index <= 10_080; index += 1) {
		push(`line ${index}`);
		if (index % 1000 === 0) state = load(state); // A render every 100 ms at 10,000 lines a second.
	}

	state = load(state);

	t.is(newLineCount(state), 10_000);
	t.deepEqual(shown(state), ['line 77', 'line 78', 'line 79', 'line 80', 'new 10000'], 'the same lines; the marker takes a row');
	t.is(state.shown.length, 50, 'all 50 lines it showed can still be scrolled');
	t.deepEqual(shown(apply(state, {type: 'scrollToTop'})), ['dropped 30', 'line 31', 'line 32', 'line 33', 'new 10000']);
	t.true(state.lines.length <= 50, 'memory stays bounded by the buffer');
	const resumed = apply(state, {type: 'togglePause'});
	t.deepEqual(shown(resumed), ['line 10076', 'line 10077', 'line 10078', 'line 10079', 'line 10080']);
	t.is(newLineCount(resumed), 0);
});

test('scrolling up pauses; down, pages, top and bottom move as expected and stop at the ends', t => {
	const start = changed(web(), lines(1, 20), 7);
	const up = apply(start, {type: 'scrollUp'});
	t.true(up.isPaused);
	t.deepEqual(shown(up), ['line 17', 'line 18', 'line 19']);
	t.deepEqual(shown(apply(up, {type: 'pageUp'})), ['line 14', 'line 15', 'line 16']);
	t.deepEqual(shown(apply(up, {type: 'pageUp'}, {type: 'pageDown'}, {type: 'scrollDown'})), ['line 18', 'line 19', 'line 20']);
	t.deepEqual(shown(apply(up, {type: 'scrollDown', count: 50})), ['line 18', 'line 19', 'line 20'], 'no scrolling past the bottom');
	const top = apply(start, {type: 'scrollToTop'});
	t.deepEqual(shown(top), ['dropped 7', 'line 1', 'line 2'], 'the note about dropped lines sits above the oldest line');
	t.deepEqual(shown(apply(top, {type: 'scrollUp', count: 3}, {type: 'scrollDown'})), ['line 1', 'line 2', 'line 3']);
	const bottom = apply(top, {type: 'scrollToBottom'});
	t.false(bottom.isPaused);
	t.is(bottom.scrollOffset, 0);
});

test('down at the bottom of a paused view stays paused until the end key', t => {
	const state = apply(changed(web(), lines(1, 10)), {type: 'scrollUp'}, {type: 'scrollDown'}, {type: 'scrollDown'});
	t.true(state.isPaused);
	t.deepEqual(shown(changed(state, lines(1, 11))), ['line 9', 'line 10', 'new 1']);
});

test('a search selects the newest match, pauses and shows it; n and N walk the matches and wrap', t => {
	const texts = {3: 'error: disk', 8: 'an Error', 15: 'ERROR again'};
	const start = changed(web(), lines(1, 20, texts));
	const searched = apply(start, {type: 'setSearch', text: 'error'});
	t.deepEqual(searched.matches, [3, 8, 15]);
	t.is(searched.currentMatch, 15);
	t.true(searched.isPaused);
	t.deepEqual(shown(searched), ['line 14', '*ERROR again', 'line 16'], 'the match sits in the middle of the view');
	const next = apply(searched, {type: 'nextMatch'});
	t.is(next.currentMatch, 3, 'n wraps from the newest to the oldest match');
	t.deepEqual(shown(next), ['line 2', '*error: disk', 'line 4']);
	t.is(apply(next, {type: 'nextMatch'}).currentMatch, 8);
	t.is(apply(next, {type: 'previousMatch'}).currentMatch, 15);
	t.is(apply(searched, {type: 'previousMatch'}).currentMatch, 8);
});

test('the search is smart-case and literal', t => {
	const start = changed(web(), lines(1, 5, {1: 'Error', 2: 'error', 3: 'a.b', 4: 'axb'}));
	t.deepEqual(apply(start, {type: 'setSearch', text: 'Error'}).matches, [1]);
	t.deepEqual(apply(start, {type: 'setSearch', text: 'error'}).matches, [1, 2]);
	t.deepEqual(apply(start, {type: 'setSearch', text: 'a.b'}).matches, [3]);
	t.true(searchPattern('(x')!.test('a (x)'));
	t.is(searchPattern(''), undefined);
});

test('a search without a match leaves the view following; clearing it drops the matches', t => {
	const start = changed(web(), lines(1, 10));
	const none = apply(start, {type: 'setSearch', text: 'nothing'});
	t.false(none.isPaused);
	t.is(none.currentMatch, undefined);
	t.deepEqual(apply(none, {type: 'nextMatch'}), none);
	const cleared = apply(start, {type: 'setSearch', text: 'line 9'}, {type: 'setSearch', text: ''});
	t.deepEqual(cleared.matches, []);
	t.is(cleared.currentMatch, undefined);
});

test('new matching lines join the matches while following, not while paused', t => {
	const following = apply(changed(web(), lines(1, 5, {2: 'hit'})), {type: 'setSearch', text: 'hit'}, {type: 'scrollToBottom'});
	t.deepEqual(changed(following, lines(1, 8, {2: 'hit', 7: 'hit'})).matches, [2, 7]);
	const paused = apply(following, {type: 'togglePause'});
	t.deepEqual(changed(paused, lines(1, 8, {2: 'hit', 7: 'hit'})).matches, [2]);
});

test('a match the buffer dropped stays while the search holds the view, and goes when it follows again', t => {
	const searched = apply(changed(web(), lines(1, 10, {2: 'hit'})), {type: 'setSearch', text: 'hit'});
	t.is(searched.currentMatch, 2);
	const later = changed(searched, lines(3, 12), 2);
	t.is(later.currentMatch, 2, 'a paused view keeps what it shows');
	const following = apply(later, {type: 'scrollToBottom'});
	t.is(following.currentMatch, undefined);
	t.deepEqual(following.matches, []);
});

test('timestamps toggle', t => {
	t.true(apply(web(), {type: 'toggleTimestamps'}).hasTimestamps);
	t.false(apply(web(), {type: 'toggleTimestamps'}, {type: 'toggleTimestamps'}).hasTimestamps);
});

test('a new source starts empty and following, keeping timestamps but not the search; lines of the old one are ignored', t => {
	const old = apply(changed(web(), lines(1, 10)), {type: 'scrollUp'}, {type: 'toggleTimestamps'}, {type: 'setSearch', text: 'x'});
	const database = apply(old, {type: 'selectService', service: 'db'});
	t.is(database.service, 'db');
	t.deepEqual(database.lines, []);
	t.false(database.isPaused);
	t.true(database.hasTimestamps);
	t.is(database.search, '', 'the search was made on web: it does not carry over to db');
	t.is(apply(old, {type: 'toggleAllServices'}).search, 'x', 'all services of the same selection keep it');
	const stale = reduceLogView(database, {type: 'linesChanged', service: 'web', lines: lines(1, 3), dropped: 0, labels: []});
	t.deepEqual(stale.lines, []);
	t.is(apply(database, {type: 'selectService', service: 'db'}), database, 'the same service changes nothing');
});

test('all services: toggled on and off, and kept while the selected row changes', t => {
	const all = apply(web(), {type: 'toggleAllServices'});
	t.is(all.service, undefined);
	t.true(all.isAllServices);
	const moved = apply(all, {type: 'selectService', service: 'db'});
	t.is(moved.service, undefined);
	t.is(apply(moved, {type: 'toggleAllServices'}).service, 'db');
	t.is(initialLogView(undefined).service, undefined);
});

test('a smaller pane keeps the scroll position within bounds', t => {
	const top = apply(changed(initialLogView('web', 10), lines(1, 12)), {type: 'scrollToTop'});
	t.is(top.scrollOffset, 2);
	const taller = apply(top, {type: 'resized', height: 20});
	t.is(taller.scrollOffset, 0);
	t.deepEqual(shown(taller).length, 12);
	t.is(apply(top, {type: 'resized', height: 0}).height, 1);
});
