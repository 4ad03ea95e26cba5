import {spawn} from 'node:child_process';
import {existsSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import {AbortedError} from './abort.js';

export type BuildRequest = {
	/** Absolute path of the build context directory. */
	readonly context: string;
	/** Dockerfile path relative to the context. */
	readonly dockerfile: string;
	readonly args: Readonly<Record<string, string>>;
	/** Tag the image gets: the service's image, or `${project}_${service}` as docker-compose names it. */
	readonly tag: string;
	readonly labels?: Readonly<Record<string, string>>;
};

type BuildMessage = {stream?: string; status?: string; error?: string; aux?: {ID?: string}};

/** A failed build, with a one-line message. */
export class BuildError extends Error {
	override readonly name = 'BuildError';
}

/**
 * Builds an image from a context directory, sending each line of build output to onLine
 * ("Step 2/5 : RUN …"). The context is tarred by the system `tar` and streamed to the engine;
 * simple .dockerignore patterns are honoured (no `!` exceptions). Resolves with the image id.
 */
export async function buildImage(docker: Docker, request: BuildRequest, onLine: (line: string) => void, signal?: AbortSignal): Promise<string> {
	if (!existsSync(request.context) || !statSync(request.context).isDirectory()) {
		throw new BuildError(`build context ${request.context} is not a directory`);
	}

	if (!existsSync(path.resolve(request.context, request.dockerfile))) {
		throw new BuildError(`no ${request.dockerfile} in build context ${request.context}`);
	}

	const tar = spawn('tar', ['--anchored', ...excludeArguments(request.context), '-C', request.context, '-c', '.'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let tarError = '';
	tar.stderr.on('data', (chunk: Buffer) => {
		tarError += chunk.toString();
	});
	const tarExit = new Promise<number>(resolve => {
		tar.on('error', () => resolve(-1));
		tar.on('close', code => resolve(code ?? -1));
	});

	let imageId: string | undefined;
	let failure: string | undefined;
	let stream: NodeJS.ReadableStream | undefined;
	const stop = () => {
		tar.kill();
		(stream as (NodeJS.ReadableStream & {destroy(): void}) | undefined)?.destroy();
	};

	signal?.addEventListener('abort', stop, {once: true});
	try {
		stream = await docker.buildImage(tar.stdout, {
			t: request.tag,
			dockerfile: request.dockerfile,
			buildargs: {...request.args},
			labels: {...request.labels},
			rm: true,
			forcerm: true,
			...(signal === undefined ? {} : {abortSignal: signal}),
		});
		const progress = stream;
		await new Promise<void>((resolve, reject) => {
			docker.modem.followProgress(
				progress,
				(error: Error | null) => (error === null ? resolve() : reject(error)),
				(message: BuildMessage) => {
					failure ??= message.error;
					imageId = message.aux?.ID ?? imageId;
					for (const line of (message.stream ?? message.status ?? '').split('\n')) {
						if (line.trim() !== '') {
							onLine(line.trimEnd());
						}
					}
				},
			);
		});
	} catch (error) {
		failure ??= (error as {json?: {message?: string}}).json?.message ?? (error as Error).message;
	} finally {
		signal?.removeEventListener('abort', stop);
		tar.stdout.destroy();
	}

	if (signal?.aborted) {
		throw new AbortedError(`build of ${request.tag} aborted`);
	}

	const tarCode = await tarExit;
	if (tarCode !== 0 && failure === undefined) {
		failure = `tar of the context failed: ${tarError.trim().split('\n')[0] ?? `exit ${tarCode}`}`;
	}

	if (failure !== undefined) {
		throw new BuildError(`build of ${request.tag} failed: ${failure.trim().split('\n')[0]}`);
	}

	// Engines that do not send the aux message: the tag names the result.
	return imageId ?? (await docker.getImage(request.tag).inspect()).Id;
}

/** .dockerignore lines as tar --exclude patterns anchored at the context root. */
export function excludeArguments(context: string): string[] {
	const file = path.join(context, '.dockerignore');
	if (!existsSync(file)) {
		return [];
	}

	return readFileSync(file, 'utf8')
		.split('\n')
		.map(line => line.trim())
		.filter(line => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
		.map(line => `--exclude=./${line.replace(/^\.?\/+/, '').replace(/\/+$/, '')}`);
}
