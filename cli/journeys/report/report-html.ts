/**
 * Renders the report as one self-contained, accessible HTML page: a lang attribute, a heading
 * outline, every chart paired with a data table holding the same numbers (screen-reader users
 * and people who print get the figures, not a picture), and colours with at least 4.5:1 contrast.
 */
import { formatSeconds } from '../analysis/durations.ts';
import type { ReportData } from './report-data.ts';
import { formatNumber, formatPercent, MESSAGES, type Lang } from './messages.ts';

export interface HtmlOptions {
	lang: Lang;
	title?: string;
	source: string;
	by?: string;
	minGroup: number;
	warnings: string[];
	chartJs: string;
	generatedAt: Date;
	cases: number;
	events: number;
}

// Antwerp brand blue and red plus darker tones; all ≥ 4.5:1 on white.
const PALETTE = ['#0057b7', '#cf0039', '#1b7f3b', '#6b3fa0', '#8a5a00', '#005f73', '#444444'];

export function reportHtml(data: ReportData, options: HtmlOptions): string {
	const t = MESSAGES[options.lang];
	const lang = options.lang;
	const pct = (value: number) => formatPercent(value, lang);
	const num = (value: number) => formatNumber(value, lang);
	const title = options.title ?? t.title;
	const steps = data.funnel.steps;
	const verdictText = {
		lower: t.lower,
		higher: t.higher,
		'no-evidence': t.noEvidence,
		'no-data': t.noData
	};

	const funnelTable = table(
		t.funnel,
		[t.step, t.reached, t.inProgress, t.dropped, t.fromPrevious, t.interval, t.fromStart],
		steps.map((s) => [
			s.name,
			num(s.reached),
			num(s.inProgress),
			num(s.dropped),
			pct(s.conversionFromPrevious),
			`${pct(s.ci95[0])} – ${pct(s.ci95[1])}`,
			pct(s.conversionFromStart)
		]),
		'funnel-table'
	);

	const chartData = {
		funnel: {
			labels: steps.map((s) => s.name),
			values: steps.map((s) => s.reached),
			label: t.reached
		},
		segments: data.segments.map(([name, table], i) => ({
			label: name,
			color: PALETTE[i % PALETTE.length],
			values: table.steps.map((s) => Math.round(s.conversionFromPrevious * 1000) / 10)
		})),
		times: {
			labels: data.funnel.stepTimes.map((s) => `${s.from} → ${s.to}`),
			values: data.funnel.stepTimes.map((s) => Math.round((s.median / 60) * 10) / 10),
			label: t.median
		},
		steps: steps.map((s) => s.name),
		color: PALETTE[0]
	};

	const sections: string[] = [];
	sections.push(
		section('findings', t.findings, [
			`<p>${esc(t.findingsIntro)}</p>`,
			data.findings.length
				? `<ol class="findings">${data.findings.map((f) => `<li>${esc(t.finding(f))}</li>`).join('')}</ol>`
				: `<p>${esc(t.noFindings)}</p>`
		])
	);
	sections.push(
		section('funnel', t.funnel, [
			figure('funnel-chart', t.funnelChart, 'funnel-table'),
			funnelTable
		])
	);
	if (data.comparison && options.by) {
		const comparison = data.comparison;
		const rows = comparison.cells.map((c) => [
			c.step,
			c.segment,
			num(c.n),
			pct(c.rate),
			pct(c.restRate),
			`${c.differencePp >= 0 ? '+' : ''}${c.differencePp.toFixed(1)} (${c.ci95Pp[0].toFixed(1)} – ${c.ci95Pp[1].toFixed(1)})`,
			verdictText[c.verdict]
		]);
		const segmentRows = steps.map((s, i) => [
			s.name,
			...data.segments.map(([, table]) => pct(table.steps[i].conversionFromPrevious))
		]);
		sections.push(
			section('comparison', t.comparison, [
				`<p>${esc(t.comparisonIntro(options.by))}</p>`,
				figure('segment-chart', t.comparisonChart, 'segment-table'),
				table(
					t.fromPrevious,
					[t.step, ...data.segments.map(([name]) => `${options.by} = ${name}`)],
					segmentRows,
					'segment-table'
				),
				table(
					t.comparison,
					[t.step, t.group, t.cases, t.fromPrevious, t.rest, t.difference, t.verdict],
					rows,
					'comparison-table'
				),
				`<p>${esc(t.suppressed(options.minGroup))}${data.suppressed.length ? ' ' + esc(t.suppressedGroups(data.suppressed.join(', '))) : ''}</p>`
			])
		);
	}
	if (data.funnel.stepTimes.length) {
		sections.push(
			section('times', t.times, [
				figure('times-chart', t.timesChart, 'times-table'),
				table(
					t.times,
					[t.from, t.to, t.cases, t.median, t.p90],
					data.funnel.stepTimes.map((s) => [
						s.from,
						s.to,
						num(s.cases),
						formatSeconds(s.median),
						formatSeconds(s.p90)
					]),
					'times-table'
				)
			])
		);
	}
	const rework = Object.entries(data.summary.rework);
	sections.push(
		section('loops', t.loops, [
			`<p>${esc(t.loopsIntro)}</p>`,
			rework.length
				? table(
						t.loops,
						[t.activity, t.casesWithLoop],
						rework.map(([activity, cases]) => [activity, num(cases)]),
						'loops-table'
					)
				: `<p>${esc(t.noLoops)}</p>`
		])
	);
	sections.push(
		section('dropouts', t.dropouts, [
			table(
				t.dropouts,
				[t.notReached, t.stopped, t.lastEvent, t.errors],
				data.dropouts.steps
					.filter((s) => s.stopped > 0)
					.map((s) => [
						s.step,
						num(s.stopped),
						s.lastEvents.map((e) => `${e.name} (${num(e.cases)})`).join(', '),
						s.errors.map((e) => `${e.name} (${num(e.cases)})`).join(', ') || '—'
					]),
				'dropouts-table'
			)
		])
	);
	sections.push(
		section('quality', t.quality, [
			options.warnings.length
				? `<ul>${options.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`
				: `<p>${esc(t.noQuality)}</p>`
		])
	);

	const date = options.generatedAt.toISOString().slice(0, 10);
	return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p>${esc(t.intro(options.cases, options.events, options.source))}</p></header>
<main>
${sections.join('\n')}
</main>
<footer><p>${esc(t.generated(date))}</p></footer>
<script type="application/json" id="report-data">${jsonForHtml(chartData)}</script>
<script>${options.chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${CHART_SCRIPT}</script>
</body>
</html>
`;
}

function section(id: string, heading: string, body: string[]): string {
	return `<section aria-labelledby="${id}-heading"><h2 id="${id}-heading">${esc(heading)}</h2>\n${body.join('\n')}\n</section>`;
}

function figure(id: string, description: string, tableId: string): string {
	// The canvas is an image with a short label; the numbers live in the table it points to.
	return `<figure><div class="chart"><canvas id="${id}" role="img" aria-label="${esc(description)}" aria-describedby="${tableId}"></canvas></div><figcaption>${esc(description)}</figcaption></figure>`;
}

function table(caption: string, headers: string[], rows: string[][], id: string): string {
	const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
	const body = rows
		.map(
			(row) =>
				`<tr>${row.map((cell, i) => (i === 0 ? `<th scope="row">${esc(cell)}</th>` : `<td>${esc(cell)}</td>`)).join('')}</tr>`
		)
		.join('\n');
	return `<div class="table-wrap"><table id="${id}"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function esc(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function jsonForHtml(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
:root { --blue: #0057b7; --text: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem 1.5rem 3rem; color: var(--text); background: #fff; line-height: 1.5; }
h1 { color: var(--blue); font-size: 2rem; }
h2 { margin-top: 2.5rem; border-bottom: 2px solid var(--blue); padding-bottom: .25rem; }
.chart { position: relative; height: 22rem; }
figure { margin: 1rem 0; }
figcaption, footer { color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; min-width: 50%; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
td { font-variant-numeric: tabular-nums; }
thead th { background: #eef3fa; }
.findings li { margin-bottom: .5rem; }
a:focus, [tabindex]:focus { outline: 3px solid #cf0039; outline-offset: 2px; }
@media (forced-colors: active) { h2 { border-color: CanvasText; } }
`;

const CHART_SCRIPT = `
(function () {
	var data = JSON.parse(document.getElementById('report-data').textContent);
	if (typeof Chart === 'undefined') return;
	Chart.defaults.color = '#1a1a1a';
	Chart.defaults.font.size = 14;
	// No animation: it distracts, and a printed or saved page must show the final numbers.
	Chart.defaults.animation = false;
	function bar(id, labels, datasets, horizontal) {
		var el = document.getElementById(id);
		if (!el) return;
		new Chart(el, { type: 'bar', data: { labels: labels, datasets: datasets },
			options: { maintainAspectRatio: false, indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: datasets.length > 1 } } } });
	}
	bar('funnel-chart', data.funnel.labels, [{ label: data.funnel.label, data: data.funnel.values, backgroundColor: data.color }], true);
	bar('segment-chart', data.steps, data.segments.map(function (s) { return { label: s.label, data: s.values, backgroundColor: s.color }; }), false);
	bar('times-chart', data.times.labels, [{ label: data.times.label, data: data.times.values, backgroundColor: data.color }], true);
})();
`;
