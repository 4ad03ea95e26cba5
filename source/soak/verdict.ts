import type {BudgetState} from '../stack/budget-types.js';
import {isLeak} from '../stack/leak.js';
import type {StackMonitor} from '../stack/monitor.js';
import type {RunLedger} from './ledger.js';
import type {EndLine, RunLine} from './record-types.js';
import {type BudgetVerdict, type ServiceVerdict, type Verdict, type VerdictStatus, verdictFormatVersion} from './verdict-types.js';

export type VerdictInput = {
	readonly header: RunLine;
	readonly ledger: RunLedger;
	readonly monitor: StackMonitor;
	/** The monitor's last evaluation. */
	readonly budgets: BudgetState;
	readonly now: number;
	readonly end?: EndLine | undefined;
};

/** The verdict so far (or final, with `end`): per budget, per service, per probe and per step. */
export function buildVerdict({header, ledger, monitor, budgets, now, end}: VerdictInput): Verdict {
	const {evaluator} = monitor;
	const endedAt = end?.at ?? null;
	const elapsedMs = (endedAt ?? now) - header.at;
	const budgetVerdicts: BudgetVerdict[] = budgets.tracks.map(track => ({
		id: track.id,
		kind: track.kind,
		subject: track.subject,
		subjectKind: track.subjectKind,
		phase: track.phase,
		limit: track.limit,
		unit: track.unit,
		comparison: track.comparison,
		written: track.written,
		description: track.description,
		status: track.status,
		observed: track.observed ?? null,
		current: track.current ?? null,
		breaches: track.breaches,
		evaluatedMs: track.evaluatedMs,
		note: track.note,
	}));
	const status: VerdictStatus = budgetVerdicts.some(budget => budget.status === 'breached')
		? 'breached'
		: budgetVerdicts.some(budget => budget.status === 'held')
			? 'held'
			: 'not-evaluated';
	const services: ServiceVerdict[] = [...evaluator.facts.services.values()]
		.sort((left, right) => left.name.localeCompare(right.name))
		.map(facts => {
			const leak = evaluator.leaks.get(facts.name)?.reading();
			const limit = monitor.evaluator.plan.find(budget => budget.kind === 'leak' && budget.subject === facts.name)?.limit;
			return {
				service: facts.name,
				health: facts.health,
				running: facts.running,
				containers: facts.containers,
				memory: evaluator.memory.get(facts.name)?.summary() ?? null,
				cpu: evaluator.cpu.get(facts.name)?.summary() ?? null,
				restarts: facts.restarts,
				unexpectedExits: facts.unexpectedExitCount,
				oomKills: facts.oomTimes.length,
				uptimeRatio: facts.uptimeRatio ?? null,
				startupMs: facts.startupMs ?? null,
				firstTry: {...facts.firstTry},
				leak:
					leak === undefined
						? null
						: {
								slopeBytesPerHour: leak.slopePerHour,
								lowerBytesPerHour: leak.lowerPerHour,
								upperBytesPerHour: leak.upperPerHour,
								confidence: leak.confidence,
								windowMs: leak.windowMs,
								points: leak.points,
								isSteady: leak.isSteady,
								isLeaking: limit !== undefined && isLeak(leak, limit),
								since: leak.since,
							},
			};
		});
	const probes = monitor.profile.probes.map(probe => {
		const tally = evaluator.probes.get(probe.name);
		const spec = header.probes.find(item => item.name === probe.name);
		const p50 = tally?.percentile(0.5);
		return {
			probe: probe.name,
			service: probe.service,
			kind: probe.kind,
			target: spec?.target ?? '',
			count: tally?.count ?? 0,
			successes: tally?.successes ?? 0,
			successRatio: tally?.successRatio ?? null,
			latencyMs: p50 === undefined || tally === undefined ? null : {p50, p95: tally.percentile(0.95) ?? p50, p99: tally.percentile(0.99) ?? p50, max: tally.percentile(1) ?? p50},
			lastError: tally?.lastError ?? null,
		};
	});
	const steps = header.steps.map(step => {
		const progress = ledger.steps.get(step.index);
		return {
			index: step.index,
			name: step.name,
			action: step.action,
			service: step.service,
			atMs: step.atMs,
			startedAt: progress?.startedAt ?? null,
			endedAt: progress?.endedAt ?? null,
			status: progress?.status ?? 'pending',
			recoveryMs: progress?.recoveryMs ?? null,
			message: progress?.message ?? 'not run yet',
		};
	});
	return {
		version: verdictFormatVersion,
		status,
		exitCode: status === 'breached' ? 1 : 0,
		run: {
			runId: header.runId,
			profile: header.profile.name,
			project: header.profile.project,
			command: header.command,
			startedAt: header.at,
			endedAt,
			endReason: end?.reason ?? null,
			elapsedMs,
			observedMs: Math.max(0, elapsedMs - ledger.gapMs()),
			plannedDurationMs: header.plannedDurationMs,
			sessions: Math.max(1, ledger.sessions.length),
		},
		evaluatedAt: now,
		phase: budgets.phase,
		budgets: budgetVerdicts,
		stack: {memory: evaluator.memory.get('stack')?.summary() ?? null, cpu: evaluator.cpu.get('stack')?.summary() ?? null},
		services,
		probes,
		steps,
		phases: ledger.phases.map(span => (span.to === null && endedAt !== null ? {...span, to: endedAt} : span)),
	};
}
