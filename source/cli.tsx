#!/usr/bin/env node
import process from 'node:process';
import meow from 'meow';
import {runStatusCommand} from './commands/status-command.js';
import {UsageError} from './commands/usage-error.js';

const cli = meow(
	`
	Usage
	  $ stacktui status --project NAME [--json]

	Commands
	  status     Print each service's state, health, CPU %, memory, restarts and uptime.
	             JSON when --json is given or stdout is not a terminal.

	Options
	  --project, -p  Compose project name (the com.docker.compose.project label)
	  --json         Print JSON
	  --engine       Engine address (unix://, tcp://, ssh://); default: DOCKER_HOST,
	                 the current docker context, the default socket, then Podman's

	Environment
	  DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH

	Examples
	  $ stacktui status --project demo
	  $ stacktui status --project demo --json | jq '.services[].cpuPercent'
`,
	{
		importMeta: import.meta,
		// Checked below, so an unknown flag gets our one-line error instead of meow's two lines.
		allowUnknownFlags: true,
		flags: {
			project: {type: 'string', shortFlag: 'p'},
			json: {type: 'boolean', default: false},
			engine: {type: 'string'},
		},
	},
);

const knownFlags = new Set(['project', 'p', 'json', 'engine', 'help', 'version']);

async function main(): Promise<number> {
	const unknown = Object.keys(cli.unnormalizedFlags).find(name => !knownFlags.has(name));
	if (unknown !== undefined) {
		const flag = unknown.length === 1 ? `-${unknown}` : `--${unknown.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;
		throw new UsageError(`unknown option ${flag}; see stacktui --help`);
	}

	const [command, ...rest] = cli.input;
	if (rest.length > 0) {
		throw new UsageError(`unexpected argument "${rest[0]}"`);
	}

	switch (command) {
		case 'status': {
			return runStatusCommand({
				project: cli.flags.project,
				isJson: cli.flags.json || !process.stdout.isTTY,
				engine: cli.flags.engine,
			});
		}

		case undefined: {
			cli.showHelp(0);
			return 0;
		}

		default: {
			throw new UsageError(`unknown command "${command}"; see stacktui --help`);
		}
	}
}

try {
	process.exitCode = await main();
} catch (error) {
	// Expected failures are one line for the user; anything else is a bug and keeps its stack.
	if (error instanceof UsageError || (error as Error).name === 'EngineError') {
		process.stderr.write(`stacktui: ${(error as Error).message}\n`);
		process.exitCode = 2;
	} else {
		throw error;
	}
}
