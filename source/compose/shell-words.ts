/**
 * Splits a command line into words as a POSIX shell would, without expanding anything:
 * blanks separate words, 'single quotes' are literal, "double quotes" honour \" \\ \$ \`,
 * and a backslash outside quotes escapes the next character. Throws Error on an unterminated quote.
 */
export function splitShellWords(text: string): string[] {
	const words: string[] = [];
	let word = '';
	let isInWord = false;
	for (let index = 0; index < text.length; index++) {
		const character = text[index] ?? '';
		if (/\s/.test(character)) {
			if (isInWord) {
				words.push(word);
				word = '';
				isInWord = false;
			}

			continue;
		}

		isInWord = true;
		if (character === '\\') {
			const next = text[++index];
			// A backslash before a newline joins the lines.
			word += next === undefined ? '\\' : next === '\n' ? '' : next;
		} else if (character === "'") {
			const end = text.indexOf("'", index + 1);
			if (end === -1) {
				throw new Error('unterminated single quote');
			}

			word += text.slice(index + 1, end);
			index = end;
		} else if (character === '"') {
			index = readDoubleQuoted(text, index + 1, part => {
				word += part;
			});
		} else {
			word += character;
		}
	}

	if (isInWord) {
		words.push(word);
	}

	return words;
}

/** Reads a double-quoted part starting after its quote; returns the index of the closing quote. */
function readDoubleQuoted(text: string, start: number, append: (part: string) => void): number {
	for (let index = start; index < text.length; index++) {
		const character = text[index] ?? '';
		if (character === '"') {
			return index;
		}

		const next = text[index + 1];
		if (character === '\\' && next !== undefined && '"\\$`\n'.includes(next)) {
			append(next === '\n' ? '' : next);
			index++;
		} else {
			append(character);
		}
	}

	throw new Error('unterminated double quote');
}
