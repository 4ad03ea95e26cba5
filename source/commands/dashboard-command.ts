import process from 'node:process';
import {loadComposeProject} from '../compose/index.js';
import type {ComposeProject} from '../compose/types.js';
import {connectEngine} from '../engine/connect.js';
import type {Profile} from '../profile/types.js';
import {checkProfile} from '../profile/check-profile.js';
import {resolveProfilePath} from '../profile/resolve-profile-path.js';
import {StackSession, type StackOperations} from '../stack/session.js';
import {loadKeymap} from '../ui/keymap-file.js';
import {runApp} from '../ui/run-app.js';
import {formatElapsed} from '../up/progress-text.js';
import {abortSummary} from '../up/abort-summary.js';
import {lifecycleAbortText, stopOrRestart} from '../up/stop.js';
import {runUp} from '../up/up.js';
import {signalExitCode} from './interruptible.js';
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
		process.stderr.write(`stacktui: the dashboard needs a terminal; for scripts use: stacktui status --project ${profile.project} --json\n`);
		return 2;
	}

	const connection = await connectEngine({explicitAddress: options.engine ?? profile.engine});
	const keymap = loadKeymap();
	const session = new StackSession(connection.docker, profile, stackOperations(connection.docker, project, profile));
	session.start();
	let endedBy: NodeJS.Signals | undefined;
	try {
		endedBy = await runApp({
			session,
			profile,
			engine: {host: connection.address, version: connection.version},
			isReadOnly: options.isReadOnly,
			// Services scaled to 0 never get a container: not missing.
			serviceNames: project.services.filter(service => service.replicas > 0).map(service => service.name),
			keymap,
		});
	} finally {
		// The terminal is restored by now: say what quitting left half-done, one line each.
		for (const line of await session.abortOperations(quitGraceMs)) process.stderr.write(`stacktui: ${line}\n`);
		session.stop();
	}

	return endedBy === undefined ? 0 : signalExitCode(endedBy);
}

/** How long quitting waits for aborted operations to say what they left: stacktui exits within a second. */
const quitGraceMs = 700;

/** `u` and `R`: the same orchestration as `stacktui up` and `stacktui restart`, reported in one line; quitting aborts them. */
function stackOperations(docker: Docker, project: ComposeProject, profile: Profile): StackOperations {
	return {
		async up({signal}) {
			const started = Date.now();
			const result = await runUp(docker, project, project.services.map(service => service.name), {signal});
			if (result.isAborted) return abortSummary(result.state);
			const failed = Object.values(result.state.services).filter(service => service.phase === 'failed' || service.phase === 'blocked');
			return result.isSuccess
				? `up: every service of ${project.name} is up (${formatElapsed(Date.now() - started)})`
				: `up: ${failed.map(service => `${service.name} ${service.phase}: ${service.reason ?? ''}`).join('; ') || 'not every service came up in time'}`;
		},
		async restartStack({signal, runs, waitForStack}) {
			const started = Date.now();
			const before = runs();
			const report = await stopOrRestart(docker, project, [], 'restart', () => undefined, signal);
			if (report.aborted !== undefined) return lifecycleAbortText('restart', report.aborted);
			if (report.errors.length > 0) return `restart: ${report.errors.join('; ')}`;
			// Back means every container on a new run at its target, within the stack's startup budget.
			const budgetMs = profile.budgets.startupMs ?? defaultStartupMs;
			const readiness = await waitForStack(before, budgetMs);
			if (signal.aborted) return `restart of ${project.name}: restarted, still waiting for ${readiness.waiting.join(', ')} when stacktui quit`;
			return readiness.isBack
				? `${project.name} is back: ${report.lines.length} services restarted in dependency order, every one at its target (${formatElapsed(Date.now() - started)})`
				: `restart of ${project.name}: still waiting after ${formatElapsed(budgetMs)} for ${readiness.waiting.join(', ')}`;
		},
	};
}

/** Without a startup budget in the profile, a restarted stack is waited for this long. */
const defaultStartupMs = 60_000;

export type {Profile};
