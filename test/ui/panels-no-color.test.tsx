import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import {DetailsPanel} from '../../source/ui/panels/details-panel.js';
import {TunnelsPanel} from '../../source/ui/panels/tunnels-panel.js';
import {WarningsPanel} from '../../source/ui/panels/warnings-panel.js';
import {createTheme, type Theme} from '../../source/ui/theme.js';
import {budgets, details, envSecrets, links, now, tunnels} from './panels-fixtures.js';

const panels = {
	details: (theme: Theme) => <DetailsPanel details={details} service="web" links={links} secrets={envSecrets} width={100} height={40} theme={theme} />,
	tunnels: (theme: Theme) => <TunnelsPanel tunnels={tunnels} selectedIndex={0} width={100} height={10} theme={theme} />,
	warnings: (theme: Theme) => <WarningsPanel budgets={budgets} now={now} selectedIndex={0} width={100} height={20} theme={theme} />,
};

for (const [name, panel] of Object.entries(panels)) {
	test(`${name}: colored with colors on, no escape code at all under NO_COLOR, the selection still marked`, t => {
		const colored = render(panel(createTheme({isColorEnabled: true}))).lastFrame() ?? '';
		t.true(colored.includes('\u001B['), 'colors are on in this test, so the plain check below can fail');
		const plain = render(panel(createTheme({isColorEnabled: false}))).lastFrame() ?? '';
		t.false(plain.includes('\u001B'), JSON.stringify(plain.split('\n').find(line => line.includes('\u001B'))));
		if (name !== 'details') t.true(plain.split('\n').some(line => line.startsWith('> ')));
	});
}
