import process from 'node:process';
import meow from 'meow';
import {runCheckCommand} from './commands/check-command.js';
import {runDownCommand} from './commands/down-command.js';
import {runRestartCommand} from './commands/restart-command.js';
import {runStopCommand} from './commands/stop-command.js';
import {loadStack, processOutput, runUpCommand} from './commands/up-command.js';
import {runProfilesCommand} from './commands/profiles-command.js';
import {runReportCommand} from './commands/report-command.js';
import {runStatusCommand} from './commands/status-command.js';
import {runSoakCommand} from './commands/soak-command.js';
import {UsageError} from './commands/usage-error.js';
import {writeText} from './commands/output.js';
import {runDashboardCommand} from './commands/dashboard-command.js';
import {interruptible} from './commands/interruptible.js';
import {didYouMean} from './config/did-you-mean.js';
import {ConfigError} from './config/config-error.js';
import {type StatsReader, statsReaders} from './engine/stats-source.js';
import type {StackQuery} from './commands/resolve-stack.js';

const cli = meow(
	`
	Usage
	  $ stacktui [PROFILE] [-f FILE…] [-p NAME] [--read-only] [--record DIR] [--metrics HOST:PORT]
	  $ stacktui soak [PROFILE] [-f FILE…] --duration 1h [--up] [--record DIR] [--metrics HOST:PORT]
	  $ stacktui status --project NAME [--json]
	  $ stacktui status PROFILE [--json]
	  $ stacktui check [PROFILE] [-f FILE…] [--json]
	  $ stacktui profiles [--json]
	  $ stacktui up [SERVICE…] [-f FILE…] [-p NAME] [--profile PATH]
	  $ stacktui down [--volumes] [-f FILE…] [-p NAME] [--profile PATH]
	  $ stacktui stop [SERVICE…] [-f FILE…] [-p NAME] [--profile PATH]
	  $ stacktui restart [SERVICE…] [-f FILE…] [-p NAME] [--profile PATH]
	  $ stacktui report DIR

	Which stack, as docker compose finds it: PROFILE or --profile (a path, a name from
	profiles/, or a compose file); else -f FILE…; else ./stacktui.yaml; else COMPOSE_FILE; else
	compose.yaml (or docker-compose.yml, …) here or in the nearest parent, with its override file;
	else -p NAME alone (the project as it runs). The project name: -p, COMPOSE_PROJECT_NAME, the
	files' name:, the directory's name.

	Commands
	  (none)     The live dashboard of the stack. With nothing to open here: a picker of the
	             compose projects on the engine and the shipped profiles. Press ? for keys.
	  soak       Watch the stack for --duration against every budget of the profile
	             (memory, CPU, startup, health, uptime, restarts, leaks, probes), run its
	             scripted steps, record everything to DIR (resumed if DIR holds the run),
	             and write the verdict and reports there. Exit 0 when every budget held,
	             1 when one was breached, 2 on an error. Ctrl-C ends early, with a report.
	  status     Print each service's state, health, CPU %, memory, restarts and uptime.
	             With a profile: each budget's state now (probes run once) too; exit 1
	             when a budget is over or a service that should run is down.
	             JSON when --json is given or stdout is not a terminal.
	  check      Load the stack exactly as up does (profile, compose files, every key);
	             print a summary and the warnings; the error up would give, exit 2.
	  profiles   List the profiles in profiles/ with project, services and description.
	  up         Create what is missing (networks, volumes, images by pull or build,
	             containers; recreate changed ones) and start in dependency order, waiting
	             for depends_on conditions. Live progress on a terminal, plain lines
	             otherwise, then a summary. Exit 1 when a service did not come up.
	  down       Stop and remove the project's containers and networks (found by label,
	             also what docker-compose made); --volumes removes its volumes too.
	  stop       Stop services, dependents first.
	  restart    Restart services, dependencies first.
	  report     Write the reports of the record in DIR beside it: report.json (verdict per
	             budget), report.md (summary for a CI step), report.junit.xml (a test case
	             per budget) and report.html (charts, opens offline). Exit 0 when every
	             budget held, 1 when one was breached, 2 when DIR holds no record.

	Options
	  --file, -f     Compose file (repeatable), merged in order as docker compose -f does
	  --project, -p  Compose project name (the com.docker.compose.project label); with a
	                 profile, runs its stack under this name instead of the profile's
	  --allow-unsupported  up, check: go on without the keys stacktui cannot apply
	  --json         Print JSON
	  --profile      Profile file (same as the PROFILE argument)
	  --volumes      down: also remove the project's named volumes
	  --read-only    Dashboard: disable every key that starts, stops or restarts
	  --record DIR   Dashboard and soak: append everything seen to DIR/record.ndjson
	  --duration     soak: how long, e.g. 30m, 1h (default: the profile's soak.duration)
	  --up           soak: bring the stack up first (its startup counts)
	  --metrics      Dashboard and soak: serve OpenMetrics (Prometheus) at http://HOST:PORT/metrics
	                 while it runs, e.g. --metrics 127.0.0.1:9464; bound to that address only
	  --engine       Engine address (unix://, tcp://, ssh://); default: DOCKER_HOST,
	                 the current docker context, the default socket, then Podman's
	  --stats        Dashboard: where CPU and memory come from: cgroup (read the
	                 containers' cgroup files; a local Linux engine), api (one engine
	                 stats stream per container) or auto (default: cgroup when the
	                 engine allows it, else api); overrides the profile's stats:

	Environment
	  DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH
	  STACKTUI_PROFILES_DIR  Where PROFILE names and the profiles command look (default: profiles/ of the package)
	  STACKTUI_TRACE         Dashboard: write input and frame-flush times to this file (bench/key-latency.sh)

	Examples
	  $ stacktui status --project demo
	  $ stacktui status --project demo --json | jq '.services[].cpuPercent'
	  $ stacktui check triton
	  $ stacktui check --profile ./my-stack.yaml --json
	  $ stacktui up --profile profiles/triton.yaml
	  $ stacktui down --volumes
`,
	{
		importMeta: import.meta,
		// Checked below, so an unknown flag gets our one-line error instead of meow's two lines.
		allowUnknownFlags: true,
		flags: {
			project: {type: 'string', shortFlag: 'p', aliases: ['project-name']},
			file: {type: 'string', shortFlag: 'f', isMultiple: true},
			allowUnsupported: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			engine: {type: 'string'},
			profile: {type: 'string'},
			volumes: {type: 'boolean', default: false},
			readOnly: {type: 'boolean', default: false},
			stats: {type: 'string'},
			metrics: {type: 'string'},
			record: {type: 'string'},
			duration: {type: 'string'},
			up: {type: 'boolean', default: false},
		},
	},
);

