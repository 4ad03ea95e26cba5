/**
 * Prints the readme's keys table from the keymap (between the keys markers), so the readme never
 * drifts from the bindings: `npx tsx scripts/keymap-table.ts`. test/unit/readme-keys.test.ts checks it.
 */
import {formatKeysMarkdown} from '../source/ui/format/keys-table.js';
import {defaultKeymap} from '../source/ui/keymap.js';

process.stdout.write(formatKeysMarkdown(defaultKeymap) + '\n');
