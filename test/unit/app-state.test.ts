import test from 'ava';
import {type AppState, initialAppState, reduceApp} from '../../source/ui/app-state.js';
import {handleKey, splitKeys} from '../../source/ui/key-handler.js';
import {type Command, defaultKeymap} from '../../source/ui/keymap.js';

const rowIds = ['a', 'b', 'c', 'd'];

function command(state: AppState, name: Command): AppState {
	return reduceApp(state, {type: 'command', command: name, rowIds, pageSize: 2, panelSize: 3});
}

test('moving the selection stays within the rows', t => {
	let state = reduceApp(initialAppState, {type: 'select', id: 'a'});
	state = command(state, 'moveUp');
	t.is(state.selectedId, 'a');
	state = command(command(state, 'moveDown'), 'moveDown');
	t.is(state.selectedId, 'c');
	t.is(command(state, 'pageDown').selectedId, 'd');
	t.is(command(state, 'last').selectedId, 'd');
	t.is(command(state, 'first').selectedId, 'a');
});

test('panel keys open their panel and close it again; esc goes back to the table', t => {
	const logs = command(initialAppState, 'logs');
	t.is(logs.panel, 'logs');
	t.is(command(logs, 'logs').panel, 'table');
	t.is(command(command(initialAppState, 'tunnels'), 'back').panel, 'table');
	t.is(command(command(initialAppState, 'logs'), 'warnings').panel, 'warnings');
});

test('in a panel, moving moves the panel selection, not the table selection', t => {
	let state = reduceApp(command(initialAppState, 'tunnels'), {type: 'select', id: 'a'});
	state = command(command(command(state, 'moveDown'), 'moveDown'), 'moveDown');
	t.is(state.panelIndex, 2);
	t.is(state.selectedId, 'a');
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
	t.deepEqual(handleKey('y', {}, asking, options), {type: 'confirm', isYes: true});
	t.deepEqual(handleKey('r', {}, asking, options), {type: 'confirm', isYes: false});
	const typing = command(initialAppState, 'filter');
	t.deepEqual(handleKey('r', {}, typing, options), {type: 'text', text: 'r'});
	t.deepEqual(handleKey('', {return: true}, typing, options), {type: 'text-done', isAccepted: true});
	t.deepEqual(handleKey('r', {}, initialAppState, options), {type: 'command', command: 'restart'});
});

test('keys: in the log pane, movement scrolls the log and service actions still work', t => {
	const options = {keymap: defaultKeymap, isReadOnly: false};
	const logs = command(initialAppState, 'logs');
	t.deepEqual(handleKey('k', {}, logs, options), {type: 'log', action: {type: 'scrollUp'}});
	t.deepEqual(handleKey(' ', {}, logs, options), {type: 'log', action: {type: 'togglePause'}});
	t.deepEqual(handleKey('r', {}, logs, options), {type: 'command', command: 'restart'});
	t.deepEqual(handleKey('/', {}, logs, options), {type: 'command', command: 'search'});
});

test('keys: --read-only refuses lifecycle keys with a reason, and allows the rest', t => {
	const options = {keymap: defaultKeymap, isReadOnly: true};
	for (const key of ['s', 'x', 'r', 'R', 'u']) {
		const outcome = handleKey(key, {}, initialAppState, options);
		t.is(outcome.type, 'refused', key);
	}

	t.deepEqual(handleKey('l', {}, initialAppState, options), {type: 'command', command: 'logs'});
});

test('pasted control characters never reach the filter', t => {
	const typing = command(initialAppState, 'filter');
	t.deepEqual(handleKey('a\u001B[31mb', {}, typing, {keymap: defaultKeymap, isReadOnly: false}), {type: 'text', text: 'a[31mb'});
});

test('a chunk of fast keys is split into presses, enter included; typed text is not split', t => {
	t.deepEqual(splitKeys('jjl', {}, false), [
		{input: 'j', key: {}},
		{input: 'j', key: {}},
		{input: 'l', key: {}},
	]);
	t.deepEqual(splitKeys('k\r', {}, false), [
		{input: 'k', key: {}},
		{input: '', key: {return: true}},
	]);
	t.deepEqual(splitKeys('jjl', {}, true), [{input: 'jjl', key: {}}]);
});
