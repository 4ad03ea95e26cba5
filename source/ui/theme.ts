import type {Health} from '../engine/types.js';
import type {RowState} from '../stack/snapshot.js';

/** An ink color name, or undefined for the terminal's own color. */
export type Color = string | undefined;

/** Semantic colors: components ask for "an error" or "a running container", never for "red". */
export type Theme = {
	readonly isColorEnabled: boolean;
	/** Bold, inverse and underline are escape codes too: off under NO_COLOR so output stays plain. */
	readonly isStyled: boolean;
	readonly status: {readonly ok: Color; readonly warning: Color; readonly error: Color; readonly muted: Color};
	readonly state: Readonly<Record<RowState, Color>>;
	readonly health: Readonly<Record<Health, Color>>;
	readonly accent: Color;
	readonly selection: {
		readonly isInverse: boolean;
		/** Shown before the selected row in every mode, so plain captures show the selection too. */
		readonly marker: string;
	};
};

const colored: Theme = {
	isColorEnabled: true,
	isStyled: true,
	status: {ok: 'green', warning: 'yellow', error: 'red', muted: 'gray'},
	state: {
		created: 'gray',
		running: 'green',
		paused: 'yellow',
		restarting: 'yellow',
		removing: 'gray',
		exited: 'red',
		dead: 'red',
		removed: 'gray',
		missing: 'gray',
	},
	health: {none: 'gray', starting: 'yellow', healthy: 'green', unhealthy: 'red'},
	accent: 'cyan',
	selection: {isInverse: true, marker: '>'},
};

const plain: Theme = {
	isColorEnabled: false,
	isStyled: false,
	status: {ok: undefined, warning: undefined, error: undefined, muted: undefined},
	state: {
		created: undefined,
		running: undefined,
		paused: undefined,
		restarting: undefined,
		removing: undefined,
		exited: undefined,
		dead: undefined,
		removed: undefined,
		missing: undefined,
	},
	health: {none: undefined, starting: undefined, healthy: undefined, unhealthy: undefined},
	accent: undefined,
	selection: {isInverse: false, marker: '>'},
};

/** The colored theme, or the plain one where every color is undefined and nothing is styled. */
export function createTheme(options: {readonly isColorEnabled: boolean}): Theme {
	return options.isColorEnabled ? colored : plain;
}

/** True when colors are wanted: NO_COLOR (set and not empty, per no-color.org) or TERM=dumb turn them off. */
export function isColorWanted(environment: Readonly<Record<string, string | undefined>>): boolean {
	const noColor = environment['NO_COLOR'];
	return !(noColor !== undefined && noColor !== '') && environment['TERM'] !== 'dumb';
}

/** The theme for this process's environment; components take it as a prop defaulting to this. */
export const defaultTheme: Theme = createTheme({isColorEnabled: isColorWanted(process.env)});
