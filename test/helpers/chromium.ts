import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {PNG} from 'pngjs';

const run = promisify(execFile);

export type Box = {readonly x: number; readonly y: number; readonly width: number; readonly height: number};

/**
 * Headless Chromium (Debian's package) on a page file: a fresh profile per call, no network
 * services of its own (no QUIC, sync, component updates or background fetches).
 */
export class HeadlessChromium {
	constructor(
		readonly binary: string,
		readonly width = 1280,
		readonly height = 1800,
	) {}

	/** The DOM once the page's scripts ran, and what the browser logged (console errors included). */
	async dumpDom(file: string): Promise<{dom: string; log: string}> {
		const {stdout, stderr} = await this.#run(['--dump-dom', '--enable-logging=stderr', '--v=0', pathToUrl(file)]);
		return {dom: stdout, log: stderr};
	}

	/** A screenshot of the page at the window size, decoded. */
	async screenshot(file: string, output: string): Promise<PNG> {
		await this.#run([`--screenshot=${output}`, pathToUrl(file)]);
		return PNG.sync.read(readFileSync(output));
	}

	async #run(args: readonly string[]): Promise<{stdout: string; stderr: string}> {
		const profile = mkdtempSync(path.join(tmpdir(), 'stt-chromium-'));
		try {
			return await run(
				this.binary,
				[
					'--headless',
					'--no-sandbox',
					'--disable-gpu',
					'--disable-quic',
					'--no-first-run',
					'--disable-background-networking',
					'--disable-component-update',
					'--disable-sync',
					`--user-data-dir=${profile}`,
					'--hide-scrollbars',
					`--window-size=${this.width},${this.height}`,
					// Lets the page's scripts finish before the DOM or the pixels are taken.
					'--virtual-time-budget=10000',
					...args,
				],
				{timeout: 120_000, maxBuffer: 64 * 1024 * 1024},
			);
		} finally {
			rmSync(profile, {recursive: true, force: true});
		}
	}
}

function pathToUrl(file: string): string {
	return new URL(`file://${path.resolve(file)}`).href;
}

/** Pixels inside `box` whose colour is within `tolerance` of `rgb` on every channel. */
export function countColour(png: PNG, box: Box, rgb: readonly [number, number, number], tolerance = 0): number {
	let count = 0;
	for (let y = Math.max(0, box.y); y < Math.min(png.height, box.y + box.height); y++) {
		for (let x = Math.max(0, box.x); x < Math.min(png.width, box.x + box.width); x++) {
			const offset = (y * png.width + x) * 4;
			if (rgb.every((channel, index) => Math.abs((png.data[offset + index] ?? 0) - channel) <= tolerance)) count++;
		}
	}

	return count;
}

/** How many distinct colours `box` holds: 1 for a blank area. */
export function distinctColours(png: PNG, box: Box): number {
	const colours = new Set<number>();
	for (let y = Math.max(0, box.y); y < Math.min(png.height, box.y + box.height); y++) {
		for (let x = Math.max(0, box.x); x < Math.min(png.width, box.x + box.width); x++) {
			const offset = (y * png.width + x) * 4;
			colours.add(((png.data[offset] ?? 0) << 16) | ((png.data[offset + 1] ?? 0) << 8) | (png.data[offset + 2] ?? 0));
		}
	}

	return colours.size;
}
