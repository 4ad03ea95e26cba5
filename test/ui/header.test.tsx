import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {haveEqualFacts, Header, type HeaderProps} from '../../source/ui/header.js';
import {createTheme} from '../../source/ui/theme.js';

const gibibyte = 1024 ** 3;
const base: HeaderProps = {
	width: 100,
	theme: createTheme({isColorEnabled: false}),
	profileName: 'demo',
	engine: {host: 'unix:///var/run/docker.sock', version: '20.10.24', status: 'connected'},
	host: {cpuPercent: 12.5, memoryUsedBytes: 3 * gibibyte, memoryTotalBytes: 16 * gibibyte, diskUsedBytes: 40 * gibibyte, diskTotalBytes: 100 * gibibyte},
	stack: {cpuPercent: 55, memoryBytes: 0.5 * gibibyte, memoryBudgetBytes: gibibyte, cpuBudgetPercent: 200},
	startedAt: 1_000_000,
	now: 1_000_000 + 3_723_000,
	warningCount: 2,
	tunnelUrl: 'https://abc.ngrok.app',
};

function lines(overrides: Partial<HeaderProps> = {}): string[] {
	return (render(<Header {...base} {...overrides} />).lastFrame() ?? '').split('\n');
}

test('the first line names the profile, the soak clock, the warnings and the engine', t => {
	t.regex(lines()[0] ?? '', /^stacktui {2}demo {2}soak 01:02:03 {2}2 warnings {2}engine unix:\/\/\/var\/run\/docker\.sock 20\.10\.24$/);
	t.regex(lines({warningCount: 1})[0] ?? '', /1 warning /);
	t.regex(lines({isReadOnly: true})[0] ?? '', /2 warnings {2}read-only/);
});

test('the stack line shows CPU and memory against the stack budget, and the tunnel URL', t => {
	t.is(lines()[1], 'stack  cpu 55.00% / 200%  mem 512MiB / 1GiB  tunnel https://abc.ngrok.app');
	t.is(lines({tunnelUrl: undefined, stack: {cpuPercent: null, memoryBytes: null}})[1], 'stack  cpu -  mem -');
});

test('the stack budget shows as written, the usage in the same unit system', t => {
	const stack = {cpuPercent: 55, memoryBytes: 42_100_000, memoryBudgetBytes: 4e9, memoryBudgetText: '4GB', cpuBudgetPercent: 50};
	t.is(lines({tunnelUrl: undefined, stack})[1], 'stack  cpu 55.00% / 50%  mem 42.1MB / 4GB');
	t.is(lines({tunnelUrl: undefined, stack: {...stack, memoryBytes: 0.5 * gibibyte, memoryBudgetBytes: 4 * gibibyte, memoryBudgetText: '4GiB'}})[1], 'stack  cpu 55.00% / 50%  mem 512MiB / 4GiB');
});

test('the host line shows CPU, memory and disk, with dashes until first read', t => {
	t.is(lines()[2], 'host   cpu 12.50%  mem 3GiB / 16GiB  disk 40GiB / 100GiB');
	t.is(lines({host: undefined})[2], 'host   cpu -  mem -  disk -');
});

test('a lost engine says so with its reason', t => {
	t.regex(lines({engine: {host: 'unix:///var/run/docker.sock', status: 'lost', error: 'connect ENOENT'}})[0] ?? '', /engine unix:\/\/\/var\/run\/docker\.sock lost: connect ENOENT/);
	t.regex(lines({engine: {host: 'tcp://10.0.0.2:2375', status: 'connecting'}})[0] ?? '', /engine tcp:\/\/10\.0\.0\.2:2375 connecting…/);
});

test('at 80 columns lines are cut at the end, keeping the warnings', t => {
	const narrow = lines({width: 80});
	t.true(narrow.every(line => stringWidth(line) <= 80));
	t.regex(narrow[0] ?? '', /2 warnings {2}engine unix.*…$/);
});

test('a stack near its memory budget shows it in yellow', t => {
	const frame = render(<Header {...base} theme={createTheme({isColorEnabled: true})} stack={{...base.stack, budgetStatus: 'near'}} />).lastFrame() ?? '';
	t.regex(frame.split('\n')[1] ?? '', /\u001B\[33m[^\u001B]*512MiB \/ 1GiB/);
});

test('a header given new values shows them, also when only a field of its engine or stack objects changed', t => {
	const {rerender, lastFrame} = render(<Header {...base} />);
	rerender(<Header {...base} stack={{...base.stack, cpuPercent: 75}} />);
	t.regex(lastFrame() ?? '', /stack {2}cpu 75\.00% \//);
	rerender(<Header {...base} stack={{...base.stack, cpuPercent: 75}} engine={{...base.engine, status: 'lost', error: 'gone'}} />);
	t.notRegex(lastFrame() ?? '', /20\.10\.24$/m);
	rerender(<Header {...base} stack={{...base.stack, cpuPercent: 75}} engine={{...base.engine, status: 'lost', error: 'gone'}} now={base.now + 1000} />);
	t.regex(lastFrame() ?? '', /soak 01:02:04/);
});

test('header facts are equal when each value is the same or an object with the same values, and not otherwise', t => {
	t.true(haveEqualFacts(base, {...base, engine: {...base.engine}, stack: {...base.stack}}));
	t.false(haveEqualFacts(base, {...base, stack: {...base.stack, memoryBytes: 1}}));
	t.false(haveEqualFacts(base, {...base, now: base.now + 1}));
	t.false(haveEqualFacts(base, {...base, engine: {...base.engine, error: 'lost'}}));
	t.false(haveEqualFacts({...base, tunnelUrl: undefined}, {...base}));
	const {tunnelUrl: _, ...withoutTunnel} = base;
	t.false(haveEqualFacts(base, withoutTunnel));
});
