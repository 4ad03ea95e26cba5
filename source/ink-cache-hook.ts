/**
 * A module load hook that bounds two caches of ink 6: `measureText` (a Map) and `wrapText` (an
 * object) keep every distinct string ever rendered, so a dashboard whose numbers change every
 * second grows its heap for as long as it runs (about 30 MiB an hour at 20 containers; ink
 * issue #986). Each cache is emptied when it reaches `limit` entries; a miss only costs a
 * re-measure. Sources that do not look as expected are left alone.
 */
const limit = 5000;
/** Put at the top of a bounded file: `npm run build` bounds the installed ink's files in place (see ink-caches-patch.ts). */
export const boundMarker = '/* stacktui: ink caches bounded */';
const measureFile = /\/ink\/build\/measure-text\.js$/;
const wrapFile = /\/ink\/build\/wrap-text\.js$/;

type LoadResult = {format?: string; source?: string | ArrayBuffer | ArrayBufferView; shortCircuit?: boolean};
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

/** The source with a bounded cache, or unchanged when the expected lines are not there. */
export function boundInkCaches(url: string, source: string): string {
	if (measureFile.test(url) && source.includes('const cache = new Map();')) {
		return boundMarker + '\n' + source.replace('const cache = new Map();', `const cache = new (class extends Map { set(key, value) { if (this.size >= ${limit}) this.clear(); return super.set(key, value); } })();`);
	}

	if (wrapFile.test(url) && source.includes('const cache = {};') && source.includes('cache[cacheKey] = wrappedText;')) {
		return boundMarker + '\n' + source
			.replace('const cache = {};', 'let cache = {};\nlet cacheSize = 0;')
			.replace('cache[cacheKey] = wrappedText;', `if (++cacheSize > ${limit}) { cache = {}; cacheSize = 1; }\n    cache[cacheKey] = wrappedText;`);
	}

	return source;
}

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
	const result = await nextLoad(url, context);
	if (!measureFile.test(url) && !wrapFile.test(url)) return result;
	const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source as ArrayBuffer).toString('utf8');
	return {...result, source: boundInkCaches(url, source)};
}
