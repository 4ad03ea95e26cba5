import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import {initialBudgetState} from '../../source/stack/budget-types.js';
import type {Incident} from '../../source/stack/incidents.js';
import {WarningsPanel} from '../../source/ui/panels/warnings-panel.js';
import {createTheme} from '../../source/ui/theme.js';

process.env.TZ = 'UTC';
const at = (time: string): number => Date.parse(`2026-01-01T${time}Z`);
const incident = (id: number, overrides: Partial<Incident> & Pick<Incident, 'kind' | 'service'>): Incident => ({
	id,
	container: `shop-${overrides.service}-1`,
	containerId: `${overrides.service}-id`,
	exitCode: 137,
	at: at('10:00:00'),
	...overrides,
});
const incidents: Incident[] = [
	incident(1, {kind: 'oom-killed', service: 'loop', at: at('10:00:01')}),
	incident(2, {kind: 'crashed', service: 'crash', at: at('10:00:05')}),
	incident(3, {kind: 'oom-killed', service: 'loop', at: at('10:00:09')}),
	incident(4, {kind: 'oom', service: 'worker', exitCode: undefined, at: at('10:00:07')}),
	incident(5, {kind: 'oom-killed', service: 'loop', at: at('10:00:12')}),
];

function lines(theme = createTheme({isColorEnabled: false})): string[] {
	const {lastFrame, unmount} = render(
		<WarningsPanel budgets={initialBudgetState()} incidents={incidents} now={at('10:01:00')} selectedIndex={0} width={110} height={20} theme={theme} />,
	);
	const frame = (lastFrame() ?? '').split('\n').map(line => line.trimEnd());
	unmount();
	return frame;
}

test('OOM kills and crashes head the warnings panel: what, which service, when, how often', t => {
	const frame = lines();
	t.is(frame[0], 'Budgets and warnings  0 active, 0 ended, 3 incidents');
	t.deepEqual(frame.slice(1, 5), [
		'  INCIDENT   SERVICE LAST     COUNT WHAT',
		'  OOM killed loop    10:00:12 ×3    out of memory, exit 137 (shop-loop-1) · since 10:00:01',
		'  OOM kill   worker  10:00:07 ×1    a process was killed for memory; shop-worker-1 runs on',
		'  crashed    crash   10:00:05 ×1    exit 137 (SIGKILL), not asked to stop (shop-crash-1)',
	]);
	t.true(frame.includes('  this profile sets no budgets'), 'the budgets follow');
});

test('incidents are red', t => {
	const frame = lines(createTheme({isColorEnabled: true}));
	t.regex(frame.find(line => line.includes('OOM killed loop')) ?? '', /\u001B\[31m {2}OOM killed/);
});
