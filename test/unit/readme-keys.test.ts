import {readFileSync} from 'node:fs';
import test from 'ava';
import {formatKeysMarkdown, keysEndMarker, keysStartMarker} from '../../source/ui/format/keys-table.js';
import {defaultKeymap} from '../../source/ui/keymap.js';

test('readme.md holds the keys table generated from the keymap (npx tsx scripts/keymap-table.ts)', t => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8');
	const start = readme.indexOf(keysStartMarker);
	const end = readme.indexOf(keysEndMarker);
	t.true(start >= 0 && end > start, 'readme.md has the keys:start and keys:end markers');
	t.is(readme.slice(start, end + keysEndMarker.length), formatKeysMarkdown(defaultKeymap));
});

test('the generated table has a row for every key binding', t => {
	const table = formatKeysMarkdown(defaultKeymap);
	for (const binding of defaultKeymap) {
		t.true(table.includes(`| ${binding.description}`), binding.command);
	}

	t.is(table.split('\n').filter(line => line.startsWith('| `')).length, defaultKeymap.length);
});
