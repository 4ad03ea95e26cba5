import {chartColors} from './page-style.js';

/**
 * The browser script of the HTML report (plain JavaScript, run after uPlot's): reads the
 * chart data from the page's JSON block and draws a memory and a CPU chart per subject with
 * uPlot — min/max band and mean, budget lines (in their phases only), breach spans shaded,
 * gaps hatched, phases along the top, marks for restarts, exits, OOM kills, steps and keys,
 * and the leak slope. Times are UTC, like the tables. Cursors are synced across charts.
 */
export const pageScript = `(function () {
'use strict';
var data = JSON.parse(document.getElementById('report-data').textContent);
var colors = ${JSON.stringify(chartColors)};
var units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
function bytes(value) {
	if (value === null || value === undefined) return '–';
	var index = 0;
	var size = Math.abs(value);
	while (size >= 1024 && index < units.length - 1) { size /= 1024; index++; }
	var text = size >= 100 || index === 0 ? size.toFixed(0) : size.toFixed(1).replace(/\\.0$/, '');
	return (value < 0 ? '-' : '') + text + units[index];
}
function percent(value) {
	return value === null || value === undefined ? '–' : value.toFixed(value >= 100 ? 0 : 1) + '%';
}
function utc(seconds) { return uPlot.tzDate(new Date(seconds * 1e3), 'Etc/UTC'); }
/** Byte ticks at 1, 2, 5 × powers of 1024, so the axis reads 64MiB, 128MiB, not 61.4MiB. */
var byteSteps = [];
[1, 1024, 1048576, 1073741824, 1099511627776].forEach(function (unit) {
	[1, 2, 4, 8, 16, 32, 64, 128, 256, 512].forEach(function (step) { byteSteps.push(unit * step); });
});
function pad(value) { return String(value).padStart(2, '0'); }
/** 24-hour UTC ticks (with seconds when ticks are less than a minute apart); the date under the first tick and each midnight. */
function timeTicks(u, splits, axisIndex, space, increment) {
	var previousDay = null;
	return splits.map(function (seconds) {
		var date = new Date(seconds * 1e3);
		var day = date.getUTCFullYear() + '-' + pad(date.getUTCMonth() + 1) + '-' + pad(date.getUTCDate());
		var time = pad(date.getUTCHours()) + ':' + pad(date.getUTCMinutes()) + (increment < 60 ? ':' + pad(date.getUTCSeconds()) : '');
		var label = day === previousDay ? time : time + '\\n' + day;
		previousDay = day;
		return label;
	});
}
var times = data.times;
var sync = uPlot.sync('soak');

function budgetValues(line) {
	return times.map(function (time) {
		if (line.spans === null) return line.limit;
		return line.spans.some(function (span) { return time >= span[0] && time <= span[1]; }) ? line.limit : null;
	});
}
function leakValues(leak) {
	var width = leak.to - leak.from || 1;
	return times.map(function (time) {
		return time >= leak.from && time <= leak.to ? leak.fromValue + (leak.toValue - leak.fromValue) * (time - leak.from) / width : null;
	});
}
function highest(values) {
	var top = 0;
	for (var index = 0; index < values.length; index++) if (values[index] !== null && values[index] > top) top = values[index];
	return top;
}

/** Breach spans, gaps and phases behind the series; marks in front of them. */
function overlays(panel, marks) {
	function xOf(u, seconds) { return u.valToPos(seconds, 'x', true); }
	function clampSpan(u, from, to) {
		var left = Math.max(xOf(u, from), u.bbox.left);
		var right = Math.min(xOf(u, to), u.bbox.left + u.bbox.width);
		return right > left ? [left, right - left] : null;
	}
	return {hooks: {
		drawClear: [function (u) {
			var ctx = u.ctx;
			ctx.save();
			panel.breaches.forEach(function (breach) {
				var span = clampSpan(u, breach.from, breach.to);
				if (span === null) return;
				ctx.fillStyle = colors.breach;
				ctx.fillRect(span[0], u.bbox.top, Math.max(span[1], 2), u.bbox.height);
			});
			data.gaps.forEach(function (gap) {
				var span = clampSpan(u, gap[0], gap[1]);
				if (span === null) return;
				ctx.fillStyle = colors.gap;
				ctx.fillRect(span[0], u.bbox.top, span[1], u.bbox.height);
			});
			data.phases.forEach(function (phase, index) {
				var span = clampSpan(u, phase.from, phase.to);
				if (span === null) return;
				ctx.fillStyle = index % 2 === 0 ? colors.phase : colors.phaseAlternate;
				ctx.fillRect(span[0], u.bbox.top, span[1], 14 * devicePixelRatio);
				ctx.fillStyle = colors.text;
				ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
				ctx.textBaseline = 'top';
				ctx.fillText(phase.phase, span[0] + 3 * devicePixelRatio, u.bbox.top + 1 * devicePixelRatio, Math.max(span[1] - 4, 0));
			});
			ctx.restore();
		}],
		draw: [function (u) {
			var ctx = u.ctx;
			ctx.save();
			ctx.lineWidth = 1.5 * devicePixelRatio;
			ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
			marks.forEach(function (mark) {
				var x = Math.round(xOf(u, mark.at));
				if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
				ctx.strokeStyle = colors.marks[mark.kind] || colors.text;
				ctx.beginPath();
				ctx.moveTo(x, u.bbox.top);
				ctx.lineTo(x, u.bbox.top + u.bbox.height);
				ctx.stroke();
			});
			ctx.restore();
		}],
	}};
}

function chart(element, subject, resource) {
	var panel = subject[resource];
	var isMemory = resource === 'memory';
	var color = isMemory ? colors.memory : colors.cpu;
	var format = isMemory ? bytes : percent;
	var series = [
		{value: '{YYYY}-{MM}-{DD} {HH}:{mm}:{ss}'},
		{label: 'peak', stroke: color.band, width: 1, value: function (u, value) { return format(value); }},
		{label: 'low', stroke: color.band, width: 1, value: function (u, value) { return format(value); }},
		{label: 'mean', stroke: color.line, width: 2, value: function (u, value) { return format(value); }},
	];
	// Memory comes in KiB (see chart-data.ts).
	var scale = isMemory ? function (values) { return values.map(function (value) { return value === null ? null : value * 1024; }); } : function (values) { return values; };
	var columns = [times, scale(panel.max), scale(panel.min), scale(panel.mean)];
	var top = highest(columns[1]);
	var budgetTop = 0;
	panel.budgets.forEach(function (line) {
		series.push({label: line.label, stroke: colors.budget, width: 2, value: function (u, value) { return format(value); }});
		columns.push(budgetValues(line));
		budgetTop = Math.max(budgetTop, line.limit);
	});
	if (isMemory && panel.leak) {
		var slope = (panel.leak.slopeBytesPerHour >= 0 ? '+' : '') + bytes(panel.leak.slopeBytesPerHour) + '/h';
		series.push({label: 'memory slope ' + slope + (panel.leak.isLeaking ? ' (leak)' : ''), stroke: colors.leak, width: 2, dash: [8, 4], value: function (u, value) { return format(value); }});
		columns.push(leakValues(panel.leak));
		top = Math.max(top, panel.leak.fromValue, panel.leak.toValue);
	}
	// A budget far above the data would flatten it: show the budget line only when it is within reach.
	var upper = budgetTop > 0 && budgetTop <= 4 * Math.max(top, 1e-9) ? Math.max(top, budgetTop) : top;
	upper = upper > 0 ? upper * 1.08 : (isMemory ? 1024 * 1024 : 1);
	var width = Math.max(element.clientWidth, 320);
	var options = {
		width: width,
		height: 220,
		tzDate: utc,
		// Room on the right for the last time label and its date.
		padding: [12, 36, 0, 0],
		cursor: {sync: {key: sync.key}},
		scales: {x: {time: true, range: [data.start, data.end]}, y: {range: [0, upper]}},
		axes: [
			{label: 'time (UTC)', labelSize: 18, size: 44, stroke: colors.text, grid: {stroke: colors.grid}, values: timeTicks},
			{label: isMemory ? 'memory' : 'CPU (100% = 1 core)', labelSize: 18, size: 70, stroke: colors.text, grid: {stroke: colors.grid}, incrs: isMemory ? byteSteps : undefined, values: function (u, splits) { return splits.map(format); }},
		],
		series: series,
		bands: [{series: [1, 2], fill: color.fill}],
		plugins: [overlays(panel, subject.marks)],
	};
	var plot = new uPlot(options, columns, element);
	sync.sub(plot);
	if (budgetTop > upper) element.insertAdjacentHTML('beforeend', '<p class="note">budget line above the chart: the use stays under a quarter of it</p>');
	return plot;
}

var plots = [];
var subjects = [data.stack].concat(data.services);
document.querySelectorAll('.chart').forEach(function (element) {
	var subject = subjects[Number(element.getAttribute('data-subject'))];
	if (subject) plots.push({element: element, plot: chart(element, subject, element.getAttribute('data-resource'))});
});
var resizeTimer;
window.addEventListener('resize', function () {
	clearTimeout(resizeTimer);
	resizeTimer = setTimeout(function () {
		plots.forEach(function (entry) { entry.plot.setSize({width: Math.max(entry.element.clientWidth, 320), height: 220}); });
		setTimeout(recordLayout, 0);
	}, 150);
});
// For tools and tests that look at the page: how many charts were drawn, and where (once laid out).
document.documentElement.setAttribute('data-charts', String(plots.length));
function recordLayout() {
	document.documentElement.setAttribute('data-chart-layout', JSON.stringify(plots.map(function (entry) {
		var box = entry.plot.over.getBoundingClientRect();
		return {subject: subjects[Number(entry.element.getAttribute('data-subject'))].name, resource: entry.element.getAttribute('data-resource'), x: Math.round(box.left + scrollX), y: Math.round(box.top + scrollY), width: Math.round(box.width), height: Math.round(box.height)};
	})));
}
setTimeout(recordLayout, 0);
})();
`;
