import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {missingServiceStatus} from '../../source/stack/snapshot.js';
import {ServicesTable, type ServicesTableProps} from '../../source/ui/table/services-table.js';
import {createTheme} from '../../source/ui/theme.js';
import {manyRows, mebibyte, tableRow} from './rows-fixture.js';

const plain = createTheme({isColorEnabled: false});

function frame(props: Partial<ServicesTableProps> & Pick<ServicesTableProps, 'rows'>): string[] {
	const {lastFrame} = render(<ServicesTable width={80} height={12} theme={plain} {...props} />);
	return (lastFrame() ?? '').split('\n');
}

function lineOf(lines: readonly string[], text: string): string {
	return lines.find(line => line.includes(text)) ?? '';
}

test('a row shows the service, state, health, uptime, CPU, memory against its budget, and budget status', t => {
	const lines = frame({rows: [tableRow({service: 'web'}, {memoryBudgetBytes: 256 * mebibyte, budgetStatus: 'ok'})]});
	t.regex(lines[0] ?? '', /SERVICE↓?\s+STATE\s+HEALTH\s+UPTIME\s+CPU %\s+MEMORY\s+BUDGET/);
	t.regex(lineOf(lines, 'web'), /web\s+running\s+✓ healthy\s+1h02m\s+12\.50%\s+179\.4MiB \/ 256MiB\s+ok/);
});

test('at 80 columns low-priority columns drop and no line is wider than the terminal', t => {
	const rows = [tableRow({service: 'web', restarts: 4}, {ports: ['8080→80/tcp'], cpuHistory: [0, 50, 100], cpuScale: 100})];
	const narrow = frame({rows, width: 80});
	t.false(narrow.some(line => /RESTARTS|PORTS/.test(line)));
	t.false(narrow.some(line => line.includes('8080')));
	t.true(narrow.every(line => stringWidth(line) <= 80));
	const wide = frame({rows, width: 100});
	t.regex(wide[0] ?? '', /RESTARTS/);
	t.regex(lineOf(wide, 'web'), /▁▅█/);
});

test('each sparkline sits right after its number under a title naming it; a flat or small series draws low bars', t => {
	const flat = Array.from({length: 4}, () => 316 * 1024);
	const small = [0.13, 0.1, 0.13, 0.12];
	const rows = [tableRow({service: 'idle', cpuPercent: 0.13, memoryBytes: 316 * 1024}, {cpuHistory: small, cpuScale: 100, memoryHistory: flat, memoryScale: 23.54 * 1024 ** 3})];
	const lines = frame({rows, width: 160});
	t.regex(lines[0] ?? '', /CPU % CPU 5min\s+MEMORY MEM 5min/);
	t.regex(lineOf(lines, 'idle'), /0\.13% ▁▁▁▁\s+316KiB \/ 512MiB ▁▁▁▁\s/);
	const header = lines[0] ?? '';
	const row = lineOf(lines, 'idle');
	t.is(row.indexOf('▁'), header.indexOf('CPU 5min'), 'the CPU sparkline starts under its title');
	t.is(row.lastIndexOf(' ▁▁▁▁') + 1, header.indexOf('MEM 5min'), 'the memory sparkline starts under its title');
});

test('a budget shows as the profile wrote it, the used memory in the same unit system', t => {
	const rows = [
		tableRow({service: 'db', memoryBytes: 40.39 * mebibyte}, {memoryBudgetBytes: 200e6, memoryBudgetText: '200MB', budgetStatus: 'ok'}),
		tableRow({service: 'web', memoryBytes: 40.39 * mebibyte}, {memoryBudgetBytes: 256 * mebibyte, memoryBudgetText: '256MiB', budgetStatus: 'ok'}),
	];
	const lines = frame({rows, width: 100});
	t.regex(lineOf(lines, 'db'), /42\.35MB \/ 200MB/);
	t.regex(lineOf(lines, 'web'), /40\.39MiB \/ 256MiB/);
});

