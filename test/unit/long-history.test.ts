import test from 'ava';
import {LongSeries} from '../../source/stack/long-history.js';

test('a long series stays bounded for days: buckets double in width, and no peak or dip is ever lost', t => {
	const series = new LongSeries({bucketMs: 10_000, maximumBuckets: 720, recentMs: 600_000, recentCount: 600});
	const start = Date.UTC(2026, 11, 1);
	const days = 3;
	for (let second = 0; second < days * 86_400; second++) {
		const value = second === 100_000 ? 5000 : second === 200_000 ? -5 : 100 + (second % 60);
		series.add(start + second * 1000, value);
	}

	const buckets = series.buckets();
	t.true(buckets.length <= 720, `${buckets.length} buckets`);
	t.true(buckets.length > 300, 'still fine enough to draw');
	t.is(series.bucketMs, 10_000 * 2 ** Math.ceil(Math.log2((days * 86_400_000) / 10_000 / 720)));
	t.is(Math.max(...buckets.map(bucket => bucket.max)), 5000, 'the one-second spike survives');
	t.is(Math.min(...buckets.map(bucket => bucket.min)), -5, 'so does the dip');
	t.is(buckets.reduce((total, bucket) => total + bucket.count, 0), days * 86_400, 'every sample counted once');
	const mean = buckets.reduce((total, bucket) => total + bucket.mean * bucket.count, 0) / (days * 86_400);
	t.true(Math.abs(mean - 129.5) < 0.1, `mean ${mean}`);
	t.is(series.recent.size, 600, 'the recent window keeps full resolution, and only that');
	t.true(buckets.every((bucket, index) => index === 0 || bucket.from >= (buckets[index - 1]?.to ?? 0)), 'in time order, not overlapping');
});
