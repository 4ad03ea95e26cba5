import test from 'ava';
import {clipboardSequence, copyToClipboard, osc52, tmuxPassthrough} from '../../source/ui/clipboard.js';

const escape = '\u001B';

test('osc52 carries the text base64-encoded to the clipboard selection, ended by BEL', t => {
	t.is(osc52('https://abc.ngrok.app'), `${escape}]52;c;aHR0cHM6Ly9hYmMubmdyb2suYXBw\u0007`);
	const payload = /^\u001B\]52;c;([A-Za-z\d+/=]*)\u0007$/.exec(osc52('ünïcødé ✓'))?.[1] ?? '';
	t.is(Buffer.from(payload, 'base64').toString('utf8'), 'ünïcødé ✓');
});

test('inside tmux the sequence goes through the passthrough DCS with every ESC doubled', t => {
	const wrapped = tmuxPassthrough(osc52('x'));
	t.is(wrapped, `${escape}Ptmux;${escape}${escape}]52;c;eA==\u0007${escape}\\`);
	t.is(clipboardSequence('x', {TMUX: '/tmp/tmux-1000/default,123,0'}), wrapped);
	t.is(clipboardSequence('x', {TMUX: ''}), osc52('x'), 'an empty TMUX is no tmux');
	t.is(clipboardSequence('x', {}), osc52('x'));
});

test('copyToClipboard writes the sequence, and only it, to the stream', t => {
	const written: string[] = [];
	copyToClipboard('https://abc.ngrok.app', {write: (text: string) => written.push(text)}, {});
	t.deepEqual(written, [osc52('https://abc.ngrok.app')]);
	copyToClipboard('y', {write: (text: string) => written.push(text)}, {TMUX: 'x'});
	t.true(written[1]?.startsWith(`${escape}Ptmux;`));
});
