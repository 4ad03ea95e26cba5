import type {Profile} from '../profile/types.js';
import type {StackMonitor} from '../stack/monitor.js';
import type {StackSession} from '../stack/session.js';
import {openRecord} from './open-record.js';
import {readRecord} from './read-record.js';
import {RecordWriter} from './record-writer.js';
import {writeReports} from './report/index.js';
import {SessionRecorder} from './session-recorder.js';

export type DashboardRecordOptions = {
	readonly directory: string;
	readonly profile: Profile;
	readonly services: readonly string[];
	readonly engine: {readonly address: string; readonly version: string};
	readonly secrets: readonly string[];
};

/** `--record DIR` on the dashboard: the monitor to build the session with, then attach and finish. */
export type DashboardRecord = {
	readonly monitor: StackMonitor;
	/** The run's start (the first session's, when DIR is resumed). */
	readonly startedAt: number;
	/** Starts recording the session; call before session.start(). */
	attach(session: StackSession): void;
	/** Writes the end line, the verdict and the reports. */
	finish(): Promise<void>;
};

export function openDashboardRecord(options: DashboardRecordOptions): DashboardRecord {
	const opened = openRecord({...options, command: 'dashboard', plannedDurationMs: null, now: Date.now()});
	let recorder: SessionRecorder | undefined;
	return {
		monitor: opened.monitor,
		startedAt: opened.first.at,
		attach(session) {
			const writer = new RecordWriter(options.directory);
			writer.open();
			recorder = new SessionRecorder(session, writer, opened.header, opened.ledger, opened.containers, options.secrets);
			recorder.start();
		},
		async finish() {
			if (recorder === undefined) return;
			recorder.close({at: Date.now(), reason: 'quit', exitCode: 0});
			await writeReports(options.directory, await readRecord(options.directory));
		},
	};
}
