import test from 'ava';
import {type CopyPorts, copyRoutes, copyToClipboard, osc52, tmuxPassthrough} from '../../source/ui/clipboard.js';

const escape = '\u001B';
const inTmux = {TMUX: '/tmp/tmux-1000/default,123,0', TERM: 'tmux-256color'};

test('osc52 carries the text base64-encoded to the clipboard selection, ended by BEL', t => {
	t.is(osc52('https://abc.ngrok.app'), `${escape}]52;c;aHR0cHM6Ly9hYmMubmdyb2suYXBw\u0007`);
	const payload = /^\u001B\]52;c;([A-Za-z\d+/=]*)\u0007$/.exec(osc52('ünïcødé ✓'))?.[1] ?? '';
	t.is(Buffer.from(payload, 'base64').toString('utf8'), 'ünïcødé ✓');
});

test('the passthrough DCS doubles every ESC inside', t => {
	t.is(tmuxPassthrough(osc52('x')), `${escape}Ptmux;${escape}${escape}]52;c;eA==\u0007${escape}\\`);
});

test('outside tmux the plain sequence goes to the terminal; a terminal without one is said so', t => {
	t.deepEqual(copyRoutes({TERM: 'xterm-256color'}, undefined), [{type: 'sequence', sequence: 'plain'}]);
	t.deepEqual(copyRoutes({TMUX: '', TERM: 'xterm'}, undefined), [{type: 'sequence', sequence: 'plain'}], 'an empty TMUX is no tmux');
	t.is(copyRoutes({TERM: 'linux'}, undefined)[0]?.type, 'none');
});

test('in a default tmux (set-clipboard external, no passthrough) the text goes through tmux load-buffer, never a wrapped sequence', t => {
	const routes = copyRoutes(inTmux, {setClipboard: 'external', allowPassthrough: 'off'});
	t.deepEqual(routes.map(route => route.type), ['tmux-buffer', 'none']);
});

test('tmux with set-clipboard on takes the plain sequence; allow-passthrough adds the wrapped one after the buffer', t => {
	t.deepEqual(copyRoutes(inTmux, {setClipboard: 'on', allowPassthrough: 'off'})[0], {type: 'sequence', sequence: 'plain'});
	const routes = copyRoutes(inTmux, {setClipboard: 'off', allowPassthrough: 'on'});
	t.deepEqual(routes.slice(0, 2), [{type: 'tmux-buffer'}, {type: 'sequence', sequence: 'passthrough'}]);
});

/** Ports that record what was written and run a scripted tmux. */
function ports(answers: Readonly<Record<string, {status: number; stdout: string} | undefined>>) {
	const written: string[] = [];
	const calls: string[] = [];
	const copyPorts: CopyPorts = {
		output: {write: (text: string) => written.push(text)},
		tmux(args, input) {
			calls.push(`${args.join(' ')}${input === undefined ? '' : ` <${input}`}`);
			return answers[args.join(' ')];
		},
	};
	return {written, calls, copyPorts};
}

test('copy in a default tmux loads the buffer and says so; nothing is written to the terminal', t => {
	const {written, calls, copyPorts} = ports({
		'show -gv set-clipboard': {status: 0, stdout: 'external\n'},
		'show -gv allow-passthrough': {status: 0, stdout: 'off\n'},
		'load-buffer -w -': {status: 0, stdout: ''},
	});
	t.deepEqual(copyToClipboard('https://x.test/', copyPorts, inTmux), {isCopied: true, message: 'copied https://x.test/ (tmux buffer)'});
	t.deepEqual(written, []);
	t.deepEqual(calls.at(-1), 'load-buffer -w - <https://x.test/');
});

test('when tmux refuses every way, copy says it could not instead of "copied"', t => {
	const {written, copyPorts} = ports({'show -gv set-clipboard': {status: 0, stdout: 'off\n'}, 'show -gv allow-passthrough': {status: 0, stdout: 'off\n'}});
	const result = copyToClipboard('https://x.test/', copyPorts, inTmux);
	t.false(result.isCopied);
	t.regex(result.message, /^cannot copy https:\/\/x\.test\/: .*set-clipboard on/);
	t.deepEqual(written, []);
});

test('outside tmux copy writes the plain sequence, and only it', t => {
	const {written, calls, copyPorts} = ports({});
	t.true(copyToClipboard('y', copyPorts, {TERM: 'xterm'}).isCopied);
	t.deepEqual(written, [osc52('y')]);
	t.deepEqual(calls, [], 'tmux is not asked');
});
