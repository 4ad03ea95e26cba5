import test from 'ava';
import stringWidth from 'string-width';
import {wrapText} from '../../source/stack/wrap-text.js';

test('a line that fits is one piece; an empty line still takes a row', t => {
	t.deepEqual(wrapText('short', 10), [{start: 0, text: 'short'}]);
	t.deepEqual(wrapText('', 10), [{start: 0, text: ''}]);
});

test('a long line is cut into pieces of the width, which put back together are the line', t => {
	const url = 'url=https://4b1c-203-0-113-7.ngrok-free.app';
	const pieces = wrapText(url, 12);
	t.deepEqual(pieces.map(piece => piece.text), ['url=https://', '4b1c-203-0-1', '13-7.ngrok-f', 'ree.app']);
	t.is(pieces.map(piece => piece.text).join(''), url);
	t.deepEqual(pieces.map(piece => piece.start), [0, 12, 24, 36]);
});

test('wide characters count two columns and are never cut in half; an emoji stays whole', t => {
	const pieces = wrapText('日本語テキスト', 5);
	t.deepEqual(pieces.map(piece => piece.text), ['日本', '語テ', 'キス', 'ト']);
	t.true(pieces.every(piece => stringWidth(piece.text) <= 5));
	t.deepEqual(wrapText('ab👩‍👩‍👧cd', 3).map(piece => piece.text), ['ab', '👩‍👩‍👧c', 'd']);
});

test('a width below one still makes progress', t => {
	t.deepEqual(wrapText('abc', 0).map(piece => piece.text), ['a', 'b', 'c']);
});
