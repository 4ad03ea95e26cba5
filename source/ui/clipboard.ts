import {spawnSync} from 'node:child_process';

const escape = '\u001B';
const bell = '\u0007';

/** Anything that takes text, like process.stdout. */
export type Writable = {readonly write: (text: string) => unknown};

type Environment = Readonly<Record<string, string | undefined>>;

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
 * swallowing it: every ESC inside is doubled. tmux 3.3+ drops it unless `allow-passthrough` is on.
 */
export function tmuxPassthrough(sequence: string): string {
	return `${escape}Ptmux;${sequence.replaceAll(escape, escape + escape)}${escape}\\`;
}

/** tmux's answers to `show -gv set-clipboard` and `show -gv allow-passthrough`; undefined when it did not answer. */
export type TmuxClipboardOptions = {readonly setClipboard: string | undefined; readonly allowPassthrough: string | undefined};

/** One way of copying, in the order they are tried. */
export type CopyRoute =
	| {readonly type: 'sequence'; readonly sequence: 'plain' | 'passthrough'}
	| {readonly type: 'tmux-buffer'}
	| {readonly type: 'none'; readonly reason: string};

/**
 * How to copy in this terminal. Outside tmux: OSC 52 straight to the terminal. Inside tmux, a
 * plain OSC 52 makes a buffer only with `set-clipboard on` (the default, `external`, ignores it);
 * otherwise `tmux load-buffer -w -` puts the text in a buffer and asks tmux to set the outer
 * terminal's clipboard as well; the passthrough-wrapped sequence works only with `allow-passthrough`.
 */
export function copyRoutes(environment: Environment, tmux: TmuxClipboardOptions | undefined): CopyRoute[] {
	if (!isInTmux(environment)) {
		const term = environment['TERM'] ?? '';
		return term === 'dumb' || term === 'linux' ? [{type: 'none', reason: `this terminal (TERM=${term}) has no clipboard sequence`}] : [{type: 'sequence', sequence: 'plain'}];
	}

	const routes: CopyRoute[] = [];
	if (tmux?.setClipboard === 'on') routes.push({type: 'sequence', sequence: 'plain'});
	routes.push({type: 'tmux-buffer'});
	if (tmux?.allowPassthrough === 'on' || tmux?.allowPassthrough === 'all') routes.push({type: 'sequence', sequence: 'passthrough'});
	routes.push({type: 'none', reason: 'tmux took neither the text nor the clipboard sequence (try: tmux set -g set-clipboard on)'});
	return routes;
}

export function isInTmux(environment: Environment): boolean {
	const tmux = environment['TMUX'];
	return tmux !== undefined && tmux !== '';
}

/** What the status line says after `c`. */
export type CopyResult = {readonly isCopied: boolean; readonly message: string};

/** How copying reaches the outside: the terminal's output and the tmux command. */
export type CopyPorts = {
	readonly output: Writable;
	/** Runs tmux with arguments and stdin; its exit code and stdout, or undefined when tmux could not run. */
	readonly tmux: (args: readonly string[], input?: string) => {readonly status: number | null; readonly stdout: string} | undefined;
};

/** Copies `text` by the first route that works, and says how, or why it could not. Prints nothing else, so ink's frame stays intact. */
export function copyToClipboard(text: string, ports: CopyPorts, environment: Environment = process.env): CopyResult {
	const tmux = isInTmux(environment) ? readTmuxOptions(ports) : undefined;
	for (const route of copyRoutes(environment, tmux)) {
		switch (route.type) {
			case 'sequence': {
				ports.output.write(route.sequence === 'plain' ? osc52(text) : tmuxPassthrough(osc52(text)));
				return {isCopied: true, message: `copied ${text}${route.sequence === 'plain' && tmux === undefined ? ' (through the terminal, OSC 52)' : ''}`};
			}

			case 'tmux-buffer': {
				// -w also sets the outer terminal's clipboard (tmux 3.2+); older tmux knows only the buffer.
				if (ports.tmux(['load-buffer', '-w', '-'], text)?.status === 0 || ports.tmux(['load-buffer', '-'], text)?.status === 0) {
					return {isCopied: true, message: `copied ${text} (tmux buffer)`};
				}

				break;
			}

			case 'none': {
				return {isCopied: false, message: `cannot copy ${text}: ${route.reason}`};
			}
		}
	}

	return {isCopied: false, message: `cannot copy ${text}`};
}

function readTmuxOptions(ports: CopyPorts): TmuxClipboardOptions {
	const value = (name: string) => {
		const result = ports.tmux(['show', '-gv', name]);
		return result?.status === 0 ? result.stdout.trim() : undefined;
	};

	return {setClipboard: value('set-clipboard'), allowPassthrough: value('allow-passthrough')};
}

/** The real ports: stdout and the tmux on PATH (a short synchronous call: it runs on a key press). */
export function terminalCopyPorts(output: Writable): CopyPorts {
	return {
		output,
		tmux(args, input) {
			const result = spawnSync('tmux', [...args], {input, encoding: 'utf8', timeout: 2000, stdio: ['pipe', 'pipe', 'ignore']});
			return result.error === undefined ? {status: result.status, stdout: result.stdout} : undefined;
		},
	};
}
