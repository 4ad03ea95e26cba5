import process from 'node:process';
import {loadComposeProject} from '../compose/index.js';
import type {ComposeProject} from '../compose/types.js';
import {connectEngine} from '../engine/connect.js';
import type {Profile} from '../profile/types.js';
import {checkProfile} from '../profile/check-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import {knownSecretValues} from '../stack/known-secrets.js';
import {StackSession, type StackOperations} from '../stack/session.js';
import {loadKeymap} from '../ui/keymap-file.js';
import {runApp} from '../ui/run-app.js';
import {formatElapsed} from '../up/progress-text.js';
import {stopOrRestart} from '../up/stop.js';
import {runUp} from '../up/up.js';
import {writeText} from './output.js';
import type Docker from 'dockerode';

export type DashboardOptions = {
	readonly argument: string | undefined;
	readonly flag: string | undefined;
	readonly engine: string | undefined;
	readonly isReadOnly: boolean;
	/** --project: watch the profile's stack under another project name. */
	readonly project?: string | undefined;
	readonly cwd: string;
	readonly profilesDirectory?: string | undefined;
};

/** `stacktui [PROFILE]`: the live dashboard, until q. */
export async function runDashboardCommand(options: DashboardOptions): Promise<number> {
	const file = resolveProfilePath({argument: options.argument, flag: options.flag, cwd: options.cwd, ...(options.profilesDirectory ? {profilesDirectory: options.profilesDirectory} : {})});
	const checked = checkProfile(file).profile;
	const profile = options.project === undefined ? checked : {...checked, project: options.project};
	const project = loadComposeProject({
		files: profile.composeFiles,
		projectName: profile.project,
		...(profile.envFile === undefined ? {} : {envFile: profile.envFile}),
		...(profile.composeProfiles.length > 0 ? {activeProfiles: profile.composeProfiles} : {}),
	});
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		writeText(process.stderr, `stacktui: the dashboard needs a terminal; for scripts use: stacktui status --project ${profile.project} --json\n`);
		return 2;
	}

	const connection = await connectEngine({explicitAddress: options.engine ?? profile.engine});
	const keymap = loadKeymap();
	const secretValues = knownSecretValues(profile.envFile, project.services.map(service => service.environment));
	const session = new StackSession(connection.docker, profile, stackOperations(connection.docker, project), secretValues);
	session.start();
	try {
		await runApp({
			session,
			profile,
			engine: {host: connection.address, version: connection.version},
			isReadOnly: options.isReadOnly,
			// Services scaled to 0 never get a container: not missing.
			serviceNames: project.services.filter(service => service.replicas > 0).map(service => service.name),
			keymap,
		});
	} finally {
		session.stop();
	}

	return 0;
}

/** `u` and `R`: the same orchestration as `stacktui up` and `stacktui restart`, reported in one line. */
function stackOperations(docker: Docker, project: ComposeProject): StackOperations {
	return {
		async up() {
			const started = Date.now();
			const result = await runUp(docker, project, project.services.map(service => service.name));
			const failed = Object.values(result.state.services).filter(service => service.phase === 'failed' || service.phase === 'blocked');
			return result.isSuccess
				? `up: every service of ${project.name} is up (${formatElapsed(Date.now() - started)})`
				: `up: ${failed.map(service => `${service.name} ${service.phase}: ${service.reason ?? ''}`).join('; ') || 'not every service came up in time'}`;
		},
		async restartStack() {
			const started = Date.now();
			const report = await stopOrRestart(docker, project, [], 'restart', () => undefined);
			return report.errors.length === 0
				? `restarted ${report.lines.length} services of ${project.name} in dependency order (${formatElapsed(Date.now() - started)})`
				: `restart: ${report.errors.join('; ')}`;
		},
	};
}

export type {Profile};
