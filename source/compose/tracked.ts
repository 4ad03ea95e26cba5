import type {Location} from '../config/config-error.js';
import {isMapping, type Locate, type ValuePath} from './path.js';

/** Where a value came from: a path in one file. */
export type FileOrigin = {readonly kind: 'file'; readonly locate: Locate; readonly path: ValuePath};

/** A value built from several places (merged or reshaped): the origin of each child, and of itself. */
export type BuiltOrigin = {readonly kind: 'built'; readonly self: FileOrigin; readonly children: ReadonlyMap<string | number, Origin>};

export type Origin = FileOrigin | BuiltOrigin;

/** A value with the knowledge of where each part of it is written, so errors can point there after a merge. */
export type Tracked = {readonly value: unknown; readonly origin: Origin};

export function fileValue(value: unknown, locate: Locate): Tracked {
	return {value, origin: {kind: 'file', locate, path: []}};
}

export function selfOrigin(origin: Origin): FileOrigin {
	return origin.kind === 'file' ? origin : origin.self;
}

/** The child of a tracked mapping or list. */
export function child(tracked: Tracked, key: string | number): Tracked {
	const {value, origin} = tracked;
	const childValue = Array.isArray(value) ? value[key as number] : isMapping(value) ? value[key as string] : undefined;
	const childOrigin = origin.kind === 'file' ? {...origin, path: [...origin.path, key]} : (origin.children.get(key) ?? origin.self);
	return {value: childValue, origin: childOrigin};
}

export function entriesOf(tracked: Tracked): Array<[string, Tracked]> {
	return isMapping(tracked.value) ? Object.keys(tracked.value).map(key => [key, child(tracked, key)]) : [];
}

export function itemsOf(tracked: Tracked): Tracked[] {
	return Array.isArray(tracked.value) ? tracked.value.map((_, index) => child(tracked, index)) : [];
}

/** A mapping built from tracked entries; `self` is where the mapping as a whole is written. */
export function buildMapping(self: Origin, entries: ReadonlyArray<readonly [string, Tracked]>): Tracked {
	return {
		value: Object.fromEntries(entries.map(([key, item]) => [key, item.value])),
		origin: {kind: 'built', self: selfOrigin(self), children: new Map(entries.map(([key, item]) => [key, item.origin]))},
	};
}

export function buildList(self: Origin, items: readonly Tracked[]): Tracked {
	return {
		value: items.map(item => item.value),
		origin: {kind: 'built', self: selfOrigin(self), children: new Map(items.map((item, index) => [index, item.origin]))},
	};
}

/** Location of the value (or key) at `path` inside a tracked value. */
export function locateIn(origin: Origin, path: ValuePath, isKey = false): Location {
	let node = origin;
	for (const [index, segment] of path.entries()) {
		if (node.kind === 'file') {
			return node.locate([...node.path, ...path.slice(index)], isKey);
		}

		const next = node.children.get(segment);
		if (next === undefined) {
			return node.self.locate(node.self.path);
		}

		node = next;
	}

	const self = selfOrigin(node);
	return self.locate(self.path, isKey);
}
