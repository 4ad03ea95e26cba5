import type {DOMElement} from 'ink';
import {createContext} from 'react';

/** Lines drawn straight to the terminal over a region ink leaves blank, at a row of the screen. */
export type RawRegion = {readonly top: number; readonly lines: readonly string[]};

/**
 * Regions of the screen a component draws itself, bypassing ink's per-cell text pipeline (for the
 * services table: most of the screen, changing every refresh). ink lays out an empty box of the same
 * height; the frame writer lays these lines over ink's frame and redraws when they change.
 */
export class RawLines {
	readonly #regions = new Map<string, RawRegion>();
	readonly #listeners = new Set<() => void>();

	set(id: string, region: RawRegion): void {
		const old = this.#regions.get(id);
		if (old?.top === region.top && old.lines.length === region.lines.length && old.lines.every((line, index) => line === region.lines[index])) return;
		this.#regions.set(id, region);
		this.#changed();
	}

	delete(id: string): void {
		if (this.#regions.delete(id)) this.#changed();
	}

	/** ink's frame lines with every region laid over them. */
	overlay(frame: readonly string[]): string[] {
		const lines = [...frame];
		for (const {top, lines: region} of this.#regions.values()) {
			for (const [index, line] of region.entries()) {
				while (lines.length <= top + index) lines.push('');
				lines[top + index] = line;
			}
		}

		return lines;
	}

	subscribe(listener: () => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#changed(): void {
		for (const listener of this.#listeners) listener();
	}
}

/** Present when the app runs on a real terminal with the frame writer; absent in component tests. */
export const RawLinesContext = createContext<RawLines | undefined>(undefined);

/** The row of the screen where an element starts, from ink's layout (valid in a layout effect). */
export function screenTop(element: DOMElement): number {
	let top = 0;
	for (let node: DOMElement | undefined = element; node !== undefined; node = node.parentNode) top += node.yogaNode?.getComputedTop() ?? 0;
	return Math.round(top);
}
