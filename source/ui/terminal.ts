import {spawnSync} from 'node:child_process';

// The frame writer draws at absolute rows and never shows the cursor.
const enterAlternateScreen = '\u001B[?1049h\u001B[2J\u001B[H\u001B[?25l';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

type Output = NodeJS.WriteStream;
type Input = NodeJS.ReadStream;

/**
 * The full-screen terminal mode. `restore` is safe to call more than once and from an
 * exit handler, so the terminal comes back on q, Ctrl-C, SIGTERM and on a crash alike.
 */
export class TerminalScreen {
	#isActive = false;

	constructor(
		private readonly output: Output,
		private readonly input: Input,
	) {}

	enter(): void {
		this.output.write(enterAlternateScreen);
		this.#isActive = true;
	}

	restore(): void {
		if (!this.#isActive) return;
		this.#isActive = false;
		if (this.input.isTTY) this.input.setRawMode(false);
		// Stop reading the terminal: what the user types while stacktui winds down is the shell's.
		this.input.pause();
		this.output.write(showCursor + leaveAlternateScreen);
	}

	/**
	 * Hands the terminal to an interactive command (a shell in a container) and takes it back.
	 * The event loop waits meanwhile, so nothing else reads the keyboard.
	 */
	runInteractive(command: string, args: readonly string[], environment: NodeJS.ProcessEnv): ShellOutcome {
		this.output.write(showCursor + leaveAlternateScreen);
		if (this.input.isTTY) this.input.setRawMode(false);
		const result = spawnSync(command, [...args], {stdio: 'inherit', env: environment});
		if (this.input.isTTY) this.input.setRawMode(true);
		this.output.write(enterAlternateScreen);
		return shellOutcome(command, result.status, result.signal, result.error as NodeJS.ErrnoException | undefined);
	}
}

/**
 * `docker exec` arguments for an interactive shell in a container: bash when it has one, else sh.
 * The wrapper exits 0 when the shell ends, whatever its last command returned, so a non-zero
 * status is docker's own failure (container not running, no shell), never the user's `false`.
 */
export function containerShellArgs(containerId: string): string[] {
	const shell = 'if command -v bash >/dev/null 2>&1; then bash; else sh; fi; exit 0';
	return ['exec', '-it', containerId, 'sh', '-c', shell];
}

/** What the status line says after the shell. */
export type ShellOutcome = {readonly text: string; readonly isError: boolean};

export function shellOutcome(command: string, status: number | null, signal: NodeJS.Signals | null, error?: NodeJS.ErrnoException): ShellOutcome {
	if (error !== undefined) {
		return {text: error.code === 'ENOENT' ? `${command} is not on PATH: the shell key needs the docker CLI` : error.message, isError: true};
	}

	if (status === 0 || status === 130) return {text: 'back from the shell', isError: false};
	return {text: `the shell could not run: ${command} exited with ${status ?? signal ?? 'an unknown status'}`, isError: true};
}
