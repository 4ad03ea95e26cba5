import test from 'ava';
import {safeJson, sanitize, sanitizeLines} from '../../source/stack/sanitize.js';

const escape = '\u001B';
const bell = '\u0007';

/** Anything a terminal acts on: C0 (tab included), DEL, C1. */
const controlPattern = /[\u0000-\u001F\u007F-\u009F]/;

/** A small seeded generator, so a failing fuzz case can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d_2b_79_f5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};
}

test('the escapes of chatter (CHATTER_ESCAPES=1) leave only the text', t => {
	t.is(sanitize(`${escape}[31mline 3${escape}[0m`), 'line 3');
	t.is(sanitize(`${escape}[2J${escape}[Hline 7`), 'line 7');
	t.is(sanitize(`${escape}]0;pwned${bell}line 11`), 'line 11');
	t.is(sanitize(`${escape}]0;pwned${bell}${escape}[2J${escape}[H${escape}[31mline 231${escape}[0m`), 'line 231');
});

test('CSI with private parameters and intermediates, and its C1 form', t => {
	t.is(sanitize(`a${escape}[?25lb${escape}[1;31;48;5;200mc${escape}[ qd`), 'abcd');
	t.is(sanitize('a\u009B2Jb\u009B31mc'), 'abc');
});

test('OSC ends at BEL, at ESC \\ and at C1 ST; a hyperlink keeps its visible text', t => {
	t.is(sanitize(`a${escape}]2;title${bell}b`), 'ab');
	t.is(sanitize(`a${escape}]2;title${escape}\\b`), 'ab');
	t.is(sanitize('a\u009D2;title\u009Cb'), 'ab');
	t.is(sanitize(`${escape}]8;;https://example.com${escape}\\link${escape}]8;;${escape}\\`), 'link');
	t.is(sanitize(`a${escape}]52;c;cHduZWQ=${bell}b`), 'ab', 'a clipboard write is removed');
});

test('DCS, SOS, PM and APC strings are removed with their contents', t => {
	t.is(sanitize(`a${escape}P1$r0m${escape}\\b`), 'ab');
	t.is(sanitize(`a${escape}Xsos${escape}\\b`), 'ab');
	t.is(sanitize(`a${escape}^pm${escape}\\b`), 'ab');
	t.is(sanitize(`a${escape}_Gf=100;AAAA${escape}\\b`), 'ab');
	t.is(sanitize('a\u0090dcs\u009Cb\u009Fapc\u009Cc'), 'abc');
});

test('single ESC sequences and charset designations', t => {
	t.is(sanitize(`a${escape}7b${escape}8c${escape}cd${escape}Me${escape}(Bf${escape}#8g`), 'abcdefg');
});

test('an ESC inside an unterminated string starts a sequence of its own', t => {
	t.is(sanitize(`a${escape}]0;title${escape}[31mb`), 'ab');
});

test('an unterminated string runs to the end of the line; a broken CSI eats nothing after it', t => {
	t.is(sanitize(`kept${escape}]0;never ends`), 'kept');
	t.is(sanitize(`a${escape}[12\u0000b`), 'ab');
	t.is(sanitize(`a${escape}`), 'a');
	t.is(sanitize(`a${escape}[`), 'a');
});

test('C0 and C1 controls, DEL and lone CR are dropped', t => {
	t.is(sanitize('a\u0000b\u0007c\bd\u000Be\u000Cf\rg\u007Fh\u0085i\u009Aj'), 'abcdefghij');
	t.is(sanitize('progress 10%\rprogress 20%'), 'progress 10%progress 20%');
});

test('tabs expand to the next stop of 8 columns', t => {
	t.is(sanitize('a\tb'), `a${' '.repeat(7)}b`);
	t.is(sanitize('12345678\tx'), `12345678${' '.repeat(8)}x`);
	t.is(sanitize('\t\tx'), `${' '.repeat(16)}x`);
	t.is(sanitize(`${escape}[1mkey${escape}[0m\tvalue`), `key${' '.repeat(5)}value`, 'columns count printed characters only');
});

test('printable Unicode is kept as it is', t => {
	const text = 'héllo wörld 日本語 😀 👩‍👩‍👧 é Ωμέγα ~!@#$%^&*()[]{}';
	t.is(sanitize(text), text);
	t.is(sanitize(`${escape}[32m${text}${escape}[0m`), text);
});

test('a lone surrogate (a line cut inside an emoji) becomes U+FFFD', t => {
	t.is(sanitize('cut \uD83D'), 'cut \uFFFD');
	t.is(sanitize('\uDE00 rest\t'), `\uFFFD rest${' '.repeat(2)}`);
});

test('fuzz: 10,000 random byte strings never keep ESC, BEL, C1 or any other control', t => {
	const next = random(20_240_501);
	const favourites = [0x1b, 0x1b, 0x5b, 0x5d, 0x07, 0x5c, 0x9b, 0x9c, 0x9d, 0x90, 0x09, 0x0d, 0x50, 0x5f];
	let clean = 0;
	for (let round = 0; round < 10_000; round += 1) {
		const length = Math.floor(next() * 64);
		const bytes = Buffer.alloc(length);
		for (let index = 0; index < length; index += 1) {
			// Half the bytes from the characters escape sequences are made of, so sequences really occur.
			bytes[index] = next() < 0.5 ? favourites[Math.floor(next() * favourites.length)]! : Math.floor(next() * 256);
		}

		// Latin-1 maps every byte to one code point, C1 included; UTF-8 decoding adds replacement characters.
		const text = round % 2 === 0 ? bytes.toString('latin1') : bytes.toString('utf8');
		const output = sanitize(text);
		if (controlPattern.test(output) || output !== sanitize(output)) {
			t.fail(`round ${round}: ${JSON.stringify(text)} gave ${JSON.stringify(output)}`);
			return;
		}

		clean += 1;
	}

	t.is(clean, 10_000);
});

test('fuzz: text mixed with known sequences comes out as exactly the text', t => {
	const next = random(7);
	const sequences = [
		`${escape}[31m`,
		`${escape}[0m`,
		`${escape}[2J`,
		`${escape}[H`,
		`${escape}[?1049h`,
		`${escape}]0;pwned${bell}`,
		`${escape}]8;;http://x${escape}\\`,
		`${escape}P+q${escape}\\`,
		`${escape}_apc\u009C`,
		`${escape}7`,
		`${escape}(0`,
		'\u009B1;2H',
		'\u0000',
		'\r',
		'\u007F',
	];
	const texts = ['line', ' 42 ', 'é', '日本', '😀', 'a[b]c', '\\', ';', 'm'];
	let exact = 0;
	for (let round = 0; round < 2000; round += 1) {
		let input = '';
		let expected = '';
		for (let piece = 0; piece < 12; piece += 1) {
			if (next() < 0.5) {
				input += sequences[Math.floor(next() * sequences.length)];
			} else {
				const text = texts[Math.floor(next() * texts.length)]!;
				input += text;
				expected += text;
			}
		}

		if (sanitize(input) !== expected) {
			t.is(sanitize(input), expected, `round ${round}: ${JSON.stringify(input)}`);
			return;
		}

		exact += 1;
	}

	t.is(exact, 2000);
});

test('bidi overrides and isolates are neutralised: each becomes a visible U+FFFD, so the order and width of what follows is what it seems', t => {
	for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
		const control = String.fromCodePoint(code);
		t.is(sanitize(`admin${control}nimda`), 'admin\uFFFDnimda', code.toString(16));
	}

	t.is(sanitize('\u202Eevil\u202C and \t tab'), '\uFFFDevil\uFFFD and       tab', 'with controls too');
	t.is(sanitize(sanitize('\u202Ex\u001B[31m')), '\uFFFDx', 'sanitizing twice changes nothing more');
});

test('sanitizeLines keeps the line breaks of a multi-line text and cleans each line', t => {
	t.is(sanitizeLines(`one\u001B]0;t\u0007\ntwo\u202E\r\n\nthree`), 'one\ntwo\uFFFD\n\nthree');
});

test('safeJson keeps the data exact but writes C1 controls, bidi controls and line separators as \\u escapes', t => {
	const value = {name: 'a\u001B]52;c;eA==\u0007b\u009B2J\u202Ec\u2028d'};
	const text = safeJson(value);
	t.false(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/.test(text.replaceAll('\n', '')));
	t.deepEqual(JSON.parse(text), value);
	t.true(text.includes(String.raw`\u009b2J\u202ec\u2028d`));
});
