import type {Duplex} from 'node:stream';
import type Docker from 'dockerode';
import {LogFrameDecoder} from './log-frames.js';

export type ExecResult = {
	readonly exitCode: number | undefined;
	/** stdout and stderr together, at most `maximumOutput` bytes. */
	readonly output: string;
};

const maximumOutput = 64 * 1024;

/**
 * Runs a command in a running container and waits for it, like `docker exec`; aborting the
 * signal stops waiting and closes the stream (the engine has no way to kill an exec).
 */
export async function execInContainer(docker: Docker, id: string, command: readonly string[], signal: AbortSignal): Promise<ExecResult> {
	signal.throwIfAborted();
	const container = docker.getContainer(id);
	const exec = await container.exec({Cmd: [...command], AttachStdout: true, AttachStderr: true, Tty: false});
	const stream = (await exec.start({hijack: true, stdin: false})) as Duplex;
	const output = await new Promise<string>((resolve, reject) => {
		const decoder = new LogFrameDecoder();
		const parts: Buffer[] = [];
		let size = 0;
		const onAbort = () => {
			stream.destroy();
			reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
		};

		signal.addEventListener('abort', onAbort, {once: true});
		stream.on('data', (chunk: Buffer) => {
			for (const frame of decoder.push(chunk)) {
				if (size < maximumOutput) parts.push(frame.payload.subarray(0, maximumOutput - size));
				size += frame.payload.length;
			}
		});
		stream.on('error', error => {
			signal.removeEventListener('abort', onAbort);
			reject(error);
		});
		stream.on('end', () => {
			signal.removeEventListener('abort', onAbort);
			resolve(Buffer.concat(parts).toString('utf8'));
		});
	});
	const inspect = await exec.inspect();
	return {exitCode: inspect.ExitCode ?? undefined, output};
}