test('an OOM-killed or crashed row says so in red, with every restart counted', t => {
	const rows = [
		tableRow({service: 'hog', state: 'exited', exitCode: 137, isOomKilled: true, cpuPercent: null, memoryBytes: null, uptimeSeconds: null}),
		tableRow({service: 'loop', state: 'restarting', exitCode: 137, isOomKilled: true, restarts: 7, health: 'none', cpuPercent: null, memoryBytes: null, uptimeSeconds: null}),
		tableRow({service: 'crash', state: 'exited', exitCode: 137, cpuPercent: null, memoryBytes: null, uptimeSeconds: null}),
		tableRow({service: 'child', hasOomKill: true}),
	];
	const lines = frame({rows, width: 160});
	t.regex(lineOf(lines, 'hog'), /hog\s+OOM killed\s/);
	t.regex(lineOf(lines, 'loop'), /loop\s+restarting \(OOM\)\s+-\s+-\s+7\s/);
	t.regex(lineOf(lines, 'crash'), /crash\s+exited \(137\)\s/);
	t.regex(lineOf(lines, 'child'), /child\s+running \(OOM\)\s/);
	const colored = (render(<ServicesTable rows={rows} width={160} height={8} theme={createTheme({isColorEnabled: true})} />).lastFrame() ?? '').split('\n');
	t.regex(lineOf(colored, 'hog'), /\u001B\[31m ?OOM killed/, 'in red');
	t.regex(lineOf(colored, 'child'), /\u001B\[31m ?running \(OOM\)/, 'in red');
});

test('a pending action, an exit code and scaled replicas read as such', t => {
	const lines = frame({
		rows: [
			tableRow({service: 'worker', replica: 1, state: 'exited', exitCode: 137, health: 'none', cpuPercent: null, memoryBytes: null, uptimeSeconds: null}),
			tableRow({service: 'worker', replica: 2}, {pendingAction: 'restarting'}),
			tableRow({service: 'web'}),
		],
	});
	t.regex(lineOf(lines, 'worker #1'), /worker #1\s+exited \(137\)\s+-\s+-\s+-\s+-/);
	t.regex(lineOf(lines, 'worker #2'), /restarting…/);
	t.regex(lineOf(lines, 'web'), /^\s+web\s+running/);
});

test('a service without a container reads missing, muted, with - in every number column, and can be selected', t => {
	const missing = {status: missingServiceStatus('web')};
	const rows = [tableRow({service: 'api'}), missing];
	const lines = frame({rows, width: 100, selectedId: missing.status.id});
	t.regex(lineOf(lines, 'web'), /^> web\s+missing\s+-\s+-\s+-\s+-\s+-\s+-\s*$/);
	t.regex(lineOf(lines, 'api'), /^\s+api\s+running/);
	const colored = render(<ServicesTable rows={rows} width={100} height={5} theme={createTheme({isColorEnabled: true})} />).lastFrame() ?? '';
	t.true(lineOf(colored.split('\n'), 'web').includes('\u001B[90m missing'), 'the state word is gray');
});

test('only the rows that fit are rendered, with a position line', t => {
	const lines = frame({rows: manyRows(40), height: 10});
	t.is(lines.filter(line => line.includes('service-')).length, 8);
	t.regex(lines.at(-1) ?? '', /1–8 of 40/);
});

test('the window follows the selection down and back up, scrolling as little as needed', t => {
	const rows = manyRows(40);
	const {lastFrame, rerender} = render(<ServicesTable rows={rows} width={80} height={10} selectedId="id-service-25-1" theme={plain} />);
	const selected = (): string => (lastFrame() ?? '').split('\n').find(line => line.startsWith('>')) ?? '';
	t.regex(selected(), /service-25/);
	t.regex(lastFrame() ?? '', /19–26 of 40/);
	rerender(<ServicesTable rows={rows} width={80} height={10} selectedId="id-service-26-1" theme={plain} />);
	t.regex(lastFrame() ?? '', /20–27 of 40/);
	rerender(<ServicesTable rows={rows} width={80} height={10} selectedId="id-service-24-1" theme={plain} />);
	t.regex(lastFrame() ?? '', /20–27 of 40/, 'a selection still in view does not scroll');
	rerender(<ServicesTable rows={rows} width={80} height={10} selectedId="id-service-03-1" theme={plain} />);
	t.regex(selected(), /service-03/);
	t.regex(lastFrame() ?? '', /4–11 of 40/);
	t.notRegex(lastFrame() ?? '', /service-25/);
});

test('sorting by CPU puts the busiest first; unknown values go last', t => {
	const rows = [
		tableRow({service: 'idle', cpuPercent: 0.5}),
		tableRow({service: 'stopped', cpuPercent: null}),
		tableRow({service: 'busy', cpuPercent: 90}),
	];
	const order = frame({rows, sortKey: 'cpu'})
		.slice(1)
		.map(line => line.trim().split(/\s+/)[0]);
	t.deepEqual(order, ['busy', 'idle', 'stopped']);
	t.regex(frame({rows, sortKey: 'cpu'})[0] ?? '', /CPU %↓/);
});

test('the filter keeps matching rows and says when nothing matches', t => {
	const rows = [tableRow({service: 'web'}), tableRow({service: 'worker'}), tableRow({service: 'db', image: 'postgres:16'})];
	const filtered = frame({rows, filterText: 'POSTGRES'});
	t.true(filtered.some(line => /^\s+db\s/.test(line)));
	t.false(filtered.some(line => /web|worker/.test(line)));
	t.regex(frame({rows, filterText: 'zzz'}).join('\n'), /no service matches "zzz"/);
});

test('wide characters keep the columns aligned', t => {
	const lines = frame({rows: [tableRow({service: 'web'}), tableRow({service: 'データベース'})]});
	const column = (line: string): number => stringWidth(line.slice(0, line.indexOf('running')));
	t.is(column(lineOf(lines, 'データベース')), column(lineOf(lines, 'web')));
});

test('new values update the row in place', t => {
	const {lastFrame, rerender} = render(<ServicesTable rows={[tableRow({service: 'web', cpuPercent: 1})]} width={80} height={5} theme={plain} />);
	t.regex(lastFrame() ?? '', /1\.00%/);
	rerender(<ServicesTable rows={[tableRow({service: 'web', cpuPercent: 42})]} width={80} height={5} theme={plain} />);
	t.regex(lastFrame() ?? '', /42\.00%/);
	t.notRegex(lastFrame() ?? '', /1\.00%/);
});

test('columns are sized to their content: SERVICE no wider than the longest name, PORTS whole when there is room', t => {
	const ports = ['14080→8080', '14443→8443', '127.0.0.2:5432→5432', '9000→9000/udp'];
	const rows = [tableRow({service: 'db'}, {ports}), tableRow({service: 'api'})];
	const lines = frame({rows, width: 170});
	const title = lines[0] ?? '';
	t.is(title.indexOf('STATE') - title.indexOf('SERVICE'), 'SERVICE↓ '.length, 'SERVICE as wide as its title, the names being shorter');
	t.true(lineOf(lines, 'db').includes(ports.join(', ')), 'every port shows');
});
