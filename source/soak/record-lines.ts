import type {ContainerInfo, StatsSample} from '../engine/types.js';
import type {ContainerLine, SamplesLine} from './record-types.js';

/** The fields of a container a record keeps; a change of any is a new `container` line. */
export function containerLine(at: number, index: number, container: ContainerInfo): ContainerLine {
	return {
		type: 'container',
		at,
		index,
		id: container.id,
		name: container.name,
		service: container.service,
		state: container.state,
		health: container.health,
		startedAt: container.startedAt ?? null,
		exitCode: container.exitCode ?? null,
		restartCount: container.restartCount,
		isOomKilled: container.isOomKilled,
		...(container.healthFailures === undefined ? {} : {healthFailures: container.healthFailures}),
	};
}

/** True when the record's line for a container no longer says what it is. */
export function hasChanged(line: ContainerLine, container: ContainerInfo): boolean {
	return (
		line.state !== container.state ||
		line.health !== container.health ||
		line.startedAt !== (container.startedAt ?? null) ||
		line.exitCode !== (container.exitCode ?? null) ||
		line.restartCount !== container.restartCount ||
		line.isOomKilled !== container.isOomKilled ||
		line.healthFailures !== container.healthFailures ||
		line.name !== container.name
	);
}

/** The container a `container` line describes, as the stack model holds it. */
export function containerOf(line: ContainerLine, project: string): ContainerInfo {
	return {
		id: line.id,
		name: line.name,
		service: line.service,
		project,
		number: 1,
		image: '',
		state: line.state as ContainerInfo['state'],
		health: line.health,
		startedAt: line.startedAt ?? undefined,
		finishedAt: undefined,
		exitCode: line.exitCode ?? undefined,
		restartCount: line.restartCount,
		isOomKilled: line.isOomKilled,
		...(line.healthFailures === undefined ? {} : {healthFailures: line.healthFailures}),
		labels: {},
	};
}

/** Highest CPU % and memory per container within one sample window. */
export class SampleWindow {
	readonly #peaks = new Map<number, {cpu: number | null; memory: number}>();

	add(index: number, sample: Pick<StatsSample, 'cpuPercent' | 'memoryBytes'>): void {
		const peak = this.#peaks.get(index);
		const cpu = sample.cpuPercent ?? null;
		this.#peaks.set(index, {
			cpu: peak === undefined ? cpu : cpu === null ? peak.cpu : Math.max(peak.cpu ?? 0, cpu),
			memory: Math.max(peak?.memory ?? 0, sample.memoryBytes),
		});
	}

	get isEmpty(): boolean {
		return this.#peaks.size === 0;
	}

	/** The window as a line (CPU to 2 decimals, memory in KiB), and a fresh window. */
	take(at: number): SamplesLine {
		const values = [...this.#peaks].map(([index, peak]): [number, number | null, number] => [index, peak.cpu === null ? null : Math.round(peak.cpu * 100) / 100, Math.round(peak.memory / 1024)]);
		this.#peaks.clear();
		return {type: 'samples', at, values};
	}
}
