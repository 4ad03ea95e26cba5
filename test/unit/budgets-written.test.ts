import test from 'ava';
import {loadProfile} from '../../source/profile/load-profile.js';
import {sizeUnitSystem} from '../../source/config/units.js';
import {formatSize} from '../../source/stack/format.js';
import {formatUsage} from '../../source/ui/format/numbers.js';

const gibibyte = 1024 ** 3;

test('decimal sizes are those written with an SI unit (MB, GB); docker\'s m, g and the IEC units are binary', t => {
	for (const text of ['200MB', '4GB', '1.5 GB', '500KB']) t.is(sizeUnitSystem(text), 'decimal', text);
	for (const text of ['200MiB', '4GiB', '512m', '1g', '512mb', '300']) t.is(sizeUnitSystem(text), 'binary', text);
});

test('a size reads in the unit system asked for: docker stats\' binary units, or decimal ones', t => {
	t.is(formatSize(42_350_000, 'decimal'), '42.35MB');
	t.is(formatSize(42_350_000, 'binary'), '40.39MiB');
	t.is(formatSize(3.2e9, 'decimal'), '3.2GB');
});

test('used / budget: the budget as written, the used value in its unit system', t => {
	t.is(formatUsage(40.39 * 1024 ** 2, 200e6, undefined, '200MB'), '42.35MB / 200MB');
	t.is(formatUsage(3.2e9, 4e9, undefined, '4GB'), '3.2GB / 4GB');
	t.is(formatUsage(3.5 * gibibyte, 4 * gibibyte, undefined, '4GiB'), '3.5GiB / 4GiB');
	t.is(formatUsage(40.39 * 1024 ** 2, 200e6), '40.39MiB / 190.7MiB', 'without the text: docker stats\' units');
});

test('the profile keeps each memory budget as written beside its bytes', t => {
	const {budgets} = loadProfile('test/fixtures/profiles/good/full.yaml');
	t.like(budgets.stack, {memoryBytes: 4 * gibibyte, written: {memory: '4GiB'}});
	t.like(budgets.services['redis'], {memoryBytes: 50_000_000, written: {memory: '50MB'}});
});
