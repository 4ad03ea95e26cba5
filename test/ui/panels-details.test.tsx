import './force-color.js';
import test from 'ava';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {DetailsPanel, type DetailsPanelProps, detailsLineCount} from '../../source/ui/panels/details-panel.js';
import {maxScrollOffset} from '../../source/ui/panels/panel-lines.js';
import {createTheme} from '../../source/ui/theme.js';
import {details, envSecrets, links, secrets} from './panels-fixtures.js';

process.env.TZ = 'UTC';
const plain = createTheme({isColorEnabled: false});

function frame(overrides: Partial<DetailsPanelProps> = {}): string {
	const props: DetailsPanelProps = {details, service: 'web', links, secrets: envSecrets, width: 100, height: 60, theme: plain, ...overrides};
	return render(<DetailsPanel {...props} />).lastFrame() ?? '';
}

function lineOf(text: string, needle: string): string {
	return text.split('\n').find(line => line.includes(needle)) ?? '';
}

test('image, command, state, ports, networks, mounts and limits read as the engine reported them', t => {
	const text = frame();
	t.regex(lineOf(text, 'Details'), /^Details: web {2}shop-web-1 db200e293829/);
	t.regex(lineOf(text, 'Image'), /^Image {7}nginx:1\.25 {2}13ebcabe63a8$/);
	t.regex(lineOf(text, 'Entrypoint'), /^Entrypoint {2}\/docker-entrypoint\.sh$/);
	t.regex(lineOf(text, 'Command'), /^Command {5}nginx -g "daemon off;"$/);
	t.regex(lineOf(text, 'State'), /^State {7}running · started 2026-01-01 10:00:00 · restarts 3 · policy on-failure:5$/);
	t.regex(lineOf(text, 'Ports'), /^Ports {7}127\.0\.0\.1:8080→80\/tcp, 443\/tcp$/);
	t.regex(lineOf(text, 'Networks'), /^Networks {4}shop_default {2}172\.18\.0\.3 {2}aliases web$/);
	t.regex(lineOf(text, 'Mounts'), /^Mounts {6}volume shop_data → \/data \(read-only\)$/);
	t.regex(lineOf(text, 'Limits'), /^Limits {6}memory 256MiB · cpus 0\.5 · pids 100$/);
	t.regex(lineOf(text, 'org.example.team'), /^ {2}org\.example\.team {2}storefront$/);
});

test('an exited container shows its exit code, finish time and out-of-memory kill', t => {
	const text = frame({details: {...details, state: 'exited', exitCode: 137, isOomKilled: true, finishedAt: '2026-01-01T11:00:00Z'}, width: 140});
	t.regex(lineOf(text, 'State'), /^State {7}exited · started .* · finished 2026-01-01 11:00:00 · exit code 137 \(out of memory\) · restarts 3/);
});

test('health shows the status and the last five checks, newest first, escapes stripped from their output', t => {
	const text = frame();
	t.regex(lineOf(text, 'Health'), /^Health {6}✗ unhealthy {2}last 5 checks, newest first$/);
	const checks = text.split('\n').filter(line => /^ {12}\d\d:\d\d:\d\d {2}exit/.test(line));
	t.deepEqual(checks.map(line => line.trim()), [
		'10:00:06  exit 1  curl: (7) connection refused',
		'10:00:05  exit 0  check 5 ok',
		'10:00:04  exit 0  check 4 ok',
		'10:00:03  exit 0  check 3 ok',
		'10:00:02  exit 0  check 2 ok',
	]);
	t.false(text.includes('\u001B'), 'no escape code from the container reaches the terminal');
});

test('a container without healthcheck says so', t => {
	t.regex(lineOf(frame({details: {...details, health: 'none', healthLog: []}}), 'Health'), /^Health {6}no healthcheck$/);
});

test('secret values never appear: .env keys and values, secret-looking keys, URL passwords, the link', t => {
	const text = frame();
	for (const secret of Object.values(secrets)) t.false(text.includes(secret), `${secret} is shown`);
	t.regex(lineOf(text, 'SHOP_CODE'), /SHOP_CODE {5}••••••$/);
	t.regex(lineOf(text, 'DB_PASSWORD'), /DB_PASSWORD {3}••••••$/);
	t.regex(lineOf(text, 'DATABASE_URL'), /postgres:\/\/shop:••••••@db:5432\/shop$/);
	t.regex(lineOf(text, 'JAVA_OPTS'), /-Dshop\.code=•••••• -Xmx1g$/);
	t.regex(lineOf(text, 'Links'), /^Links {7}postgresql:\/\/shop:••••••@localhost:5432\/shop$/);
	t.regex(lineOf(text, 'PATH'), /PATH {10}\/usr\/local\/bin:\/usr\/bin$/, 'other values stay readable');
});

test('without the .env secrets, a value only the .env file marks as secret is shown', t => {
	// The counterpart of the masking test: it proves the mask comes from the .env secrets.
	t.true(frame({secrets: {secretKeys: [], secretValues: []}}).includes(secrets.envValue));
});

test('a secret inside the command is masked too', t => {
	const text = frame({details: {...details, command: ['app', `--code=${secrets.envValue}`, '--db', `mysql://root:${secrets.urlPassword}@db`]}});
	t.regex(lineOf(text, 'Command'), /^Command {5}app --code=•••••• --db mysql:\/\/root:••••••@db$/);
});

test('escape sequences in environment values are stripped', t => {
	t.regex(lineOf(frame(), 'GREETING'), /GREETING {6}hello world$/);
});

test('a service without a link in the profile says so', t => {
	t.regex(lineOf(frame({service: 'web', links: {}}), 'Links'), /^Links {7}none in the profile$/);
});

test('loading until the details arrive', t => {
	t.deepEqual(frame({details: undefined, height: 4}).split('\n').map(line => line.trimEnd()), ['Details: web', 'loading…', '', '']);
});

test('taller than its height, it shows a window from the scroll offset and where it is', t => {
	const total = detailsLineCount(details, 'web', links, envSecrets);
	const lines = frame({height: 8, scrollOffset: 2}).split('\n');
	t.is(lines.length, 8);
	t.regex(lines[1] ?? '', /^Command /, 'two lines scrolled past: Image and Entrypoint');
	t.is(lines[7]?.trim(), `3–8 of ${total}`);
	const end = frame({height: 8, scrollOffset: 1000}).split('\n');
	t.is(end[7]?.trim(), `${total - 5}–${total} of ${total}`, 'an offset past the end is clamped');
	t.is(maxScrollOffset(total, 8), total - 6);
	t.regex(end[6] ?? '', /org\.example\.team/, 'the last line is the last label');
});

test('lines are cut to the width', t => {
	const lines = frame({width: 40}).split('\n');
	t.true(lines.every(line => stringWidth(line) <= 40));
	t.regex(lineOf(lines.join('\n'), 'State'), /…$/);
});
