/**
 * What stacktui itself did to the stack, told to the evaluator so it can tell a planned stop
 * from a crash, and time a stack start or a recovery.
 */
export type RunNote =
	/** `up` (the soak's --up, the dashboard's u) or an ordered restart of the whole stack: startup is timed from here. */
	| {readonly type: 'stack-start'; readonly at: number; readonly cause: 'up' | 'restart'}
	/** stacktui is taking a service down (a step, a key): its exits are expected, its downtime planned. */
	| {readonly type: 'service-down'; readonly at: number; readonly service: string; readonly cause: string; readonly step?: number}
	/** stacktui started it again: it should be healthy within its startup budget from here. */
	| {readonly type: 'service-up'; readonly at: number; readonly service: string; readonly cause: string; readonly step?: number}
	/** A step that is no service action (run, exec) began or ended; its outcome is the runner's. */
	| {readonly type: 'step'; readonly at: number; readonly step: number; readonly state: 'started' | 'passed' | 'failed' | 'skipped'; readonly message: string};
