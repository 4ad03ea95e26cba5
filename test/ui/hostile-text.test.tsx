import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {initialBudgetState} from '../../source/stack/budget-types.js';
import {initialAppState} from '../../source/ui/app-state.js';
import {Header} from '../../source/ui/header.js';
import {DetailsPanel} from '../../source/ui/panels/details-panel.js';
import {TunnelsPanel} from '../../source/ui/panels/tunnels-panel.js';
import {WarningsPanel} from '../../source/ui/panels/warnings-panel.js';
import {StatusLine} from '../../source/ui/status-line.js';
import {ServicesTable} from '../../source/ui/table/services-table.js';
import {createTheme} from '../../source/ui/theme.js';
import {details, envSecrets} from './panels-fixtures.js';
import {tableRow} from './rows-fixture.js';

/** Under the plain theme ink writes no escape of its own: any ESC, C1 or bidi control in a frame came from the data. */
const plain = createTheme({isColorEnabled: false});
const unsafe = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const hostile = '\u001B]52;c;cHduZWQ=\u0007\u001B]0;pwned\u0007\u009B2J\u202Eevil\u2066';

function clean(t: import('ava').ExecutionContext, frame: string, what: string) {
	const match = unsafe.exec(frame);
	t.is(match, null, `${what}: U+${match?.[0].codePointAt(0)?.toString(16)} in ${JSON.stringify(frame)}`);
	t.false(frame.includes('pwned'), `${what}: the sequence's payload is gone too`);
}

test('the header: a profile name, an engine error and a tunnel URL from files and the network', t => {
	const {lastFrame} = render(
		<Header
			width={120}
			theme={plain}
			profileName={`shop${hostile}`}
			engine={{host: `tcp://x${hostile}`, status: 'lost', error: `refused${hostile}`}}
			stack={{cpuPercent: null, memoryBytes: null}}
			startedAt={0}
			now={0}
			warningCount={0}
			tunnelUrl={`https://x${hostile}`}
		/>,
	);
	clean(t, lastFrame() ?? '', 'header');
	t.regex(lastFrame() ?? '', /shop\uFFFDevil\uFFFD/);
});

test('the services table: a service, container and image name, ports from engine labels', t => {
	const rows = [tableRow({service: `web${hostile}`, container: `c${hostile}`, image: `i${hostile}`}, {ports: [`80${hostile}`]})];
	const frame = render(<ServicesTable rows={rows} width={160} height={5} theme={plain} />).lastFrame() ?? '';
	clean(t, frame, 'table');
	t.true(frame.split('\n').every(line => stringWidth(line) <= 160), 'widths measured on what is shown');
});

test('details, tunnels and warnings panels, and the status line', t => {
	const detailsFrame = render(
		<DetailsPanel details={{...details, name: `shop${hostile}`, image: {name: `nginx${hostile}`, id: 'x'}}} service={`web${hostile}`} links={{}} secrets={envSecrets} width={120} height={60} theme={plain} />,
	).lastFrame();
	clean(t, detailsFrame ?? '', 'details');
	t.regex(detailsFrame ?? '', /Image {7}nginx\uFFFDevil\uFFFD {2}x$/m, 'the character after a bidi control is kept');

	const tunnels = render(
		<TunnelsPanel
			tunnels={[{provider: 'log', service: `web${hostile}`, publicUrl: `https://a${hostile}`, upstream: `u${hostile}`, status: 'error', reason: `bad${hostile}`}]}
			selectedIndex={0}
			width={120}
			height={10}
			theme={plain}
		/>,
	).lastFrame();
	clean(t, tunnels ?? '', 'tunnels');

	const incidents = [{id: 1, kind: 'crashed' as const, service: `web${hostile}`, container: `c${hostile}`, containerId: 'x', exitCode: 1, at: 0}];
	const warnings = render(<WarningsPanel budgets={initialBudgetState()} incidents={incidents} now={0} selectedIndex={0} width={140} height={10} theme={plain} />).lastFrame();
	clean(t, warnings ?? '', 'warnings');

	const status = render(<StatusLine state={initialAppState} message={{text: `restart failed: ${hostile}`, isError: true, at: Date.now()}} engineError={undefined} width={120} theme={plain} />).lastFrame();
	clean(t, status ?? '', 'status line');
});
