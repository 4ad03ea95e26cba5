import {execFile} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {promisify} from 'node:util';

const run = promisify(execFile);

/**
 * A real terminal for end-to-end tests: a tmux server of the test's own (its own socket,
 * so a user's sessions are never touched), driven with send-keys and read with capture-pane.
 */
export class TmuxTerminal {
	readonly socket = `stt-${randomBytes(4).toString('hex')}`;
	readonly session = 'main';

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {}

	/** Starts a shell in the terminal; `environment` is exported into it. */
	async start(environment: Record<string, string> = {}): Promise<void> {
		const exports = Object.entries(environment).map(([key, value]) => `export ${key}='${value.replaceAll("'", "'\\''")}';`);
		await this.#tmux('new-session', '-d', '-s', this.session, '-x', String(this.columns), '-y', String(this.rows), 'bash --norc --noprofile');
		await this.#tmux('set-option', '-t', this.session, 'status', 'off');
		await this.type(`${exports.join(' ')} export PS1='$ '; clear`);
		await this.enter();
	}

	/** Types text literally. */
	async type(text: string): Promise<void> {
		await this.#tmux('send-keys', '-t', this.session, '-l', text);
	}

	/** Sends key names as tmux knows them: Enter, Escape, Up, C-c, q. */
	async keys(...names: string[]): Promise<void> {
		await this.#tmux('send-keys', '-t', this.session, ...names);
	}

	async enter(): Promise<void> {
		await this.keys('Enter');
	}

	/** The visible screen as text, one line per row. */
	async screen(): Promise<string> {
		const {stdout} = await this.#tmux('capture-pane', '-p', '-t', this.session);
		return stdout;
	}

	/** A tmux format value of the pane, e.g. #{alternate_on}, #{cursor_flag}. */
	async paneValue(format: string): Promise<string> {
		const {stdout} = await this.#tmux('display-message', '-p', '-t', this.session, format);
		return stdout.trim();
	}

	/** Waits until the screen satisfies the test; returns that screen, or throws with the last one seen. */
	async waitFor(test: RegExp | ((screen: string) => boolean), timeoutMs: number, what: string): Promise<string> {
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = await this.screen();
			if (typeof test === 'function' ? test(screen) : test.test(screen)) return screen;
			await new Promise(resolve => setTimeout(resolve, 100));
		}

		throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; screen:\n${screen}`);
	}

	/** Resizes the terminal, as a user dragging the window would. */
	async resize(columns: number, rows: number): Promise<void> {
		await this.#tmux('resize-window', '-t', this.session, '-x', String(columns), '-y', String(rows));
	}

	/** Sends a signal to the programs the terminal's shell is running (not to the shell itself). */
	async signalForeground(signal: NodeJS.Signals): Promise<number> {
		const shell = await this.paneValue('#{pane_pid}');
		const {stdout} = await run('pgrep', ['-P', shell]).catch(() => ({stdout: ''}));
		const pids = stdout.split('\n').filter(Boolean).map(Number);
		for (const pid of pids) process.kill(pid, signal);
		return pids.length;
	}

	/** The programs the terminal's shell is running now. */
	async foregroundCount(): Promise<number> {
		const shell = await this.paneValue('#{pane_pid}');
		const {stdout} = await run('pgrep', ['-P', shell]).catch(() => ({stdout: ''}));
		return stdout.split('\n').filter(Boolean).length;
	}

	/** The newest tmux paste buffer: what a copy into tmux put there. */
	async showBuffer(): Promise<string> {
		const {stdout} = await this.#tmux('show-buffer');
		return stdout;
	}

	async stop(): Promise<void> {
		await this.#tmux('kill-server').catch(() => undefined);
	}

	async #tmux(...args: string[]): Promise<{stdout: string}> {
		return run('tmux', ['-L', this.socket, ...args]);
	}
}
