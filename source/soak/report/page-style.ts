/** Chart colours: a palette readable by most colour-blind readers; the budget line is the one red. */
export const chartColors = {
	memory: {line: '#1f77b4', band: 'rgba(31, 119, 180, 0.55)', fill: 'rgba(31, 119, 180, 0.15)'},
	cpu: {line: '#2ca02c', band: 'rgba(44, 160, 44, 0.55)', fill: 'rgba(44, 160, 44, 0.15)'},
	budget: '#d62728',
	breach: 'rgba(214, 39, 40, 0.14)',
	leak: '#ff7f0e',
	gap: 'rgba(127, 127, 127, 0.22)',
	phase: 'rgba(148, 103, 189, 0.22)',
	phaseAlternate: 'rgba(23, 190, 207, 0.22)',
	text: '#333333',
	grid: 'rgba(0, 0, 0, 0.08)',
	marks: {start: '#9467bd', die: '#8c564b', oom: '#e377c2', step: '#17becf', action: '#bcbd22', phase: '#555555', resume: '#000000'},
} as const;

/** The page's own style (uPlot's comes inlined beside it). */
export const pageStyle = `
:root { color-scheme: light; --held: #1a7f37; --breached: #cf222e; --skipped: #6e7781; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #24292f; margin: 0 auto; padding: 16px 24px 48px; max-width: 1400px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 4px; }
.verdict { display: inline-block; font-weight: 700; font-size: 18px; padding: 4px 12px; border-radius: 6px; color: #fff; margin: 8px 0; }
.verdict-held { background: var(--held); } .verdict-breached { background: var(--breached); } .verdict-not-evaluated { background: var(--skipped); }
.facts { color: #57606a; margin: 4px 0 12px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.breached td:first-child { color: var(--breached); font-weight: 700; }
tr.held td:first-child { color: var(--held); }
tr.not-evaluated td { color: var(--skipped); }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 8px 20px; }
.chart { min-width: 320px; min-height: 290px; } /* the chart and its legend: no jump when they draw */
.chart-title { font-weight: 600; margin: 6px 0 0; }
.legend-marks { color: #57606a; font-size: 12px; margin: 4px 0; }
.legend-marks span { white-space: nowrap; margin-right: 12px; }
.swatch { display: inline-block; width: 14px; height: 10px; margin-right: 4px; vertical-align: baseline; border-radius: 2px; }
.note { color: #57606a; font-size: 12px; margin: 2px 0; }
.service-facts { color: #57606a; margin: 0 0 4px; }
.warning { color: var(--breached); }
details summary { cursor: pointer; margin: 8px 0; }
footer { margin-top: 32px; color: #6e7781; font-size: 12px; }
`;
