import type Docker from 'dockerode';
import {Backoff, sleep} from './backoff.js';
import type {EngineCapabilities, StatsSource} from './capabilities.js';
import {LibpodSampler, type LibpodStatsLine, openLibpodStats} from './libpod-stats.js';
import {NdjsonParser} from './ndjson.js';
import {type StatsPayload, toStatsSample} from './stats-math.js';
import type {ContainerStatsSource} from './stats-source.js';
import type {StatsSample} from './types.js';

type Stream = NodeJS.ReadableStream & {destroy(): void};

/**
 * One stats stream per running container: the engine sends a sample about once a
 * second, and only the latest is kept. A stream is opened when its container is
 * wanted and destroyed when it is not, so no socket outlives its container. Which stream
 * (Docker's, or Podman's own at one reading a second) the engine's capabilities say.
 */
export class StatsPool implements ContainerStatsSource {
	readonly #controllers = new Map<string, AbortController>();
	#isClosed = false;
	#source: StatsSource | undefined;
	#wanted: string[] = [];

	constructor(
		private readonly docker: Docker,
		private readonly onSample: (id: string, sample: StatsSample) => void,
		capabilities?: EngineCapabilities,
	) {
		this.#source = capabilities?.statsSource;
	}

	/** Sets the engine's stats source once known; streams open only then. */
	use(capabilities: EngineCapabilities): void {
		this.#source = capabilities.statsSource;
		this.sync(this.#wanted);
	}

	/** Opens streams for the given running containers and closes all others. */
	sync(runningIds: Iterable<string>): void {
		this.#wanted = [...runningIds];
		// An engine without container stats (or not asked yet) gets no streams.
		const wanted = new Set(this.#source === undefined || this.#source === 'none' ? [] : this.#wanted);
		for (const [id, controller] of this.#controllers) {
			if (!wanted.has(id)) {
				controller.abort();
				this.#controllers.delete(id);
			}
		}

		for (const id of wanted) {
			if (!this.#isClosed && !this.#controllers.has(id)) {
				const controller = new AbortController();
				this.#controllers.set(id, controller);
				void this.#follow(id, controller.signal);
			}
		}
	}

	/** Ids whose stream is open or being opened. */
	get openIds(): string[] {
		return [...this.#controllers.keys()];
	}

	get apiIds(): string[] {
		return this.openIds;
	}

	close(): void {
		this.#isClosed = true;
		this.sync([]);
	}

	/** Reads one container's stream; reopens after a lost connection while still wanted. */
	async #follow(id: string, signal: AbortSignal): Promise<void> {
		const backoff = new Backoff(500, 5000);
		while (!signal.aborted) {
			try {
				if (this.#source === 'libpod-stream') {
					const sampler = new LibpodSampler();
					await this.#read(id, (await openLibpodStats(this.docker, id, signal)) as Stream, signal, payload => sampler.push(payload as LibpodStatsLine));
				} else {
					const stream = (await this.docker.getContainer(id).stats({stream: true, abortSignal: signal} as {
						stream: true;
					})) as Stream;
					await this.#read(id, stream, signal, payload => toStatsSample(payload as StatsPayload));
				}

				backoff.reset();
			} catch {
				// Gone or unreachable: the owner syncs again on the next event or reconnect.
			}

			await sleep(backoff.next(), signal);
		}
	}

	async #read(id: string, stream: Stream, signal: AbortSignal, toSample: (payload: unknown) => StatsSample | undefined): Promise<void> {
		const parser = new NdjsonParser();
		const destroy = () => stream.destroy();
		signal.addEventListener('abort', destroy, {once: true});
		try {
			for await (const chunk of stream) {
				for (const payload of parser.push(chunk as Buffer)) {
					const sample = signal.aborted ? undefined : toSample(payload);
					if (sample !== undefined) {
						this.onSample(id, sample);
					}
				}
			}
		} finally {
			signal.removeEventListener('abort', destroy);
			destroy();
		}
	}
}
