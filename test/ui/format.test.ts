import test from 'ava';
import stringWidth from 'string-width';
import {fitCell, textWidth} from '../../source/ui/format/fit.js';
import {keysLabel} from '../../source/ui/format/key-label.js';
import {formatElapsed, formatPercentCell, formatUptime, formatUsage} from '../../source/ui/format/numbers.js';
import {formatSparkline} from '../../source/ui/format/sparkline.js';
import {formatBudgetStatus, formatHealth, formatState} from '../../source/ui/format/status.js';
import {sanitize} from '../../source/stack/sanitize.js';

const mebibyte = 1024 * 1024;

test('a sparkline rises with its values on a fixed scale from zero to the maximum', t => {
	t.is(formatSparkline([0, 1, 2, 3, 4, 5, 6, 7], {width: 8, maximum: 7}), '▁▂▃▄▅▆▇█');
	t.is(formatSparkline([50, 100], {width: 2, maximum: 100}), '▅█');
	t.is(formatSparkline([50, 100], {width: 2, maximum: 200}), '▃▅', 'half the scale is a half bar');
});

test('a sparkline is only its bars (the table aligns it), leaves missing values blank and is flat at zero', t => {
	t.is(formatSparkline([7, 7], {width: 5, maximum: 7}), '██');
	t.is(formatSparkline([1, Number.NaN, 1], {width: 3, maximum: 1}), '█ █');
	t.is(formatSparkline([0, 0, 0], {width: 3, maximum: 10}), '▁▁▁');
	t.is(formatSparkline([], {width: 3, maximum: 10}), '');
});

test('values past the maximum (a budget) draw full bars without rescaling the others', t => {
	t.is(formatSparkline([10, 10], {width: 2, maximum: 70}), '▂▂');
	t.is(formatSparkline([35, 140], {width: 2, maximum: 70}), '▅█');
});

test('more values than characters merge into peaks, so a spike never disappears', t => {
	const values = Array.from({length: 100}, (_, index) => (index === 37 ? 100 : 1));
	const line = formatSparkline(values, {width: 10, maximum: 100});
	t.is(stringWidth(line), 10);
	t.is([...line].filter(character => character === '█').length, 1);
});

test('a cell is exactly its width: padded, right-aligned, or truncated with an ellipsis', t => {
	t.is(fitCell('web', 6), 'web   ');
	t.is(fitCell('12.50%', 8, 'right'), '  12.50%');
	t.is(fitCell('postgres-primary', 8), 'postgre…');
});

test('wide characters are measured in terminal columns', t => {
	t.is(stringWidth(fitCell('データベース', 14)), 14);
	t.is(fitCell('データベース', 7), 'データ…');
	t.is(stringWidth(fitCell('データベース', 6)), 6);
	t.is(fitCell('🐳🐳 whale', 4), '🐳… ');
});

test('percent, usage and uptime cells show a dash, not a zero, when unknown', t => {
	t.is(formatPercentCell(50.625), '50.62%');
	t.is(formatPercentCell(null), '-');
	t.is(formatUsage(179.4 * mebibyte, 256 * mebibyte, 512 * mebibyte), '179.4MiB / 256MiB');
	t.is(formatUsage(179.4 * mebibyte, undefined, 512 * mebibyte), '179.4MiB / 512MiB');
	t.is(formatUsage(179.4 * mebibyte, undefined, 0), '179.4MiB');
	t.is(formatUsage(null, 256 * mebibyte), '-');
	t.is(formatUptime(3725), '1h02m');
	t.is(formatUptime(null), '-');
});

test('the soak clock counts hours past a day', t => {
	t.is(formatElapsed(3_723_000), '01:02:03');
	t.is(formatElapsed(27 * 3_600_000 + 5000), '27:00:05');
	t.is(formatElapsed(-5), '00:00:00');
});

test('health shows a glyph and a word', t => {
	t.is(formatHealth('healthy'), '✓ healthy');
	t.is(formatHealth('unhealthy'), '✗ unhealthy');
	t.is(formatHealth('starting'), '↻ starting');
	t.is(formatHealth('none'), '-');
});

test('a pending action shows until events confirm it; exits show their code or OOM', t => {
	t.is(formatState({state: 'running', exitCode: null, isOomKilled: false, pendingAction: 'restarting'}), 'restarting…');
	t.is(formatState({state: 'exited', exitCode: 137, isOomKilled: false}), 'exited (137)');
	t.is(formatState({state: 'exited', exitCode: 137, isOomKilled: true}), 'OOM killed');
	t.is(formatState({state: 'restarting', exitCode: 137, isOomKilled: true}), 'restarting (OOM)');
	t.is(formatState({state: 'restarting', exitCode: 1, isOomKilled: false}), 'restarting (1)');
	t.is(formatState({state: 'running', exitCode: null, isOomKilled: false, hasOomKill: true}), 'running (OOM)');
	t.is(formatState({state: 'running', exitCode: null, isOomKilled: true}), 'running (OOM)', 'restarted by its policy after an OOM kill');
	t.is(formatState({state: 'running', exitCode: null, isOomKilled: false}), 'running');
	t.is(formatState({state: 'paused', exitCode: null, isOomKilled: false}), 'paused');
	t.is(formatBudgetStatus('near'), 'near');
	t.is(formatBudgetStatus('none'), '-');
});

test('key labels read as users know them', t => {
	t.is(keysLabel(['j', 'down']), 'j/↓');
	t.is(keysLabel(['escape']), 'esc');
	t.is(keysLabel(['pageup', 'ctrl+u']), 'pgup/ctrl+u');
});

test('textWidth counts the dashboard\'s narrow symbols directly and agrees with string-width on every kind of text, as sanitized for the screen', t => {
	const pieces = ['web', ' ', '12.50%', '▁▂▃▄▅▆▇█', '…', '✓ healthy', '✗', '↓', '→', '▼', '·', '–', '—', '数据库', '😀', 'é', 'e\u0301', '\u00AD', '\t', '✅', '⚠'];
	let checked = 0;
	for (const first of pieces) {
		for (const second of pieces) {
			t.is(textWidth(first + second), stringWidth(sanitize(first + second)), JSON.stringify(first + second));
			checked++;
		}
	}

	t.is(checked, pieces.length ** 2);
});
