import type {Budget, Budgets, ProbeDefinition, StepDefinition} from '../profile/types.js';
import type {BudgetKind, BudgetSpec, BudgetUnit, SubjectKind} from './budget-spec.js';

/** A budget to evaluate: its spec plus what the evaluator needs to compute it. */
export type PlannedBudget = BudgetSpec & {
	/** restarts: the sliding window; leak: the slope's window. */
	readonly windowMs?: number;
	/** leak: time after a start left out. */
	readonly warmupMs?: number;
	/** probe-latency: which percentile. */
	readonly percentile?: 'p50' | 'p95' | 'p99';
	/** recovery: the step's index. */
	readonly step?: number;
	/** recovery: the service the step takes down. */
	readonly service?: string;
};

/** A recovery without a startup budget must be healthy within this. */
export const defaultRecoveryMs = 60_000;

export type PlanInput = {
	readonly budgets: Budgets;
	readonly probes?: readonly ProbeDefinition[];
	readonly steps?: readonly StepDefinition[];
	/** Services every-service budgets (startup, uptime, …) apply to: the compose services expected to run. */
	readonly services: readonly string[];
};

/** Every budget of a profile, in report order: stack, services by name, host, probes, steps. */
export function planBudgets({budgets, probes = [], steps = [], services}: PlanInput): PlannedBudget[] {
	const plan: PlannedBudget[] = [];
	const add = (kind: BudgetKind, subject: string, subjectKind: SubjectKind, phase: string | null, limit: number, unit: BudgetUnit, written: string | undefined, description: string, extra: Partial<PlannedBudget> = {}) => {
		const comparison = ['host-memory', 'host-disk', 'first-try-health', 'uptime', 'probe-success'].includes(kind) ? 'at-least' : 'at-most';
		const suffix = extra.percentile === undefined ? '' : `:${extra.percentile}`;
		plan.push({id: `${kind}:${subject}${suffix}${phase === null ? '' : `@${phase}`}`, kind, subject, subjectKind, phase, limit, unit, comparison, written: written ?? String(limit), description, ...extra});
	};

	const limits = (subject: string, subjectKind: SubjectKind, budget: Budget, phase: string | null) => {
		const when = phase === null ? '' : ` while ${phase}`;
		const name = subject === 'stack' ? 'stack' : subject;
		if (budget.memoryBytes !== undefined) add('memory', subject, subjectKind, phase, budget.memoryBytes, 'bytes', budget.written?.['memory'], `${name} memory${when} at most ${budget.written?.['memory'] ?? budget.memoryBytes}`);
		if (budget.cpuPercent !== undefined) add('cpu', subject, subjectKind, phase, budget.cpuPercent, 'percent', budget.written?.['cpu'], `${name} CPU${when} at most ${budget.written?.['cpu'] ?? `${budget.cpuPercent}%`}`);
	};

	const phases = Object.entries(budgets.phases);
	limits('stack', 'stack', budgets.stack, null);
	for (const [phase, phaseBudgets] of phases) limits('stack', 'stack', phaseBudgets.stack, phase);
	if (budgets.stack.startupMs !== undefined) {
		const written = budgets.stack.written?.['startup'];
		add('stack-startup', 'stack', 'stack', null, budgets.stack.startupMs, 'ms', written, `every service healthy within ${written ?? `${budgets.stack.startupMs} ms`} of up or a stack restart`);
	}

	const names = [...new Set([...services, ...Object.keys(budgets.services)])].sort((left, right) => left.localeCompare(right));
	for (const service of names) {
		const own = budgets.services[service] ?? {};
		limits(service, 'service', own, null);
		for (const [phase, phaseBudgets] of phases) limits(service, 'service', phaseBudgets.services[service] ?? {}, phase);
		const written = (key: string) => own.written?.[key] ?? budgets.written?.[key];
		const startupMs = own.startupMs ?? budgets.startupMs;
		if (startupMs !== undefined) add('startup', service, 'service', null, startupMs, 'ms', written('startup'), `${service} healthy within ${written('startup') ?? `${startupMs} ms`} of its start`);
		const firstTry = own.firstTryRatio ?? budgets.firstTryRatio;
		if (firstTry !== undefined) add('first-try-health', service, 'service', null, firstTry, 'ratio', written('first_try'), `${service} health checks pass on the first try, at least ${written('first_try') ?? firstTry}`);
		const uptime = own.uptimeRatio ?? budgets.uptimeRatio;
		if (uptime !== undefined) add('uptime', service, 'service', null, uptime, 'ratio', written('uptime'), `${service} healthy at least ${written('uptime') ?? uptime} of the time`);
		const restarts = own.restarts ?? budgets.restarts;
		if (restarts !== undefined) add('restarts', service, 'service', null, restarts.max, 'count', written('restarts'), `${service} unexpected exits at most ${written('restarts') ?? restarts.max}`, {windowMs: restarts.windowMs});
		const oom = own.oomKills ?? budgets.oomKills;
		if (oom !== undefined) add('oom', service, 'service', null, oom, 'count', written('oom'), `${service} OOM kills at most ${oom}`);
		const leak = own.leak ?? budgets.leak;
		if (leak !== undefined) add('leak', service, 'service', null, leak.bytesPerHour, 'bytes-per-hour', written('leak'), `${service} memory grows at most ${written('leak') ?? leak.bytesPerHour}`, {windowMs: leak.windowMs, warmupMs: leak.warmupMs});
	}

	const {host} = budgets;
	if (host.memoryFreeBytes !== undefined) add('host-memory', 'host', 'host', null, host.memoryFreeBytes, 'bytes', host.written?.['memory_free'], `host free memory at least ${host.written?.['memory_free'] ?? host.memoryFreeBytes}`);
	if (host.diskFreeBytes !== undefined) add('host-disk', 'host', 'host', null, host.diskFreeBytes, 'bytes', host.written?.['disk_free'], `host free disk at least ${host.written?.['disk_free'] ?? host.diskFreeBytes}`);
	for (const probe of probes) {
		if (probe.successRatio !== undefined) add('probe-success', probe.name, 'probe', null, probe.successRatio, 'ratio', probe.written['success'], `probe ${probe.name} (${probe.service}) succeeds at least ${probe.written['success'] ?? probe.successRatio}`);
		for (const [percentile, limit] of Object.entries(probe.latency) as Array<['p50' | 'p95' | 'p99', number]>) {
			add('probe-latency', probe.name, 'probe', null, limit, 'ms', probe.written[percentile], `probe ${probe.name} ${percentile} latency at most ${probe.written[percentile] ?? `${limit} ms`}`, {percentile});
		}
	}

	for (const step of steps) {
		if (step.service === undefined || step.action === 'exec') continue;
		const startupMs = budgets.services[step.service]?.startupMs ?? budgets.startupMs ?? defaultRecoveryMs;
		const written = budgets.services[step.service]?.written?.['startup'] ?? budgets.written?.['startup'] ?? '60s';
		add('recovery', step.name, 'step', null, startupMs, 'ms', written, `after ${step.action} ${step.service}: healthy again within ${written}, the others healthy`, {step: step.index, service: step.service});
	}

	return plan;
}

/** The spec alone, as the record's header and the verdict carry it. */
export function specOf(budget: PlannedBudget): BudgetSpec {
	const {id, kind, subject, subjectKind, phase, limit, unit, comparison, written, description} = budget;
	return {id, kind, subject, subjectKind, phase, limit, unit, comparison, written, description};
}
