import {RE2JS} from 're2js';

/**
 * A regular expression from a profile, run by RE2 (re2js, a pure JavaScript port): matching
 * takes time linear in the line, so a pattern like `(a+)+$` cannot freeze stacktui on a long
 * log line the way a backtracking engine (JavaScript's RegExp) would.
 */
export type UserPattern = {
	readonly source: string;
	/** The first match in the text: the whole match and the first group (undefined without groups or when it did not take part). */
	exec(text: string): {readonly whole: string; readonly group: string | undefined} | undefined;
};

/** Compiles a pattern for RE2; throws with RE2's reason when it cannot take it (lookarounds, backreferences). */
export function compileUserPattern(source: string): UserPattern {
	const compiled = RE2JS.compile(source);
	const hasGroup = compiled.groupCount() > 0;
	return {
		source,
		exec(text) {
			const matcher = compiled.matcher(text);
			if (!matcher.find()) return undefined;
			return {whole: matcher.group(0) ?? '', group: hasGroup ? (matcher.group(1) ?? undefined) : undefined};
		},
	};
}

/** Why RE2 cannot run the pattern (one line), or undefined when it can. */
export function userPatternProblem(source: string): string | undefined {
	try {
		compileUserPattern(source);
		return undefined;
	} catch (error) {
		const reason = (error as Error).message.split('\n')[0] ?? 'not supported';
		return `the linear-time engine (RE2) cannot run it: ${reason}; lookarounds and backreferences are not supported`;
	}
}
