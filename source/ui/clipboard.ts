const escape = '\u001B';
const bell = '\u0007';

/** Anything that takes text, like process.stdout. */
export type Writable = {readonly write: (text: string) => unknown};

/**
 * The OSC 52 sequence that asks the terminal to put `text` on the system clipboard: works over
 * SSH, since the terminal, not this host, owns the clipboard. Ended by BEL, which more terminals
 * accept than ST.
 */
export function osc52(text: string): string {
	return `${escape}]52;c;${Buffer.from(text, 'utf8').toString('base64')}${bell}`;
}

/**
 * A sequence wrapped in tmux's passthrough DCS, so tmux hands it to the outer terminal instead of
 * swallowing it: every ESC inside is doubled. tmux 3.3+ needs `set -g allow-passthrough on`.
 */
export function tmuxPassthrough(sequence: string): string {
	return `${escape}Ptmux;${sequence.replaceAll(escape, escape + escape)}${escape}\\`;
}

/** The sequence to write for this environment: wrapped for tmux when $TMUX is set. */
export function clipboardSequence(text: string, environment: Readonly<Record<string, string | undefined>> = process.env): string {
	const sequence = osc52(text);
	const tmux = environment['TMUX'];
	return tmux === undefined || tmux === '' ? sequence : tmuxPassthrough(sequence);
}

/** Copies `text` to the clipboard through the terminal. It prints nothing, so ink's frame stays intact. */
export function copyToClipboard(text: string, stdout: Writable, environment: Readonly<Record<string, string | undefined>> = process.env): void {
	stdout.write(clipboardSequence(text, environment));
}
