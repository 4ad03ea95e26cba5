import process from 'node:process';
import meow from 'meow';
import {runCheckCommand} from './commands/check-command.js';
import {runDownCommand} from './commands/down-command.js';
import {runRestartCommand} from './commands/restart-command.js';
import {runStopCommand} from './commands/stop-command.js';
import {loadStack, processOutput, runUpCommand} from './commands/up-command.js';
import {runProfilesCommand} from './commands/profiles-command.js';
import {runStatusCommand} from './commands/status-command.js';
import {UsageError} from './commands/usage-error.js';
import {writeText} from './commands/output.js';
import {runDashboardCommand} from './commands/dashboard-command.js';
import {didYouMean} from './config/did-you-mean.js';
import {ConfigError} from './config/config-error.js';

const cli = meow(
	`
	Usage
	  $ stacktui [PROFILE] [--read-only]
	  $ stacktui status --project NAME [--json]
	  $ stacktui check [PROFILE] [--json]
	  $ stacktui profiles [--json]
	  $ stacktui up [SERVICE…] [--profile PATH]
	  $ stacktui down [--volumes] [--profile PATH]
	  $ stacktui stop [SERVICE…] [--profile PATH]
	  $ stacktui restart [SERVICE…] [--profile PATH]

	Commands
	  (none)     The live dashboard of PROFILE (a path, or a name from profiles/; without
	             one, ./stacktui.yaml if present, else the demo profile). Press ? for keys.
	  status     Print each service's state, health, CPU %, memory, restarts and uptime.
	             JSON when --json is given or stdout is not a terminal.
	  check      Validate a profile and its compose files' service names; print a summary.
	             PROFILE is a path, or a name from the profiles/ directory; without one,
	             ./stacktui.yaml (or .yml) if present, else the demo profile.
	  profiles   List the profiles in profiles/ with project, services and description.
	  up         Create what is missing (networks, volumes, images by pull or build,
	             containers; recreate changed ones) and start in dependency order, waiting
	             for depends_on conditions. Live progress on a terminal, plain lines
	             otherwise, then a summary. Exit 1 when a service did not come up.
	  down       Stop and remove the project's containers and networks (found by label,
	             also what docker-compose made); --volumes removes its volumes too.
	  stop       Stop services, dependents first.
	  restart    Restart services, dependencies first.

	Options
	  --project, -p  Compose project name (the com.docker.compose.project label); with a
	                 profile, runs its stack under this name instead of the profile's
	  --json         Print JSON
	  --profile      Profile file (same as the PROFILE argument)
	  --volumes      down: also remove the project's named volumes
	  --read-only    Dashboard: disable every key that starts, stops or restarts
	  --engine       Engine address (unix://, tcp://, ssh://); default: DOCKER_HOST,
	                 the current docker context, the default socket, then Podman's

	Environment
	  DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH
	  STACKTUI_PROFILES_DIR  Where PROFILE names and the profiles command look (default: profiles/ of the package)

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
			project: {type: 'string', shortFlag: 'p'},
			json: {type: 'boolean', default: false},
			engine: {type: 'string'},
			profile: {type: 'string'},
			volumes: {type: 'boolean', default: false},
			readOnly: {type: 'boolean', default: false},
		},
	},
);

const knownFlags = new Set(['project', 'p', 'json', 'engine', 'profile', 'volumes', 'readOnly', 'help', 'version']);
const commandNames = ['status', 'check', 'profiles', 'up', 'down', 'stop', 'restart'];
/** Commands that take one positional argument after their name. */
const commandsWithArgument = new Set(['check']);
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
			return runStatusCommand({
				project: cli.flags.project,
				isJson: cli.flags.json || !process.stdout.isTTY,
				engine: cli.flags.engine,
			});
		}

		case 'check': {
			return runCheckCommand({argument: rest[0], flag: cli.flags.profile, isJson: cli.flags.json, cwd: process.cwd(), profilesDirectory});
		}

		case 'profiles': {
			return runProfilesCommand({isJson: cli.flags.json, profilesDirectory});
		}

		case 'up':
		case 'down':
		case 'stop':
		case 'restart': {
			const stack = await loadStack({profile: cli.flags.profile, engine: cli.flags.engine, project: cli.flags.project, cwd: process.cwd(), profilesDirectory});
			const output = processOutput;
			switch (command) {
				case 'up': {
					return runUpCommand(stack, {services: rest, output});
				}

				case 'down': {
					return runDownCommand(stack, {removeVolumes: cli.flags.volumes, output});
				}

				case 'stop': {
					return runStopCommand(stack, {services: rest, output});
				}

				case 'restart': {
					return runRestartCommand(stack, {services: rest, output});
				}
			}
		}

		case undefined: {
			return runDashboardCommand({
				argument: rest[0],
				flag: cli.flags.profile,
				engine: cli.flags.engine,
				isReadOnly: cli.flags.readOnly,
				project: cli.flags.project,
				cwd: process.cwd(),
				profilesDirectory,
			}).catch(error => {
				throw withCommandHint(error, rest[0]);
			});
		}

		default: {
			throw new UsageError(`unknown command "${command}"; see stacktui --help`);
		}
	}
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
	if (error instanceof UsageError || error instanceof ConfigError || (error as Error).name === 'EngineError') {
		writeText(process.stderr, `stacktui: ${(error as Error).message}\n`);
		process.exitCode = 2;
	} else {
		// A bug: keep the stack, but what it quotes from a file may not reach the terminal raw.
		writeText(process.stderr, `${(error as Error).stack ?? String(error)}\n`);
		process.exitCode = 1;
	}
}
