import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import type {SoakSummary} from '../../source/stack/soak-summary.js';
import {stackStartupText} from '../../source/ui/panels/soak-lines.js';
import {SoakPanel} from '../../source/ui/panels/soak-panel.js';
import {createTheme} from '../../source/ui/theme.js';

const mib = 1024 * 1024;
const plain = createTheme({isColorEnabled: false});
const startedAt = Date.UTC(2026, 11, 1, 10, 0, 0);

const soak: SoakSummary = {
	phase: 'idle',
	startedAt,
	held: 12,
	breached: 1,
	notEvaluated: 3,
	breaches: [{id: 'leak:grow', description: 'grow memory grows at most 20MiB/h', note: '331.2 MiB/h (95 % 320.0 MiB/h to 340.0 MiB/h), steady, over 2 min'}],
	services: [
		{service: 'grow', memoryPeak: 48 * mib, memoryHistory: [10, 20, 30, 40], cpuPeak: 3.5, leakPerHour: 331.2 * mib, leakConfidence: 1, isLeaking: true, uptimeRatio: 1, restarts: 0},
		{service: 'victim', memoryPeak: 1.5 * mib, memoryHistory: [], cpuPeak: 0.1, leakPerHour: undefined, leakConfidence: undefined, isLeaking: false, uptimeRatio: 0.9991, restarts: 1},
	],
	probes: [{probe: 'web-ok', service: 'web', count: 40, successRatio: 0.75, p95: 71.2, lastError: 'exit 1: cat: can\'t open \'/tmp/ok\''}],
};

function frame(overrides: Partial<Parameters<typeof SoakPanel>[0]> = {}): string[] {
	const props = {soak, stackStartup: {from: startedAt, cause: 'up' as const, healthyAt: startedAt + 12_000, elapsedMs: 12_000, limitMs: 60_000}, now: startedAt + 754_000, recordPath: '/tmp/run', scrollOffset: 0, width: 120, height: 20, theme: plain, ...overrides};
	return (render(<SoakPanel {...props} />).lastFrame() ?? '').split('\n').map(line => line.trimEnd());
}

test('the soak panel: phase, elapsed, the verdict so far, stack startup and the record', t => {
	const lines = frame();
	t.is(lines[0], 'Soak  phase idle  elapsed 12m34s  1 breached, 12 held, 3 not evaluated');
	t.is(lines[1], '  stack healthy in 12 s / 60 s   recording to /tmp/run');
});

test('per service: memory peak and the whole run\'s sparkline, CPU peak, leak slope with confidence, uptime, restarts', t => {
	const lines = frame();
	t.regex(lines[2] ?? '', /^ {2}SERVICE +MEM PEAK +MEM \(RUN\) +CPU PEAK +LEAK \(CONFIDENCE\) +UPTIME +RESTARTS$/);
	t.regex(lines[3] ?? '', /^ {2}grow +48MiB +▃▅▆█ +3\.50% +331\.2MiB\/h \(100%\) +100\.00% +0$/);
	t.regex(lines[4] ?? '', /^ {2}victim +1\.5MiB +0\.10% +window not covered +99\.91% +1$/);
});

test('probes with success and p95, then the breached budgets', t => {
	const lines = frame();
	t.regex(lines[5] ?? '', /^ {2}PROBE +SUCCESS +P95 +LAST ERROR$/);
	t.regex(lines[6] ?? '', /^ {2}web-ok +75\.0% of 40 +71 ms +exit 1: cat: can't open '\/tmp\/ok'$/);
	t.is(lines[7], '  breached grow memory grows at most 20MiB/h: 331.2 MiB/h (95 % 320.0 MiB/h to 340.0 MiB/h), steady, over 2 min');
});

test('stack startup reads as the seed writes it, while starting and once healthy', t => {
	t.is(stackStartupText({from: 0, cause: 'up', healthyAt: undefined, elapsedMs: 8400, limitMs: 60_000}), 'stack starting 8 s / 60 s');
	t.is(stackStartupText({from: 0, cause: 'restart', healthyAt: 12_000, elapsedMs: 12_000, limitMs: undefined}), 'stack healthy in 12 s');
	t.is(stackStartupText(undefined), undefined);
});
