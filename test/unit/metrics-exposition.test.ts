import test from 'ava';
import {contentTypes, formatExposition, type MetricFamily, negotiateFormat} from '../../source/metrics/exposition.js';

const families: MetricFamily[] = [
	{name: 'demo_memory_bytes', type: 'gauge', unit: 'bytes', help: 'Memory "in use".', samples: [{labels: {service: 'db'}, value: 1536}]},
	{name: 'demo_restarts', type: 'counter', help: 'Restarts.', samples: [{labels: {service: 'db', container: 'a"b\\c\nd'}, value: 2}]},
	{name: 'demo_ratio', type: 'gauge', help: 'Odd values.', samples: [{labels: {}, value: Number.NaN}, {labels: {x: '1'}, value: Number.POSITIVE_INFINITY}]},
];

test('OpenMetrics: TYPE, UNIT and HELP per family, counter samples end in _total, # EOF last', t => {
	t.is(
		formatExposition(families, 'openmetrics'),
		[
			'# TYPE demo_memory_bytes gauge',
			'# UNIT demo_memory_bytes bytes',
			'# HELP demo_memory_bytes Memory \\"in use\\".',
			'demo_memory_bytes{service="db"} 1536',
			'# TYPE demo_restarts counter',
			'# HELP demo_restarts Restarts.',
			'demo_restarts_total{service="db",container="a\\"b\\\\c\\nd"} 2',
			'# TYPE demo_ratio gauge',
			'# HELP demo_ratio Odd values.',
			'demo_ratio NaN',
			'demo_ratio{x="1"} +Inf',
			'# EOF',
			'',
		].join('\n'),
	);
});

test('Prometheus text: no UNIT, no EOF, the counter family named after its samples, quotes in HELP as they are', t => {
	const text = formatExposition(families, 'prometheus');
	t.false(text.includes('# UNIT'));
	t.false(text.includes('# EOF'));
	t.true(text.includes('# TYPE demo_restarts_total counter\n# HELP demo_restarts_total Restarts.\ndemo_restarts_total{'));
	t.true(text.includes('# HELP demo_memory_bytes Memory "in use".\n'));
});

test('a family whose name does not end in its unit is refused (OpenMetrics requires the suffix)', t => {
	t.throws(() => formatExposition([{name: 'demo_memory', type: 'gauge', unit: 'bytes', help: 'x', samples: []}], 'openmetrics'), {message: /must end in its unit/});
});

test('content negotiation: OpenMetrics unless text/plain is preferred', t => {
	// What Prometheus 2.x sends.
	t.is(negotiateFormat('application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1'), 'openmetrics');
	t.is(negotiateFormat(undefined), 'openmetrics');
	t.is(negotiateFormat('*/*'), 'openmetrics');
	t.is(negotiateFormat('text/plain'), 'prometheus');
	t.is(negotiateFormat('text/plain;version=0.0.4;q=0.9,application/openmetrics-text;q=0.5'), 'prometheus');
	t.is(negotiateFormat('text/plain;version=0.0.4,*/*;q=0.1'), 'prometheus');
	t.is(contentTypes.openmetrics, 'application/openmetrics-text; version=1.0.0; charset=utf-8');
});
