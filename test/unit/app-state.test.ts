import test from 'ava';
import {type AppState, initialAppState, reduceApp} from '../../source/ui/app-state.js';
import {routeKey, toPresses} from '../../source/ui/key-handler.js';
import {type Command, defaultKeymap} from '../../source/ui/keymap.js';

const rowKeys = ['a', 'b', 'c', 'd'];

function command(state: AppState, name: Command): AppState {
	return reduceApp(state, {type: 'command', command: name, rowKeys, pageSize: 2, panelSize: 3});
}

test('moving the selection stays within the rows', t => {
	let state = reduceApp(initialAppState, {type: 'select', key: 'a'});
	state = command(state, 'moveUp');
	t.is(state.selectedKey, 'a');
	state = command(command(state, 'moveDown'), 'moveDown');
	t.is(state.selectedKey, 'c');
	t.is(command(state, 'pageDown').selectedKey, 'd');
	t.is(command(state, 'last').selectedKey, 'd');
	t.is(command(state, 'first').selectedKey, 'a');
});

test('panel keys open their panel and close it again; esc goes back to the table', t => {
	const logs = command(initialAppState, 'logs');
	t.is(logs.panel, 'logs');
	t.is(command(logs, 'logs').panel, 'table');
	t.is(command(command(initialAppState, 'tunnels'), 'back').panel, 'table');
	t.is(command(command(initialAppState, 'logs'), 'warnings').panel, 'warnings');
});

test('in a panel, moving moves the panel selection, not the table selection', t => {
	let state = reduceApp(command(initialAppState, 'tunnels'), {type: 'select', key: 'a'});
	state = command(command(command(state, 'moveDown'), 'moveDown'), 'moveDown');
	t.is(state.panelIndex, 2);
	t.is(state.selectedKey, 'a');
});

test('help toggles over any panel and esc closes it first', t => {
	const help = command(command(initialAppState, 'logs'), 'help');
	t.true(help.isHelpOpen);
	const back = command(help, 'back');
	t.false(back.isHelpOpen);
	t.is(back.panel, 'logs');
});

test('the filter takes typed text; esc clears it, enter keeps it', t => {
	let state = command(initialAppState, 'filter');
	state = reduceApp(state, {type: 'typed', text: 'db'});
	t.is(state.filterText, 'db');
	t.is(reduceApp(state, {type: 'text-done', isAccepted: true}).filterText, 'db');
	t.is(reduceApp(state, {type: 'text-done', isAccepted: false}).filterText, '');
});

test('keys: a question takes y/n first, typed text next, then the keymap of the pane', t => {
	const options = {keymap: defaultKeymap, isReadOnly: false};
	const asking = reduceApp(initialAppState, {type: 'ask', confirmation: {command: 'stop', id: 'a', question: 'Stop a?'}});
	t.deepEqual(routeKey({input: 'y', key: {}}, asking, options), {type: 'confirm', isYes: true});
	t.deepEqual(routeKey({input: 'r', key: {}}, asking, options), {type: 'confirm', isYes: false});
	const typing = command(initialAppState, 'filter');
	t.deepEqual(routeKey({input: 'r', key: {}}, typing, options), {type: 'text', text: 'r'});
	t.deepEqual(routeKey({input: '', key: {return: true}}, typing, options), {type: 'text-done', isAccepted: true});
	t.deepEqual(routeKey({input: 'r', key: {}}, initialAppState, options), {type: 'command', command: 'restart'});
});

test('keys: in the log pane, movement scrolls the log and service actions still work', t => {
	const options = {keymap: defaultKeymap, isReadOnly: false};
	const logs = command(initialAppState, 'logs');
	t.deepEqual(routeKey({input: 'k', key: {}}, logs, options), {type: 'log', action: {type: 'scrollUp'}});
	t.deepEqual(routeKey({input: ' ', key: {}}, logs, options), {type: 'log', action: {type: 'togglePause'}});
	t.deepEqual(routeKey({input: 'r', key: {}}, logs, options), {type: 'command', command: 'restart'});
	t.deepEqual(routeKey({input: '/', key: {}}, logs, options), {type: 'command', command: 'search'});
});

test('keys: --read-only refuses lifecycle keys with a reason, and allows the rest', t => {
	const options = {keymap: defaultKeymap, isReadOnly: true};
	for (const key of ['s', 'x', 'r', 'R', 'u']) {
		const outcome = routeKey({input: key, key: {}}, initialAppState, options);
		t.is(outcome.type, 'refused', key);
	}

	t.deepEqual(routeKey({input: 'l', key: {}}, initialAppState, options), {type: 'command', command: 'logs'});
});

test('pasted control characters never reach the filter', t => {
	const typing = command(initialAppState, 'filter');
	t.deepEqual(routeKey({input: 'a\u001B[31mb', key: {}}, typing, {keymap: defaultKeymap, isReadOnly: false}), {type: 'text', text: 'a[31mb'});
});

test('a chunk of fast keys is split into presses, enter and ctrl letters included', t => {
	t.deepEqual(toPresses('jjl', {}), [
		{input: 'j', key: {}},
		{input: 'j', key: {}},
		{input: 'l', key: {}},
	]);
	t.deepEqual(toPresses('/a\r\n\u0004', {}), [
		{input: '/', key: {}},
		{input: 'a', key: {}},
		{input: '', key: {return: true}},
		{input: 'd', key: {ctrl: true}},
	]);
	t.deepEqual(toPresses('j', {}), [{input: 'j', key: {}}], 'a single key stays as ink gave it');
	t.deepEqual(toPresses('', {pageDown: true}), [{input: '', key: {pageDown: true}}]);
});

test('esc read together with the next character is esc, then that character', t => {
	t.deepEqual(toPresses('/', {}, '\u001B/'), [
		{input: '', key: {escape: true}},
		{input: '/', key: {}},
	]);
	t.deepEqual(toPresses('/', {}, '/'), [{input: '/', key: {}}], 'a plain / stays one press');
	t.deepEqual(toPresses('', {upArrow: true}, '\u001B[A'), [{input: '', key: {upArrow: true}}], 'an arrow is no esc');
});
