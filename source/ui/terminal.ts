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
		this.output.write(showCursor + leaveAlternateScreen);
	}

	/**
	 * Hands the terminal to an interactive command (a shell in a container) and takes it back.
	 * The event loop waits meanwhile, so nothing else reads the keyboard.
	 */
	runInteractive(command: string, args: readonly string[], environment: NodeJS.ProcessEnv): string | undefined {
		this.output.write(showCursor + leaveAlternateScreen);
		if (this.input.isTTY) this.input.setRawMode(false);
		const result = spawnSync(command, [...args], {stdio: 'inherit', env: environment});
		if (this.input.isTTY) this.input.setRawMode(true);
		this.output.write(enterAlternateScreen);
		if (result.error !== undefined) {
			const code = (result.error as NodeJS.ErrnoException).code;
			return code === 'ENOENT' ? `${command} is not on PATH: the shell key needs the docker CLI` : result.error.message;
		}

		return result.status === 0 || result.status === 130 ? undefined : `${command} exited with code ${result.status ?? result.signal}`;
	}
}
