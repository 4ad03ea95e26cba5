import {setTimeout as delay} from 'node:timers/promises';
import {render} from 'ink-testing-library';
import type {ContainerInfo} from '../../source/engine/types.js';
import type {StackSession} from '../../source/stack/session.js';
import {App} from '../../source/ui/app.js';
import {createTheme} from '../../source/ui/theme.js';
import {FakeSession, fakeProfile} from './fake-session.js';

/** The dashboard on a fake session; `outside` records quit, shell and copy. */
export function renderDashboard(containers: readonly ContainerInfo[], serviceNames?: readonly string[]) {
	const session = new FakeSession(containers);
	const outside: string[] = [];
	const app = render(
		<App
			session={session as unknown as StackSession}
			profile={fakeProfile}
			engine={{host: 'unix:///var/run/docker.sock', version: '27.0.0'}}
			isReadOnly={false}
			serviceNames={serviceNames}
			theme={createTheme({isColorEnabled: false})}
			onQuit={() => outside.push('quit')}
			onShell={id => outside.push(`shell ${id}`)}
			onCopy={text => {
				outside.push(`copy ${text}`);
				return {isCopied: true, message: `copied ${text}`};
			}}
		/>,
	);
	const frame = () => app.lastFrame() ?? '';
	return {session, outside, frame, ...app};
}

/** Polls until `test` holds (a loaded machine renders late), then lets a little more time pass for anything extra to show. */
export async function settle(test: () => boolean): Promise<void> {
	const deadline = Date.now() + 5000;
	while (!test() && Date.now() < deadline) await delay(10);
	await delay(50);
}

/** The service of the row marked `>`. */
export function selectedRow(frame: string | undefined): string {
	return (frame ?? '').split('\n').find(line => line.startsWith('> '))?.slice(2).trim().split(/\s+/)[0] ?? '';
}
