/** A JSON answer, or why there is none: `refused` while nothing listens yet, `failed` otherwise. */
export type JsonAnswer =
	| {readonly kind: 'json'; readonly body: unknown}
	| {readonly kind: 'refused' | 'failed'; readonly reason: string};

export type FetchJsonOptions = {
	readonly signal: AbortSignal;
	readonly timeoutMs: number;
	readonly fetch?: typeof fetch;
};

/** Agents answer a few kilobytes; more is not an agent API. */
const maxBodyLength = 1_000_000;
const refusedCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EADDRNOTAVAIL', 'UND_ERR_SOCKET']);

/** GETs a JSON document within the timeout; never throws (an abort answers `failed`). */
export async function fetchJson(url: string, options: FetchJsonOptions): Promise<JsonAnswer> {
	const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
	try {
		const response = await (options.fetch ?? fetch)(url, {signal, headers: {accept: 'application/json'}});
		if (!response.ok) {
			await response.body?.cancel();
			return {kind: 'failed', reason: `${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`};
		}

		const text = await response.text();
		if (text.length > maxBodyLength) {
			return {kind: 'failed', reason: `${url} answered more than ${maxBodyLength} characters`};
		}

		try {
			return {kind: 'json', body: JSON.parse(text) as unknown};
		} catch {
			return {kind: 'failed', reason: `${url} did not answer JSON`};
		}
	} catch (error) {
		return describeFailure(url, error, options.timeoutMs);
	}
}

function describeFailure(url: string, error: unknown, timeoutMs: number): JsonAnswer {
	const name = error instanceof Error ? error.name : '';
	if (name === 'TimeoutError') {
		return {kind: 'failed', reason: `no answer from ${url} within ${timeoutMs / 1000} s`};
	}

	const cause = error instanceof Error ? (error.cause as {code?: unknown; message?: unknown} | undefined) : undefined;
	const code = typeof cause?.code === 'string' ? cause.code : undefined;
	if (code !== undefined && refusedCodes.has(code)) {
		return {kind: 'refused', reason: `nothing answers at ${url} yet (${code})`};
	}

	const message = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
	return {kind: 'failed', reason: `${url}: ${firstLine(message)}`};
}

function firstLine(text: string): string {
	return text.split('\n')[0]?.trim() ?? '';
}
