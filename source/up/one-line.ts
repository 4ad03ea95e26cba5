/** The first line of an engine or system error: the engine's own message when it sent one. */
export function oneLine(error: unknown): string {
	const {json, message} = (error ?? {}) as {json?: {message?: string}; message?: string};
	return (json?.message ?? message ?? String(error)).split('\n')[0] ?? 'unknown error';
}
