import {useEffect, useReducer, useRef} from 'react';
import type {LogBuffer} from '../stack/log-buffer.js';
import type {FollowedContainer} from '../stack/log-follower.js';
import {type LogViewAction, type LogViewState, initialLogView, reduceLogView} from '../stack/log-view.js';
import {logPaneHeaderRows} from './log-pane.js';

/** Where lines come from: a LogFollower in the app, a buffer fed by hand in tests. */
export type LineSource = {
	readonly buffer: LogBuffer;
	/** Follows exactly these containers. */
	sync(containers: readonly FollowedContainer[]): void;
	/** Aborts every stream. */
	close(): void;
};

export type UseLogsOptions = {
	/** Makes the source for a new selection, e.g. `() => new LogFollower(docker)`. */
	readonly createSource: () => LineSource;
	/** The project's containers; those of the selected service are followed. */
	readonly containers: readonly FollowedContainer[];
	/** The service of the selected row; shown unless the view was toggled to all services. */
	readonly service: string | undefined;
	/** Rows of the whole pane, header included. */
	readonly height: number;
	/** Columns of the pane, for wrapping long lines; 80 unless given. */
	readonly width?: number;
	/** Shortest time between two renders caused by new lines. */
	readonly intervalMs?: number;
};

export type LogsHandle = {
	readonly state: LogViewState;
	/** The pane's actions (scrollUp, pageDown, togglePause, setSearch, nextMatch, …) for the keymap. */
	readonly dispatch: (action: LogViewAction) => void;
};

export const defaultIntervalMs = 100;

/**
 * Runs one line source for as long as the pane's owner is mounted (closed, aborting its
 * streams, on unmount) and keeps the log view state. The source follows the selected
 * service (or all services) and keeps what it read when the selection changes or the pane
 * closes, so coming back shows the same lines plus what is new, never the history again.
 * New lines re-render at most once per interval, however fast they arrive.
 */
export function useLogs(options: UseLogsOptions): LogsHandle {
	const {service, height, width = 80, containers, intervalMs = defaultIntervalMs} = options;
	const [state, dispatch] = useReducer(reduceLogView, undefined, () =>
		initialLogView(service, Math.max(1, height - logPaneHeaderRows), false, width),
	);
	// Read through refs: a new function or interval each render must not restart the streams.
	const createSource = useRef(options.createSource);
	createSource.current = options.createSource;
	const interval = useRef(intervalMs);
	interval.current = intervalMs;
	const source = useRef<LineSource | undefined>(undefined);
	const selected = state.service;
	const shown = useRef(selected);
	shown.current = selected;
	const schedule = useRef<() => void>(() => undefined);

	useEffect(() => {
		dispatch({type: 'selectService', service});
	}, [service]);

	useEffect(() => {
		dispatch({type: 'resized', height: height - logPaneHeaderRows, width});
	}, [height, width]);

	useEffect(() => {
		const current = createSource.current();
		source.current = current;
		let timer: NodeJS.Timeout | undefined;
		let lastFlush = 0;
		const flush = () => {
			timer = undefined;
			lastFlush = Date.now();
			const {buffer} = current;
			const lines = buffer.lines(shown.current);
			dispatch({type: 'linesChanged', service: shown.current, lines, dropped: buffer.dropped(shown.current), labels: buffer.labels});
		};

		schedule.current = () => {
			timer ??= setTimeout(flush, Math.max(0, lastFlush + interval.current - Date.now()));
		};

		const unsubscribe = current.buffer.subscribe(() => schedule.current());
		return () => {
			unsubscribe();
			clearTimeout(timer);
			current.close();
			source.current = undefined;
		};
	}, []);

	useEffect(() => {
		// The lines already read for this selection show at once.
		schedule.current();
	}, [selected]);

	useEffect(() => {
		source.current?.sync(selected === undefined ? containers : containers.filter(container => container.service === selected));
	}, [containers, selected]);

	return {state, dispatch};
}
