import process from 'node:process';
import {render} from 'ink';
import type {Profile} from '../profile/types.js';
import type {StackSession} from '../stack/session.js';
import {App} from './app.js';
import {copyToClipboard, terminalCopyPorts} from './clipboard.js';
import {FrameWriter} from './frame-writer.js';
import {RawLines, RawLinesContext} from './raw-lines.js';
import {installOutputCache, loadInkOutput} from './ink-output-cache.js';
import type {Keymap} from './keymap.js';
import {containerShellArgs, TerminalScreen} from './terminal.js';
import {createTheme, isColorWanted} from './theme.js';
import {traceFromEnvironment, traceInput} from './trace.js';

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
	/** `--record DIR`, shown in the header. */
	readonly recordPath?: string | undefined;
};

/**
 * Runs the dashboard full-screen until the user quits or SIGTERM, SIGHUP or SIGINT arrives; the
 * terminal is always restored. Resolves with the signal that ended it, if one did.
 */
export async function runApp(options: RunAppOptions): Promise<NodeJS.Signals | undefined> {
	const uninstallOutputCache = installOutputCache(await loadInkOutput());
	const screen = new TerminalScreen(process.stdout, process.stdin);
	const trace = traceFromEnvironment(process.env);
	const stopTracingInput = trace === undefined ? () => {} : traceInput(process.stdin, trace);
	const rawLines = new RawLines();
	const writer = new FrameWriter(process.stdout, trace, rawLines);
	const restoreConsole = silenceConsole();
	const restore = () => {
		restoreConsole();
		screen.restore();
	};

	process.once('exit', restore);
	screen.enter();
	let quit = () => {};
	const shellEnvironment = {...process.env, DOCKER_HOST: options.engine.host};
	const theme = createTheme({isColorEnabled: isColorWanted(process.env)});
	const instance = render(
		<RawLinesContext.Provider value={rawLines}>
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
			onCopy={text => copyToClipboard(text, terminalCopyPorts(process.stdout))}
			onShell={id => {
				const [program = 'docker', ...global] = options.execCommand;
				const outcome = screen.runInteractive(program, [...global, ...containerShellArgs(id)], shellEnvironment);
				writer.redraw();
				options.session.say(outcome.text, outcome.isError);
			}}
		/>
		</RawLinesContext.Provider>,
		// debug: ink hands every render to the writer as one whole frame; the writer draws what changed.
		{stdout: writer as unknown as NodeJS.WriteStream, exitOnCtrlC: false, patchConsole: false, debug: true},
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
		writer.dispose();
		uninstallOutputCache();
		stopTracingInput();
		trace?.close();
	}

	return endedBy;
}

/** Console output would land in the middle of the frame: drop it while the dashboard owns the screen. */
function silenceConsole(): () => void {
	const names = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const saved = names.map(name => console[name]);
	for (const name of names) console[name] = () => {};
	return () => {
		for (const [index, name] of names.entries()) console[name] = saved[index]!;
	};
}
