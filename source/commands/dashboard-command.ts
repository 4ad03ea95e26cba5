import path from 'node:path';
import process from 'node:process';
import {connectEngine} from '../engine/connect.js';
import {formatListenAddress} from '../metrics/index.js';
import type {Profile} from '../profile/types.js';
import {checkProfile} from '../profile/check-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import {readEnvSecrets} from '../stack/mask.js';
import {StackSession} from '../stack/session.js';
import {openDashboardRecord} from '../soak/dashboard-record.js';
import {composeProjectOf, expectedServices, stackOperations} from './stack-operations.js';
import {loadKeymap} from '../ui/keymap-file.js';
import {runApp} from '../ui/run-app.js';
import {listenForMetrics, metricsFlag} from './metrics-flag.js';

export type DashboardOptions = {
	readonly argument: string | undefined;
	readonly flag: string | undefined;
	readonly engine: string | undefined;
	readonly isReadOnly: boolean;
	/** --project: watch the profile's stack under another project name. */
	readonly project?: string | undefined;
	readonly cwd: string;
	readonly profilesDirectory?: string | undefined;
	/** --record DIR: record the session there (resumed if DIR holds its run). */
	readonly record?: string | undefined;
	/** --metrics HOST:PORT: serve OpenMetrics there while the dashboard runs. */
	readonly metrics?: string | undefined;
};

/** `stacktui [PROFILE]`: the live dashboard, until q. */
export async function runDashboardCommand(options: DashboardOptions): Promise<number> {
	const metricsAddress = options.metrics === undefined ? undefined : metricsFlag(options.metrics);
	const file = resolveProfilePath({argument: options.argument, flag: options.flag, cwd: options.cwd, ...(options.profilesDirectory ? {profilesDirectory: options.profilesDirectory} : {})});
	const checked = checkProfile(file).profile;
	const profile = options.project === undefined ? checked : {...checked, project: options.project};
	const project = composeProjectOf(profile);
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		process.stderr.write(`stacktui: the dashboard needs a terminal; for scripts use: stacktui status --project ${profile.project} --json\n`);
		return 2;
	}

	const connection = await connectEngine({explicitAddress: options.engine ?? profile.engine});
	const keymap = loadKeymap();
	const services = expectedServices(project);
	const recordPath = options.record === undefined ? undefined : path.resolve(options.cwd, options.record);
	const record = recordPath === undefined ? undefined : openDashboardRecord({directory: recordPath, profile, services, engine: {address: connection.address, version: connection.version}, secrets: readEnvSecrets(profile.envFile).secretValues});
	const session = new StackSession(connection.docker, profile, stackOperations(connection.docker, project), {services, ...(record === undefined ? {} : {monitor: record.monitor, startedAt: record.startedAt})});
	record?.attach(session);
	session.start();
	const controller = new AbortController();
	try {
		if (metricsAddress !== undefined) {
			const server = await listenForMetrics(metricsAddress, () => session.view, controller.signal);
			session.say(`metrics at http://${formatListenAddress(server.address)}/metrics`, false);
		}

		await runApp({
			session,
			profile,
			engine: {host: connection.address, version: connection.version},
			isReadOnly: options.isReadOnly,
			// Services scaled to 0 never get a container: not missing.
			serviceNames: project.services.filter(service => service.replicas > 0).map(service => service.name),
			keymap,
			recordPath,
		});
	} finally {
		controller.abort();
		session.stop();
		await record?.finish();
	}

	return 0;
}

export type {Profile};
