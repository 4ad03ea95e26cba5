import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {keysLabel} from '../../source/ui/format/key-label.js';
import {HelpOverlay} from '../../source/ui/help-overlay.js';
import {defaultKeymap} from '../../source/ui/keymap.js';
import {createTheme} from '../../source/ui/theme.js';

const plain = createTheme({isColorEnabled: false});

function lines(isReadOnly = false, height?: number, width = 100): string[] {
	return (render(<HelpOverlay width={width} height={height} isReadOnly={isReadOnly} theme={plain} />).lastFrame() ?? '').split('\n');
}

/** The help line of a binding: its marker column, keys and description (one column of sections). */
function bindingLine(all: readonly string[], keys: string, description: string): string | undefined {
	return all.find(line => new RegExp(`^│ [! ] ${escapeRegExp(keys)} +${escapeRegExp(description)}`).test(line));
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

test('help lists every binding of the keymap with its keys', t => {
	const all = lines();
	for (const binding of defaultKeymap) {
		t.truthy(bindingLine(all, keysLabel(binding.keys), binding.description), binding.command);
	}
});

test('help groups bindings under their scope', t => {
	const all = lines();
	const index = (text: string): number => all.findIndex(line => line.includes(text));
	t.true(index('Everywhere') < index('Move down'));
	t.true(index('Services table') < index('Restart the service'));
	t.true(index('Move down') < index('Services table'));
	t.true(index('Log pane') < index('Pause or resume'));
	t.true(index('Restart the service') < index('Log pane'));
});

test('keys that change containers are marked, and only those', t => {
	const all = lines();
	for (const binding of defaultKeymap) {
		const line = bindingLine(all, keysLabel(binding.keys), binding.description) ?? '';
		t.is(line.startsWith('│ !'), binding.isDangerous, binding.command);
	}

	t.regex(all.join('\n'), /! changes containers \(off with --read-only\)/);
});

test('stop and restartStack say they ask first', t => {
	const all = lines().join('\n');
	t.regex(all, /x +Stop the service \(asks first\)/);
	t.regex(all, /R +Restart the whole stack \(asks first\)/);
	t.notRegex(all, /r +Restart the service \(asks first\)/);
});

test('in read-only mode the marked keys are shown disabled', t => {
	const all = lines(true);
	for (const binding of defaultKeymap) {
		const line = bindingLine(all, keysLabel(binding.keys), binding.description) ?? '';
		t.is(line.includes('(disabled)'), binding.isDangerous, binding.command);
	}

	t.regex(all.join('\n'), /Read-only: keys marked ! are disabled/);
});

test('at 80×24 help fits in two columns and still shows every key', t => {
	const all = lines(false, 24, 80);
	t.true(all.length <= 24, `${all.length} lines`);
	t.true(all.every(line => stringWidth(line) <= 80));
	const text = all.join('\n');
	for (const binding of defaultKeymap) {
		t.true(text.includes(` ${keysLabel(binding.keys)} `), binding.command);
	}
});

test('at 60×15 (11 lines for the help) it fits its box and scrolls instead of overflowing the screen', t => {
	const first = lines(false, 11, 60);
	t.is(first.length, 11, first.join('\n'));
	t.true(first.every(line => stringWidth(line) <= 60));
	t.regex(first[0] ?? '', /^╭─+╮$/);
	t.regex(first.join('\n'), /j\/k scroll · 1–5 of \d+/);
	const scrolled = (render(<HelpOverlay width={60} height={11} offset={200} theme={plain} />).lastFrame() ?? '').split('\n');
	t.is(scrolled.length, 11);
	t.truthy(bindingLine(scrolled, 'a', 'All services or the selected one'), 'the last binding is reached; the offset is clamped');
});
