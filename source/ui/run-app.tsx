import process from 'node:process';
import {render} from 'ink';
import type {Profile} from '../profile/types.js';
import type {StackSession} from '../stack/session.js';
import {App} from './app.js';
import {copyToClipboard, terminalCopyPorts} from './clipboard.js';
import type {Keymap} from './keymap.js';
import {containerShellArgs, TerminalScreen} from './terminal.js';
import {createTheme, isColorWanted} from './theme.js';

export type RunAppOptions = {
	readonly session: StackSession;
	readonly profile: Profile;
	readonly engine: {readonly host: string; readonly version: string};
	/** The client that runs `exec -it` against this engine (docker --host …, or podman --url …). */
	readonly execCommand: readonly string[];
	readonly isReadOnly: boolean;
	/** The profile's active compose services, shown as `missing` rows until they have a container. */
	readonly serviceNames: readonly string[];
	readonly keymap: Keymap;
};

/**
 * Runs the dashboard full-screen until the user quits or SIGTERM, SIGHUP or SIGINT arrives; the
 * terminal is always restored. Resolves with the signal that ended it, if one did.
 */
export async function runApp(options: RunAppOptions): Promise<NodeJS.Signals | undefined> {
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
			theme={theme}
			onQuit={() => quit()}
			onCopy={text => copyToClipboard(text, terminalCopyPorts(process.stdout))}
			onShell={id => {
				const [program = 'docker', ...global] = options.execCommand;
				const outcome = screen.runInteractive(program, [...global, ...containerShellArgs(id)], shellEnvironment);
				instance.clear();
				options.session.say(outcome.text, outcome.isError);
			}}
		/>,
		{exitOnCtrlC: false, patchConsole: true, incrementalRendering: false},
	);
	quit = () => instance.unmount();
	let endedBy: NodeJS.Signals | undefined;
	const onSignal = (signal: NodeJS.Signals) => {
		endedBy = signal;
		instance.unmount();
	};

	const signals: NodeJS.Signals[] = ['SIGTERM', 'SIGHUP', 'SIGINT'];
	for (const signal of signals) process.once(signal, onSignal);
	try {
		await instance.waitUntilExit();
	} finally {
		for (const signal of signals) process.off(signal, onSignal);
		restore();
		process.off('exit', restore);
	}

	return endedBy;
}
