import type {ContainerInfo} from '../engine/types.js';
import type {ContainerRun, ServiceHealth} from './run-facts.js';

/** Times kept for sliding windows (restarts): enough for any crash loop a window can hold. */
const maximumTimes = 1000;

/** A span a service was planned to be down: from stacktui's stop until it is up again after its start. */
type Planned = {readonly downAt: number; upAt: number | undefined};

/** One service's history over a run; see RunFacts. */
export class ServiceFacts {
	health: ServiceHealth = 'missing';
	running = 0;
	containers = 0;
	/** Starts of a container seen running before. */
	restarts = 0;
	/** Times of exits stacktui did not ask for (the restarts budget counts these), newest last. */
	readonly unexpectedExits: number[] = [];
	unexpectedExitCount = 0;
	readonly oomTimes: number[] = [];
	readonly firstTry = {runs: 0, passed: 0};
	/** Time to healthy of the latest observed run, and the longest. */
	startupMs: number | undefined;
	longestStartupMs: number | undefined;
	/** Uptime: from its first healthy moment on, planned downtime left out. */
	healthyMs = 0;
	observedMs = 0;
	isEverUp = false;
	planned: Planned | undefined;

	constructor(readonly name: string) {}

	get isUp(): boolean {
		return this.health === 'healthy' || this.health === 'running';
	}

	get uptimeRatio(): number | undefined {
		return this.observedMs === 0 ? (this.isEverUp ? 1 : undefined) : this.healthyMs / this.observedMs;
	}

	/** Books the time from `since` to `now` on the health it had. */
	book(since: number, now: number): void {
		if (!this.isEverUp || this.planned !== undefined || now <= since) return;
		this.observedMs += now - since;
		if (this.isUp) this.healthyMs += now - since;
	}

	plannedDown(at: number): void {
		this.planned = {downAt: at, upAt: undefined};
	}

	plannedUp(at: number): void {
		if (this.planned === undefined) this.planned = {downAt: at, upAt: at};
		else this.planned.upAt = at;
	}

	started(_run: ContainerRun, isRestart: boolean): void {
		if (isRestart) this.restarts++;
	}

	exited(run: ContainerRun, now: number): void {
		run.isRunning = false;
		if (this.planned !== undefined) return;
		this.unexpectedExitCount++;
		this.unexpectedExits.push(now);
		if (this.unexpectedExits.length > maximumTimes) this.unexpectedExits.shift();
	}

	oomKilled(now: number): void {
		this.oomTimes.push(now);
		if (this.oomTimes.length > maximumTimes) this.oomTimes.shift();
	}

	/** Unexpected exits within `windowMs` before `now`. */
	exitsWithin(windowMs: number, now: number): number {
		return this.unexpectedExits.filter(at => at > now - windowMs).length;
	}

	/** Time to healthy and health on the first try of one run. */
	observeHealth(run: ContainerRun, container: ContainerInfo, now: number): void {
		if (!run.isRunning || run.healthyAt !== undefined) return;
		if (container.health === 'unhealthy' && run.isObserved && run.firstTry === undefined) {
			run.firstTry = 'failed';
			this.firstTry.runs++;
		}

		if (container.health !== 'healthy' && container.health !== 'none') return;
		run.healthyAt = container.health === 'none' ? run.startedAt : now;
		if (!run.isObserved) return;
		const startupMs = Math.max(0, run.healthyAt - run.startedAt);
		this.startupMs = startupMs;
		this.longestStartupMs = Math.max(this.longestStartupMs ?? 0, startupMs);
		if (container.health === 'healthy' && run.firstTry === undefined) {
			run.firstTry = (container.healthFailures ?? 0) === 0 ? 'passed' : 'failed';
			this.firstTry.runs++;
			if (run.firstTry === 'passed') this.firstTry.passed++;
		}
	}

	/** Health, counts and the end of planned downtime, from the service's containers now. */
	settle(containers: readonly ContainerInfo[], _now: number, _isExpected: boolean): void {
		this.containers = containers.length;
		this.running = containers.filter(container => container.state === 'running').length;
		this.health = healthOf(containers);
		if (this.isUp) {
			this.isEverUp = true;
			if (this.planned?.upAt !== undefined) this.planned = undefined;
		}
	}
}

/** The worst of a service's containers, as one word. */
export function healthOf(containers: readonly ContainerInfo[]): ServiceHealth {
	if (containers.length === 0) return 'missing';
	const running = containers.filter(container => container.state === 'running');
	if (running.length === 0) return 'down';
	if (running.length < containers.length || running.some(container => container.health === 'unhealthy')) return 'unhealthy';
	if (running.some(container => container.health === 'starting')) return 'starting';
	return running.every(container => container.health === 'none') ? 'running' : 'healthy';
}
