import type Docker from 'dockerode';
import {Backoff, sleep} from './backoff.js';
import {capabilitiesOf} from './capabilities.js';
import {isNotFound} from './containers.js';
import {parseEvent} from './events.js';
import {LineSplitter} from './line-splitter.js';
import {LogLineDecoder, toNanoseconds} from './log-lines.js';
import {SeenLines} from './seen-lines.js';
import type {LogLine} from './types.js';

export type FollowLogsOptions = {
	readonly signal: AbortSignal;
	/** Lines of history to start with; all when undefined. */
	readonly tail?: number;
	/**
	 * What an earlier follow of this container delivered: a follow that resumes with it starts
	 * after those lines (at most `tail` of them), so a pane reopened never repeats or loses one.
	 */
	readonly seen?: SeenLines;
};

type Stream = NodeJS.ReadableStream & {destroy(): void};

/**
 * Follows a container's output across restarts until the signal aborts or the container
 * is removed. The engine ends a follow stream when its container stops, so the stream is
 * reopened on the next start with `since` = the last line's time; lines at that time
 * that were already delivered are dropped, so nothing is lost or repeated.
 */
export async function* followLogs(docker: Docker, id: string, options: FollowLogsOptions): AsyncGenerator<LogLine> {
	const {signal} = options;
	const container = docker.getContainer(id);
	const seen = options.seen ?? new SeenLines();
	const backoff = new Backoff(250, 5000);
	let isFirst = true;
	while (!signal.aborted) {
		try {
			const before = await container.inspect({abortSignal: signal});
			const tail = isFirst ? options.tail : undefined;
			const since = seen.since();
			// Left out when unset: Podman rejects an empty `since`.
			const stream = (await container.logs({
				follow: true,
				stdout: true,
				stderr: true,
				timestamps: true,
				...(tail === undefined ? {} : {tail}),
				...(since === undefined ? {} : {since}),
				abortSignal: signal,
			})) as Stream;
			isFirst = false;
			seen.beginStream();
			yield* readLines(stream, new LogLineDecoder(id, before.Config.Tty), seen, signal);
			if (signal.aborted) {
				return;
			}

			const after = await container.inspect({abortSignal: signal});
			if (after.State.Running && after.State.StartedAt === before.State.StartedAt) {
				await sleep(backoff.next(), signal); // Stream lost while running: reopen.
			} else if (!after.State.Running && !(await waitForStart(docker, id, after.State.FinishedAt, signal))) {
				return;
			}
		} catch (error) {
			if (isNotFound(error) || signal.aborted) {
				return;
			}

			await sleep(backoff.next(), signal);
		}
	}
}

async function* readLines(
	stream: Stream,
	decoder: LogLineDecoder,
	seen: SeenLines,
	signal: AbortSignal,
): AsyncGenerator<LogLine> {
	const destroy = () => stream.destroy();
	signal.addEventListener('abort', destroy, {once: true});
	try {
		for await (const chunk of stream) {
			for (const line of decoder.push(chunk as Buffer)) {
				if (seen.accept(line)) {
					yield line;
				}
			}
		}

		for (const line of decoder.flush()) {
			if (seen.accept(line)) {
				yield line;
			}
		}
	} catch (error) {
		if (!signal.aborted) {
			throw error;
		}
	} finally {
		signal.removeEventListener('abort', destroy);
		destroy();
	}
}

/** Waits for the container's next start after `finishedAt`; false when it is removed instead. */
async function waitForStart(docker: Docker, id: string, finishedAt: string, signal: AbortSignal): Promise<boolean> {
	const after = toNanoseconds(finishedAt);
	// An engine whose container filter drops a removed container's events is asked for all, filtered below.
	const {hasReliableEventFilters} = await capabilitiesOf(docker, signal);
	const type: Array<'container'> = ['container'];
	const stream = (await docker.getEvents({
		since: Number(after / 1_000_000_000n),
		filters: hasReliableEventFilters ? {type, container: [id], event: ['start', 'destroy']} : {type},
		abortSignal: signal,
	})) as unknown as Stream;
	const splitter = new LineSplitter();
	try {
		for await (const chunk of stream) {
			for (const event of splitter.push(chunk as Buffer).map(parseEvent)) {
				if (event?.id !== id) {
					continue;
				}

				if (event.action === 'destroy') {
					return false;
				}

				if (event.action === 'start' && event.timeNano > after) {
					return true;
				}
			}
		}
	} catch (error) {
		if (!signal.aborted) {
			throw error;
		}
	} finally {
		stream.destroy();
	}

	if (!signal.aborted) {
		throw new Error('the engine closed the events stream');
	}

	return false;
}