const knownFlags = new Set(['project', 'p', 'projectName', 'file', 'f', 'allowUnsupported', 'json', 'engine', 'profile', 'volumes', 'readOnly', 'stats', 'metrics', 'record', 'duration', 'up', 'help', 'version']);
const commandNames = ['status', 'check', 'soak', 'profiles', 'up', 'down', 'stop', 'restart', 'report'];
/** Commands that take one positional argument after their name. */
const commandsWithArgument = new Set(['check', 'soak', 'status', 'report']);
/** Commands that take any number of SERVICE arguments. */
const commandsWithServices = new Set(['up', 'stop', 'restart']);

async function main(): Promise<number> {
	const unknown = Object.keys(cli.unnormalizedFlags).find(name => !knownFlags.has(name));
	if (unknown !== undefined) {
		const flag = unknown.length === 1 ? `-${unknown}` : `--${unknown.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
		throw new UsageError(`unknown option ${flag}; see stacktui --help`);
	}

	// `stacktui triton` opens the dashboard of a profile: a word that is no command is a PROFILE.
	const isCommand = commandNames.includes(cli.input[0] ?? '');
	const command = isCommand ? cli.input[0] : undefined;
	const rest = isCommand ? cli.input.slice(1) : cli.input;
	const argumentCount =
		command === undefined ? 1 : commandsWithServices.has(command) ? Number.POSITIVE_INFINITY : commandsWithArgument.has(command) ? 1 : 0;
	if (rest.length > argumentCount) {
		throw new UsageError(`unexpected argument "${rest[argumentCount]}"`);
	}

	const profilesDirectory = process.env['STACKTUI_PROFILES_DIR'] || undefined;

	switch (command) {
		case 'status': {
			const isStack = rest[0] !== undefined || cli.flags.profile !== undefined || (cli.flags.file?.length ?? 0) > 0;
			return runStatusCommand({
				project: cli.flags.project,
				isJson: cli.flags.json || !process.stdout.isTTY,
				engine: cli.flags.engine,
				...(isStack ? {stack: stackQuery(rest[0], profilesDirectory)} : {}),
			});
		}

		case 'check': {
			return runCheckCommand({...stackQuery(rest[0], profilesDirectory), isJson: cli.flags.json, allowUnsupported: cli.flags.allowUnsupported});
		}

		case 'report': {
			return runReportCommand({directory: rest[0], cwd: process.cwd(), write: text => writeText(process.stdout, text)});
		}

		case 'soak': {
			return runSoakCommand({
				...stackQuery(rest[0], profilesDirectory),
				duration: cli.flags.duration,
				isUp: cli.flags.up,
				record: cli.flags.record,
				metrics: cli.flags.metrics,
				engine: cli.flags.engine,
			});
		}

		case 'profiles': {
			return runProfilesCommand({isJson: cli.flags.json, profilesDirectory});
		}

		case 'up':
		case 'down':
		case 'stop':
		case 'restart': {
			const stack = await loadStack({...stackQuery(undefined, profilesDirectory), engine: cli.flags.engine});
			const output = processOutput;
			switch (command) {
				case 'up': {
					return interruptible(async signal => runUpCommand(stack, {services: rest, output, allowUnsupported: cli.flags.allowUnsupported, signal}));
				}

				case 'down': {
					return runDownCommand(stack, {removeVolumes: cli.flags.volumes, output});
				}

				case 'stop': {
					return interruptible(async signal => runStopCommand(stack, {services: rest, output, signal}));
				}

				case 'restart': {
					return interruptible(async signal => runRestartCommand(stack, {services: rest, output, signal}));
				}
			}
		}

		case undefined: {
			return runDashboardCommand({
				...stackQuery(rest[0], profilesDirectory),
				engine: cli.flags.engine,
				isReadOnly: cli.flags.readOnly,
				statsReader: readStatsFlag(cli.flags.stats),
				record: cli.flags.record,
				metrics: cli.flags.metrics,
			}).catch(error => {
				throw withCommandHint(error, rest[0]);
			});
		}

		default: {
			throw new UsageError(`unknown command "${command}"; see stacktui --help`);
		}
	}
}

function readStatsFlag(value: string | undefined): StatsReader | undefined {
	if (value === undefined) return undefined;
	const found = statsReaders.find(name => name === value);
	if (found === undefined) throw new UsageError(`--stats ${value}: expected ${statsReaders.join(', ')}`);
	return found;
}

/** How the command line names the stack: PROFILE, --profile, -f FILE…, -p NAME, where it runs. */
function stackQuery(argument: string | undefined, profilesDirectory: string | undefined): StackQuery {
	return {
		argument,
		profile: cli.flags.profile,
		files: cli.flags.file,
		project: cli.flags.project,
		cwd: process.cwd(),
		profilesDirectory,
		environment: process.env,
	};
}

/** A profile name that is a typo of a command gets told so. */
function withCommandHint(error: unknown, word: string | undefined): unknown {
	const hint = word === undefined ? '' : didYouMean(word, commandNames);
	if (error instanceof UsageError && hint !== '' && error.message.startsWith('no profile')) {
		return new UsageError(`unknown command or profile "${word}"${hint}`);
	}

	return error;
}

try {
	process.exitCode = await main();
} catch (error) {
	// Expected failures are one line for the user; anything else is a bug and keeps its stack.
	if (error instanceof UsageError || error instanceof ConfigError || ['EngineError', 'RecordError'].includes((error as Error).name)) {
		writeText(process.stderr, `stacktui: ${(error as Error).message}\n`);
		process.exitCode = 2;
	} else {
		// A bug: keep the stack, but what it quotes from a file may not reach the terminal raw.
		writeText(process.stderr, `${(error as Error).stack ?? String(error)}\n`);
		process.exitCode = 1;
	}
}
