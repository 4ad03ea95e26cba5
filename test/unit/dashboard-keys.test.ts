import test from 'ava';
import {type AppState, initialAppState} from '../../source/ui/app-state.js';
import {foldKeys, type KeyContext} from '../../source/ui/dashboard-keys.js';
import {toPresses} from '../../source/ui/key-handler.js';
import {defaultKeymap} from '../../source/ui/keymap.js';
import {manyRows, tableRow} from '../ui/rows-fixture.js';

const rows = ['api', 'db', 'redis', 'web', 'worker'].map(service => tableRow({service}));

function context(overrides: Partial<KeyContext> = {}): KeyContext {
	return {rows, terminalRows: 24, terminalColumns: 100, panelLines: 0, tunnels: [], links: {}, project: 'demo', containerCount: rows.length, keymap: defaultKeymap, isReadOnly: false, ...overrides};
}

/** Folds one chunk of input, as ink hands it over. */
function type(chunk: string, state: AppState = initialAppState, overrides: Partial<KeyContext> = {}) {
	return foldKeys(state, toPresses(chunk, {}), context(overrides));
}

test('"/web⏎r" in one chunk: the filter takes "web", enter keeps it, r restarts web', t => {
	const {state, effects} = type('/web\rr');
	t.is(state.filterText, 'web');
	t.is(state.textInput, undefined);
	t.deepEqual(effects, [{type: 'act', id: 'id-web-1', action: 'restart'}]);
});

test('a pasted "/redis" is all filter text: no effect', t => {
	const {state, effects} = type('/redis');
	t.deepEqual(state.textInput, {purpose: 'filter', text: 'redis'});
	t.deepEqual(effects, []);
});

test('"jjl" moves twice and opens the logs of the row reached', t => {
	const {state} = type('jjl');
	t.is(state.selectedKey, 'redis#1');
	t.is(state.panel, 'logs');
});

test('the filter applies at once: "/w⏎jr" moves within the filtered rows', t => {
	t.deepEqual(type('/w\rjr').effects, [{type: 'act', id: 'id-worker-1', action: 'restart'}], 'web, worker: j goes to worker');
});

test('x asks first; y in the same chunk stops the row the question named', t => {
	const {state, effects} = type('jxy');
	t.is(state.confirmation, undefined);
	t.deepEqual(effects, [{type: 'act', id: 'id-db-1', action: 'stop'}]);
	t.deepEqual(type('jxn').effects, [], 'n stops nothing');
});

test('q quits after the effects before it, in order', t => {
	t.deepEqual(type('rq').effects, [{type: 'act', id: 'id-api-1', action: 'restart'}, {type: 'quit'}]);
});

test('a page is the rows the table shows: 18 of 40 at 24 lines, 8 in a 14-line terminal', t => {
	const many = manyRows(40);
	const pageDown = (state: AppState, terminalRows: number) => foldKeys(state, [{input: '', key: {pageDown: true}}], context({rows: many, terminalRows})).state;
	t.is(pageDown(initialAppState, 24).selectedKey, 'service-18#1');
	t.is(pageDown(initialAppState, 14).selectedKey, 'service-08#1');
	t.is(type('\u0004', initialAppState, {rows: many}).state.selectedKey, 'service-18#1', 'ctrl+d');
});

test('esc after a search clears it (and tells the pane); the next esc closes the pane', t => {
	const searched = type('l/ready\r');
	t.deepEqual(searched.state.logSearch, {service: 'api', text: 'ready'});
	t.deepEqual(searched.effects, [{type: 'log', action: {type: 'setSearch', text: 'ready'}}]);
	const cleared = foldKeys(searched.state, [{input: '', key: {escape: true}}], context());
	t.is(cleared.state.panel, 'logs');
	t.is(cleared.state.logSearch, undefined);
	t.deepEqual(cleared.effects, [{type: 'log', action: {type: 'setSearch', text: ''}}]);
	t.is(foldKeys(cleared.state, [{input: '', key: {escape: true}}], context()).state.panel, 'table');
});

test('a search made on one service is dropped when the selection moves to another', t => {
	const searched = type('l/ready\rl').state;
	t.is(searched.panel, 'table');
	t.is(type('j', searched).state.logSearch, undefined);
	t.deepEqual(type('o', searched).state.logSearch, {service: 'api', text: 'ready'}, 'a sort that keeps the selection keeps it');
});

test('c copies the service link, or says there is nothing to copy', t => {
	t.deepEqual(type('c', initialAppState, {links: {api: 'http://127.0.0.1:8080/'}}).effects, [{type: 'copy', text: 'http://127.0.0.1:8080/'}]);
	t.deepEqual(type('c').effects, [{type: 'say', text: 'nothing to copy: no tunnel URL or link here', isError: true}]);
});

test('under --read-only r is refused with a reason and the next key still works', t => {
	const {state, effects} = type('rj', initialAppState, {isReadOnly: true});
	t.deepEqual(effects, [{type: 'say', text: 'read-only: restart the service is disabled', isError: true}]);
	t.is(state.selectedKey, 'db#1');
});

test('in a small terminal j scrolls the help, clamped at its end; ? again starts it from the top', t => {
	const help = type('?', initialAppState, {terminalRows: 15, terminalColumns: 60}).state;
	t.true(help.isHelpOpen);
	const scrolled = type('jj', help, {terminalRows: 15, terminalColumns: 60}).state;
	t.is(scrolled.helpOffset, 2);
	t.is(scrolled.selectedKey, 'api#1', 'the table selection stays on the first row');
	const end = type('G', scrolled, {terminalRows: 15, terminalColumns: 60}).state;
	t.true(end.helpOffset > 20);
	t.is(type('j', end, {terminalRows: 15, terminalColumns: 60}).state.helpOffset, end.helpOffset);
	t.is(type('??', end, {terminalRows: 15, terminalColumns: 60}).state.helpOffset, 0);
});
