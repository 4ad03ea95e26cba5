import test from 'ava';
import {type FooterFacts, footerKeys} from '../../source/ui/format/footer-keys.js';
import {defaultKeymap} from '../../source/ui/keymap.js';

const table: FooterFacts = {panel: 'table', isHelpOpen: false, hasSearch: false, hasMissing: false, isReadOnly: false};

test('the footer shows the keys of the pane in focus, from the keymap', t => {
	t.is(footerKeys(table, defaultKeymap), 'enter details  l logs  e shell  s start  x stop  r restart  / filter  o sort  t tunnels  w warnings  ? help  q quit');
	t.is(
		footerKeys({...table, panel: 'logs'}, defaultKeymap),
		'/ search  esc close  space pause  T timestamps  a all services  W wrap  r restart  ? help  q quit',
		'the log pane\'s own keys',
	);
	t.regex(footerKeys({...table, panel: 'logs', hasSearch: true}, defaultKeymap), /^n next match {2}N previous {2}esc clear search/);
	t.is(footerKeys({...table, isHelpOpen: true}, defaultKeymap), 'esc close  ? help  q quit');
});

test('u leads when services have no container; --read-only leaves out the keys that change containers', t => {
	t.regex(footerKeys({...table, hasMissing: true}, defaultKeymap), /^u bring up missing {2}enter details/);
	const readOnly = footerKeys({...table, hasMissing: true, isReadOnly: true}, defaultKeymap);
	t.notRegex(readOnly, /\bu bring|\br restart|\bx stop|\bs start/);
	t.regex(readOnly, /^enter details {2}l logs {2}e shell {2}\/ filter/);
});

test('the footer follows the keymap: a pane\'s bindings, in its order', t => {
	const keymap = defaultKeymap.filter(binding => binding.command !== 'toggleAllServices');
	t.notRegex(footerKeys({...table, panel: 'logs'}, keymap), /all services/);
});

test('rebound keys show as bound', t => {
	const keymap = defaultKeymap.map(binding => (binding.command === 'stop' ? {...binding, keys: ['X']} : binding));
	t.regex(footerKeys(table, keymap), / X stop /);
});
