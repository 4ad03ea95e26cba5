import {setTimeout as delay} from 'node:timers/promises';
import test from 'ava';
import {Text, useInput} from 'ink';
import {render} from 'ink-testing-library';
import {resolveCommand, type Command, type Scope} from '../../source/ui/keymap.js';

type ProbeProps = {readonly scope: Scope; readonly isReadOnly: boolean; readonly onCommand: (command: Command) => void};

/** The wiring the app uses: ink's useInput straight into resolveCommand, the command to an injected action. */
function Probe({scope, isReadOnly, onCommand}: ProbeProps) {
	useInput((input, key) => {
		const command = resolveCommand(input, key, scope, {isReadOnly});
		if (command !== undefined) onCommand(command);
	});
	return <Text>probe</Text>;
}

async function pressKeys(sequences: readonly string[], scope: Scope, isReadOnly = false): Promise<Command[]> {
	const received: Command[] = [];
	const {stdin, unmount} = render(<Probe scope={scope} isReadOnly={isReadOnly} onCommand={command => received.push(command)} />);
	await delay(20);
	for (const sequence of sequences) {
		stdin.write(sequence);
		await delay(20);
	}

	unmount();
	return received;
}

test('terminal key sequences reach the commands the keymap names', async t => {
	const received = await pressKeys(['j', '\u001B[B', 'k', '\u001B[A', '\r', 'r', 'R', 'x', 'l', '?', '/', 'o', '\u001B[6~', '\u001B[5~'], 'table');
	t.deepEqual(received, ['moveDown', 'moveDown', 'moveUp', 'moveUp', 'details', 'restart', 'restartStack', 'stop', 'logs', 'help', 'filter', 'sort', 'pageDown', 'pageUp']);
});

test('in the log pane space pauses, "/" searches, n/N step through matches and W wraps', async t => {
	const received = await pressKeys([' ', '/', 'n', 'N', 'T', 'W', 'x'], 'logs');
	t.deepEqual(received, ['pauseLogs', 'search', 'nextMatch', 'previousMatch', 'toggleTimestamps', 'toggleWrap']);
});

test('escape goes back', async t => {
	t.deepEqual(await pressKeys(['\u001B'], 'panel'), ['back']);
});

test('under --read-only lifecycle keys request nothing while the others still work', async t => {
	const received = await pressKeys(['s', 'x', 'r', 'R', 'u', 'j', 'l'], 'table', true);
	t.deepEqual(received, ['moveDown', 'logs']);
});
