import {existsSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {loadComposeProject} from '../compose/index.js';
import type {ComposeProject} from '../compose/types.js';
import {execCommandFor} from '../engine/capabilities.js';
import {connectEngine, type EngineConnection} from '../engine/connect.js';
import {formatListenAddress} from '../metrics/index.js';
import {plainProfile} from '../profile/plain-profile.js';
import type {StatsReader} from '../engine/stats-source.js';
import type {Profile} from '../profile/types.js';
import {knownSecretValues} from '../stack/known-secrets.js';
import {readEnvSecrets} from '../stack/mask.js';
import {StackSession} from '../stack/session.js';
import {openDashboardRecord} from '../soak/dashboard-record.js';
import {loadKeymap} from '../ui/keymap-file.js';
import {runApp} from '../ui/run-app.js';
import {signalExitCode} from './interruptible.js';
import {pickerItems} from './picker-items.js';
import {projectFilesFromLabels} from './project-files.js';
import {chooseStack, openStack, type StackChoice, type StackQuery} from './resolve-stack.js';
import {listenForMetrics, metricsFlag} from './metrics-flag.js';
import {expectedServices, stackOperations} from './stack-operations.js';
import {runPicker} from '../ui/run-picker.js';
import {writeText} from './output.js';

export type DashboardOptions = StackQuery & {
	readonly engine: string | undefined;
	readonly isReadOnly: boolean;
	/** --stats: overrides the profile's stats reader. */
	readonly statsReader?: StatsReader | undefined;
	/** --record DIR: record the session there (resumed if DIR holds its run). */
	readonly record?: string | undefined;
	/** --metrics HOST:PORT: serve OpenMetrics there while the dashboard runs. */
	readonly metrics?: string | undefined;
};

/**
 * `stacktui [PROFILE | -f FILE… | -p NAME]`: the live dashboard, until q. With nothing to open
 * here, a picker of the compose projects on the engine and the shipped profiles.
 */
export async function runDashboardCommand(options: DashboardOptions): Promise<number> {
	// A bad address is a usage error before anything starts.
	if (options.metrics !== undefined) metricsFlag(options.metrics);
	let choice = chooseStack(options);
	const opened = choice.kind === 'profile' || choice.kind === 'compose' ? openStack(choice, options) : undefined;
	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		const project = opened?.project.name ?? (choice.kind === 'project' ? choice.project : 'NAME');
		writeText(process.stderr, `stacktui: the dashboard needs a terminal; for scripts use: stacktui status --project ${project} --json\n`);
		return 2;
	}

	const connection = await connectEngine({explicitAddress: options.engine ?? opened?.profile.engine});
	if (choice.kind === 'nothing') {
		const chosen = await runPicker(await pickerItems(connection.docker, options.profilesDirectory), `nothing to open in ${options.cwd} (no compose file here or in a parent, no stacktui.yaml)`);
		if (chosen === undefined) {
			return 0;
		}

		choice = chosen.kind === 'project' ? {kind: 'project', project: chosen.value} : {kind: 'profile', file: chosen.value, files: undefined};
		return runDashboard(options, connection, await stackOf(choice, options, connection));
	}

	return runDashboard(options, connection, opened ?? (await stackOf(choice, options, connection)));
}

type Stack = {readonly profile: Profile; readonly project: ComposeProject | undefined};

/**
 * A profile or compose files open as they are; `-p NAME` alone opens the project as it runs,
 * with its own compose files (from its containers' labels) when they are readable here, so
 * `u` and `R` never use another project's model.
 */
async function stackOf(choice: StackChoice, options: DashboardOptions, connection: EngineConnection): Promise<Stack> {
	if (choice.kind === 'profile' || choice.kind === 'compose') {
		return openStack(choice, options);
	}

	const name = choice.kind === 'project' ? choice.project : 'default';
	const found = await projectFilesFromLabels(connection.docker, name);
	const project = found === undefined ? undefined : loadComposeProject({files: found.files, projectName: name, ...(found.workingDir === undefined ? {} : {projectDirectory: found.workingDir})});
	return {profile: plainProfile(name, project?.configFiles ?? []), project};
}

async function runDashboard(options: DashboardOptions, connection: EngineConnection, stack: Stack): Promise<number> {
	const {profile, project} = stack;
	const services = project === undefined ? [] : expectedServices(project);
	const recordPath = options.record === undefined ? undefined : path.resolve(options.cwd, options.record);
	const record = recordPath === undefined ? undefined : openDashboardRecord({directory: recordPath, profile, services, engine: {address: connection.address, version: connection.version}, secrets: readEnvSecrets(profile.envFile).secretValues});
	const session = new StackSession(connection.docker, profile, stackOperations(connection.docker, project, profile.project, profile.budgets.startupMs), {
		...(options.statsReader === undefined ? {} : {reader: options.statsReader}),
		capabilities: {canReadCgroups: connection.capabilities.canReadCgroupFiles},
		services,
		secretValues: knownSecretValues(profile.envFile, project?.services.map(service => service.environment) ?? []),
		...(record === undefined ? {} : {monitor: record.monitor, startedAt: record.startedAt}),
	});
	record?.attach(session);
	session.start();
	const {noStatsReason} = connection.capabilities;
	if (noStatsReason !== undefined) session.say(noStatsReason, false);
	const controller = new AbortController();
	let endedBy: NodeJS.Signals | undefined;
	try {
		if (options.metrics !== undefined) {
			const server = await listenForMetrics(metricsFlag(options.metrics), () => session.view, controller.signal);
			session.say(`metrics at http://${formatListenAddress(server.address)}/metrics`, false);
		}

		endedBy = await runApp({
			session,
			profile,
			engine: {host: connection.address, version: `${connection.capabilities.product} ${connection.version}`},
			execCommand: execCommandOnPath(connection.capabilities.execCommands, connection.address),
			isReadOnly: options.isReadOnly,
			// Services scaled to 0 never get a container: not missing.
			serviceNames: project?.services.filter(service => service.replicas > 0).map(service => service.name) ?? [],
			keymap: loadKeymap(),
			recordPath,
		});
	} finally {
		controller.abort();
		// The terminal is restored by now: say what quitting left half-done, one line each.
		for (const line of await session.abortOperations(quitGraceMs)) writeText(process.stderr, `stacktui: ${line}\n`);
		session.stop();
		await record?.finish();
	}

	return endedBy === undefined ? 0 : signalExitCode(endedBy);
}

/** How long quitting waits for aborted operations to say what they left: stacktui exits within a second. */
const quitGraceMs = 700;

/** The first exec client installed here (the docker CLI talks to Podman's socket too; a Podman-only host has podman). */
function execCommandOnPath(templates: ReadonlyArray<readonly string[]>, address: string): string[] {
	const directories = (process.env['PATH'] ?? '').split(path.delimiter).filter(Boolean);
	const commands = templates.map(template => execCommandFor(template, address));
	const installed = commands.find(([program = '']) => directories.some(directory => existsSync(path.join(directory, program))));
	return installed ?? commands[0] ?? ['docker', '--host', address];
}

