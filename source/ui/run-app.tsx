import process from 'node:process';
import {render} from 'ink';
import type {Profile} from '../profile/types.js';
import type {StackSession} from '../stack/session.js';
import {App} from './app.js';
import {copyToClipboard} from './clipboard.js';
import type {Keymap} from './keymap.js';
import {TerminalScreen} from './terminal.js';
import {createTheme, isColorWanted} from './theme.js';

export type RunAppOptions = {
	readonly session: StackSession;
	readonly profile: Profile;
	readonly engine: {readonly host: string; readonly version: string};
	readonly isReadOnly: boolean;
	/** The profile's active compose services, shown as `missing` rows until they have a container. */
	readonly serviceNames: readonly string[];
	readonly keymap: Keymap;
	/** `--record DIR`, shown in the header. */
	readonly recordPath?: string | undefined;
};

/** Runs the dashboard full-screen until the user quits or SIGTERM arrives; the terminal is always restored. */
export async function runApp(options: RunAppOptions): Promise<void> {
	const screen = new TerminalScreen(process.stdout, process.stdin);
	const restore = () => screen.restore();
	process.once('exit', restore);
	screen.enter();
	let quit = () => {};
	const shellEnvironment = {...process.env, DOCKER_HOST: options.engine.host};
	const theme = createTheme({isColorEnabled: isColorWanted(process.env)});
	const instance = render(
		<App
			session={options.session}
			profile={options.profile}
			engine={options.engine}
			isReadOnly={options.isReadOnly}
			serviceNames={options.serviceNames}
			keymap={options.keymap}
			recordPath={options.recordPath}
			theme={theme}
			onQuit={() => quit()}
			onCopy={text => copyToClipboard(text, process.stdout)}
			onShell={id => {
				const shell = 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi';
				const error = screen.runInteractive('docker', ['exec', '-it', id, 'sh', '-c', shell], shellEnvironment);
				instance.clear();
				options.session.say(error ?? 'back from the shell', error !== undefined);
			}}
		/>,
		{exitOnCtrlC: false, patchConsole: true, incrementalRendering: false},
	);
	quit = () => instance.unmount();
	const onTerminate = () => instance.unmount();
	process.once('SIGTERM', onTerminate);
	process.once('SIGHUP', onTerminate);
	try {
		await instance.waitUntilExit();
	} finally {
		process.off('SIGTERM', onTerminate);
		process.off('SIGHUP', onTerminate);
		restore();
		process.off('exit', restore);
	}
}
