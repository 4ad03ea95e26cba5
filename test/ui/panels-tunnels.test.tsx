import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import type {TunnelStatus} from '../../source/stack/tunnels/types.js';
import {selectedTunnelUrl, TunnelsPanel, type TunnelsPanelProps} from '../../source/ui/panels/tunnels-panel.js';
import {createTheme} from '../../source/ui/theme.js';
import {tunnels} from './panels-fixtures.js';

const plain = createTheme({isColorEnabled: false});
const colored = createTheme({isColorEnabled: true});

function lines(overrides: Partial<TunnelsPanelProps> = {}): string[] {
	const props: TunnelsPanelProps = {tunnels, selectedIndex: 0, width: 80, height: 12, theme: plain, ...overrides};
	return (render(<TunnelsPanel {...props} />).lastFrame() ?? '').split('\n').map(line => line.trimEnd());
}

test('a row per tunnel: provider, service, status, public URL, upstream; the reason under those not online', t => {
	t.deepEqual(lines().slice(0, 7), [
		'Tunnels (3)  c copies the selected URL',
		'  PROVIDER    SERVICE     STATUS  PUBLIC URL               UPSTREAM',
		'> ngrok       ngrok       online  https://c0ffee.ngrok.app http://web:80',
		'  cloudflared cloudflared waiting -                        http://web:80',
		'              ↳ the agent is not up yet',
		'  log         web         error   -                        -',
		'              ↳ pattern did not match',
	]);
});

test('the selected tunnel is marked, and it is the one whose URL is copied', t => {
	const frame = lines({selectedIndex: 1});
	t.regex(frame[3] ?? '', /^> cloudflared/);
	t.regex(frame[2] ?? '', /^ {2}ngrok/);
	t.is(selectedTunnelUrl(tunnels, 0), 'https://c0ffee.ngrok.app');
	t.is(selectedTunnelUrl(tunnels, 1), undefined, 'a waiting tunnel has nothing to copy');
	t.regex(lines({copyKey: 'y'})[0] ?? '', /y copies the selected URL/);
});

test('online is green, waiting yellow, error red, with its reason', t => {
	const frame = lines({theme: colored});
	t.regex(frame[2] ?? '', /\u001B\[32monline/);
	t.regex(frame[3] ?? '', /\u001B\[33mwaiting/);
	t.regex(frame[5] ?? '', /\u001B\[31merror/);
	t.regex(frame[6] ?? '', /\u001B\[31mpattern did not match/);
	t.regex(frame[2] ?? '', /\u001B\[7m/, 'the selected row is inverse');
});

test('a profile without tunnels says so and how to add one', t => {
	const frame = lines({tunnels: []}).join('\n');
	t.regex(frame, /^Tunnels \(0\)\nThis profile has no tunnels\.\nAdd one under tunnels: in the profile file/);
	t.regex(frame, /- provider: ngrok/);
});

test('at 80 columns a long URL stays whole: the upstream and provider columns go first', t => {
	const long: TunnelStatus = {...tunnels[0]!, publicUrl: 'https://a-rather-long-subdomain-1234.trycloudflare.com'};
	const frame = lines({tunnels: [long]});
	t.true(frame.every(line => stringWidth(line) <= 80));
	t.regex(frame[1] ?? '', /^ {2}SERVICE STATUS  PUBLIC URL$/, 'provider and upstream dropped');
	t.regex(frame[2] ?? '', /online {2}https:\/\/a-rather-long-subdomain-1234\.trycloudflare\.com$/);
	t.regex(lines({tunnels: [long], width: 120})[2] ?? '', /trycloudflare\.com http:\/\/web:80$/);
});

test('escape sequences in a URL or reason taken from a log are stripped', t => {
	const hostile: TunnelStatus[] = [
		{...tunnels[0]!, publicUrl: 'https://\u001B[31mred.ngrok.app'},
		{...tunnels[2]!, reason: 'bad \u001B[1mthing\u0007'},
	];
	const frame = lines({tunnels: hostile}).join('\n');
	t.false(frame.includes('\u001B'));
	t.regex(frame, /online {2}https:\/\/red\.ngrok\.app/);
	t.regex(frame, /↳ bad thing/);
});

test('with more tunnels than fit, the selected one is scrolled into view', t => {
	const many = Array.from({length: 20}, (_, index): TunnelStatus => ({...tunnels[0]!, service: `agent${index}`}));
	const frame = lines({tunnels: many, selectedIndex: 15, height: 8});
	t.is(frame.length, 8);
	t.regex(frame[6] ?? '', /^> ngrok {4}agent15 /);
	t.is(frame[7]?.trim(), '12–17 of 21');
});
