import {EventEmitter} from 'node:events';
import {changedLineCount, diffFrame} from './frame-diff.js';
import type {RawLines} from './raw-lines.js';
import type {Trace} from './trace.js';

const clearScreen = '\u001B[2J';

/**
 * The stream ink renders into (with `debug: true`, every render writes one whole frame). It keeps the
 * last frame and writes only the lines that changed to the real terminal, at absolute positions inside
 * synchronized output — in the alternate screen there is no anchor to lose, unlike ink's own
 * incremental writer (LIBRARIES.md). Size and resize come from the real terminal.
 */
export class FrameWriter extends EventEmitter {
	readonly isTTY = true;
	/** What is on the screen: ink's last frame with the raw regions laid over it. */
	#lines: string[] = [];
	#inkLines: string[] = [];
	#isCleared = true;
	readonly #stopListening: () => void;

	constructor(
		private readonly terminal: NodeJS.WriteStream,
		private readonly trace?: Trace,
		private readonly rawLines?: RawLines,
	) {
		super();
		terminal.on('resize', this.#onResize);
		this.#stopListening = rawLines?.subscribe(() => this.#draw()) ?? (() => {});
	}

	get columns(): number {
		return this.terminal.columns;
	}

	get rows(): number {
		return this.terminal.rows;
	}

	/** ink writes a frame: lines joined with \n, each already trimmed at its end. */
	write(frame: string): boolean {
		// ink's own eraser writes '' here on a narrowing resize: not a frame.
		if (frame === '') return true;
		this.#inkLines = frame.split('\n');
		this.#draw();
		return true;
	}

	/** The screen was wiped (back from a shell): draw the whole last frame again. */
	redraw(): void {
		this.#isCleared = true;
		this.#draw();
	}

	/** Stops following the terminal's size and the raw regions. */
	dispose(): void {
		this.terminal.off('resize', this.#onResize);
		this.#stopListening();
	}

	#draw(): void {
		const lines = this.rawLines === undefined ? this.#inkLines : this.rawLines.overlay(this.#inkLines);
		const previous = this.#isCleared ? [] : this.#lines;
		const output = diffFrame(previous, lines, this.rows);
		this.#lines = lines;
		if (output === '') return;
		this.trace?.frame(changedLineCount(previous, lines));
		this.terminal.write((this.#isCleared ? clearScreen : '') + output);
		this.#isCleared = false;
	}

	readonly #onResize = () => {
		// The terminal reflows what is on screen: start from a clear screen.
		this.#isCleared = true;
		this.emit('resize');
	};
}
