import type Docker from 'dockerode';
import {AbortedError} from './abort.js';

/** Bytes downloaded over all layers, and the total of the layers whose size is known yet. */
export type PullProgress = {readonly currentBytes: number; readonly totalBytes: number; readonly status: string};

type PullMessage = {
	status?: string;
	id?: string;
	error?: string;
	progressDetail?: {current?: number; total?: number};
};

/** A pull that failed, with a one-line message naming the image. */
export class PullError extends Error {
	override readonly name = 'PullError';
}

/**
 * Pulls an image, reporting progress summed over its layers. When no registry answers
 * (the usual case offline) the error says so in one line instead of the engine's dial trace.
 */
export async function pullImage(docker: Docker, reference: string, onProgress: (progress: PullProgress) => void, signal?: AbortSignal): Promise<void> {
	let stream: NodeJS.ReadableStream;
	try {
		stream = await docker.pull(reference, signal === undefined ? {} : {abortSignal: signal});
	} catch (error) {
		throw signal?.aborted ? new AbortedError(`pull of ${reference} aborted`) : pullError(reference, error);
	}

	const layers = new Map<string, {current: number; total: number}>();
	const destroy = () => (stream as NodeJS.ReadableStream & {destroy(): void}).destroy();
	signal?.addEventListener('abort', destroy, {once: true});
	try {
		await followPull(docker, reference, stream, layers, onProgress);
	} catch (error) {
		throw signal?.aborted ? new AbortedError(`pull of ${reference} aborted`) : error;
	} finally {
		signal?.removeEventListener('abort', destroy);
	}
}

async function followPull(
	docker: Docker,
	reference: string,
	stream: NodeJS.ReadableStream,
	layers: Map<string, {current: number; total: number}>,
	onProgress: (progress: PullProgress) => void,
): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		docker.modem.followProgress(
			stream,
			(error: Error | null, messages: PullMessage[]) => {
				const failed = messages?.find(message => message.error !== undefined);
				if (error !== null || failed !== undefined) {
					reject(pullError(reference, error ?? new Error(failed?.error)));
				} else {
					resolve();
				}
			},
			(message: PullMessage) => {
				if (message.id !== undefined && message.progressDetail?.total !== undefined) {
					const layer = layers.get(message.id) ?? {current: 0, total: 0};
					// Extraction reports progress too; count download only.
					if (message.status === 'Downloading') {
						layers.set(message.id, {current: message.progressDetail.current ?? 0, total: message.progressDetail.total});
					} else if (message.status === 'Download complete') {
						layers.set(message.id, {current: layer.total, total: layer.total});
					}
				}

				let currentBytes = 0;
				let totalBytes = 0;
				for (const layer of layers.values()) {
					currentBytes += layer.current;
					totalBytes += layer.total;
				}

				onProgress({currentBytes, totalBytes, status: message.status ?? ''});
			},
		);
	});
}

/** Dial, DNS and timeout failures mean no registry answered; anything else is the registry's word. */
export function pullError(reference: string, error: unknown): PullError {
	const {json, message} = (error ?? {}) as {json?: {message?: string}; message?: string};
	const text = (json?.message ?? message ?? String(error)).split('\n')[0] ?? '';
	const isUnreachable = /dial tcp|no such host|connection refused|i\/o timeout|network is unreachable|TLS handshake timeout|Client\.Timeout/i.test(text);
	return new PullError(
		isUnreachable
			? `image ${reference} is not on this engine and no registry answered to pull it (${text.replace(/^.*?: (?=dial tcp|lookup)/, '')})`
			: `cannot pull image ${reference}: ${text}`,
	);
}
