/** The error an aborted operation ends with. */
export class AbortedError extends Error {
	override readonly name = 'AbortError';

	constructor(what = 'aborted') {
		super(what);
	}
}

/** True for an abort however it surfaced: ours, fetch's and dockerode's (an AbortError, or a request aborted by its signal). */
export function isAbortError(error: unknown): boolean {
	const {name, code} = (error ?? {}) as {name?: string; code?: string};
	return name === 'AbortError' || code === 'ABORT_ERR';
}

/** Settles like `work`, or rejects with AbortedError as soon as the signal aborts (the work itself is left to its own signal). */
export async function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (signal === undefined) return work;
	if (signal.aborted) throw new AbortedError();
	let onAbort = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new AbortedError());
		signal.addEventListener('abort', onAbort, {once: true});
	});
	try {
		return await Promise.race([work, aborted]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}
