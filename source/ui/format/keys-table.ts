import type {Binding, Keymap, Scope} from '../keymap.js';
import {scopes} from '../keymap.js';
import {keyLabel} from './key-label.js';

/** Section titles of the help overlay and the readme table. */
export const scopeTitles: Readonly<Record<Scope, string>> = {
	global: 'Everywhere',
	table: 'Services table',
	logs: 'Log pane',
	panel: 'Panels',
};

export type KeySection = {readonly scope: Scope; readonly title: string; readonly bindings: readonly Binding[]};

/** Bindings grouped by scope, in scope order; empty scopes left out. */
export function keySections(keymap: Keymap): KeySection[] {
	return scopes
		.map(scope => ({scope, title: scopeTitles[scope], bindings: keymap.filter(binding => binding.scope === scope)}))
		.filter(section => section.bindings.length > 0);
}

/** What a binding does, with its confirmation noted: `Stop the service (asks first)`. */
export function actionText(binding: Binding): string {
	return binding.needsConfirm ? `${binding.description} (asks first)` : binding.description;
}

export const keysStartMarker = '<!-- keys:start -->';
export const keysEndMarker = '<!-- keys:end -->';

/** The readme's keys table, markers included; `npx tsx scripts/keymap-table.ts` prints it. */
export function formatKeysMarkdown(keymap: Keymap): string {
	const rows = keySections(keymap).flatMap(section =>
		section.bindings.map(binding => {
			const keys = binding.keys.map(name => `\`${keyLabel(name).replaceAll('|', '\\|')}\``).join(' ');
			const action = actionText(binding) + (binding.isDangerous ? ' ⚠' : '');
			return `| ${keys} | ${section.title} | ${action} |`;
		}),
	);
	return [
		keysStartMarker,
		'| Keys | Where | Action |',
		'| --- | --- | --- |',
		...rows,
		'',
		'⚠ changes containers; disabled by `--read-only`. Keys can be rebound in `~/.config/stacktui/keys.yaml` (`$XDG_CONFIG_HOME/stacktui/keys.yaml`), e.g. `stop: X` or `quit: [q, ctrl+q]`.',
		keysEndMarker,
	].join('\n');
}

/** Sections packed into columns of at most `height` lines (title + bindings, a blank line between sections). */
export function packSections(sections: readonly KeySection[], height: number): KeySection[][] {
	const columns: KeySection[][] = [];
	let used = Number.POSITIVE_INFINITY;
	let current: KeySection[] = [];
	for (const section of sections) {
		const lines = 1 + section.bindings.length;
		if (current.length > 0 && used + 1 + lines <= height) {
			current.push(section);
			used += 1 + lines;
		} else {
			current = [section];
			columns.push(current);
			used = lines;
		}
	}

	return columns;
}
