import type { FactGroupItem, FactMentionItem } from '../../server/src/protocol';

/** What the page needs from its webview: this render's nonce (the only style allowed), and links to passages. */
export interface SheetContext {
	readonly nonce: string;
	/** A `command:` link that opens a mention's passage. */
	readonly openLink: (mention: FactMentionItem) => string;
}

const RELATION_TEXT: Readonly<Record<FactGroupItem['relation'], string>> = {
	conflict: 'These figures cannot all be true.',
	divergent: 'These figures differ, but can all be true: their intervals overlap.',
	equal: 'These figures agree.',
};

const STATE_TEXT = { unreviewed: 'unreviewed', open: 'noted', confirmed: 'confirmed', dismissed: 'dismissed' } as const;

/**
 * The fact sheet of one quantity: a sentence on how the figures relate, a chart of every article's
 * interval (one bar per figure, in publication order when known), and the table behind it. Plain HTML
 * and SVG, no script, coloured by the theme's variables; everything inserted is escaped.
 */
export function renderFactSheet(group: FactGroupItem | undefined, context: SheetContext): string {
	// Nothing loads but the page's own style: no script, no image, no font, no remote anything.
	const csp = `default-src 'none'; style-src 'nonce-${context.nonce}';`;
	const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${context.nonce}">${STYLE}</style>`;
	if (!group) {
		return `<!DOCTYPE html><html lang="en"><head>${head}</head><body><p class="empty">This quantity is no longer reported by two articles: the figure was edited, or its article changed.</p></body></html>`;
	}
	const rows = group.mentions
		.map((m) => {
			const state = m.finding ? STATE_TEXT[m.finding.state] : '—';
			const reason = m.finding?.reason ? ` <span class="reason">(${escape(m.finding.reason)})</span>` : '';
			return `<tr class="${m.finding?.state === 'dismissed' ? 'dismissed' : ''}"><td><a href="${escape(context.openLink(m))}" title="${escape(m.article)}">${escape(shortName(m.article))}</a></td><td>${escape(m.text)}</td><td class="num">${escape(m.interval)}</td><td class="num">${escape(formatPublished(m.published))}</td><td>${state}${reason}</td></tr>`;
		})
		.join('');
	const cluster = group.cluster === '' ? '' : ` · cluster ${escape(group.cluster)}`;
	return `<!DOCTYPE html><html lang="en"><head>${head}</head><body>
<h1>${escape(group.label)}</h1>
<p class="relation ${group.relation}">${RELATION_TEXT[group.relation]} <span class="muted">${group.articles} articles${cluster}</span></p>
${renderChart(group.mentions)}
<table><thead><tr><th>Article</th><th>As written</th><th>Interval</th><th>Published</th><th>Review</th></tr></thead><tbody>${rows}</tbody></table>
<p class="muted legend">Bars show each figure's interval: "about 5,000" is ±10%, "more than 16,000" runs on to the right edge. A filled end is included, a hollow one is not.</p>
</body></html>`;
}

const ROW = 26;
const LABEL_WIDTH = 230;
const PLOT_WIDTH = 400;
const TOP = 8;
const AXIS = 28;

/** The interval bars, one row per figure, on a linear axis fitted to every finite end. */
export function renderChart(mentions: readonly FactMentionItem[]): string {
	const ends = mentions.flatMap((m) => [m.min, m.max].filter((v): v is number => v !== null));
	if (ends.length === 0) {
		return '';
	}
	let lo = Math.min(...ends);
	let hi = Math.max(...ends);
	const pad = hi > lo ? (hi - lo) * 0.08 : Math.max(Math.abs(hi) * 0.1, 1);
	lo = Math.max(lo - pad, lo >= 0 ? 0 : -Infinity);
	hi = hi + pad;
	const x = (v: number): number => LABEL_WIDTH + ((v - lo) / (hi - lo)) * PLOT_WIDTH;
	const height = TOP + mentions.length * ROW + AXIS;
	const parts: string[] = [];
	mentions.forEach((m, i) => {
		const y = TOP + i * ROW + ROW / 2;
		const cls = m.finding?.state === 'dismissed' ? 'bar dismissed' : 'bar';
		const outlet = shortName(m.article);
		const figure = m.text.length > 18 ? `${m.text.slice(0, 17)}…` : m.text;
		const label = `${outlet.length > 18 ? `${outlet.slice(0, 17)}…` : outlet}: ${figure}`;
		parts.push(`<text class="label" x="${LABEL_WIDTH - 8}" y="${y + 4}" text-anchor="end">${escape(label)}</text>`);
		const left = m.min === null ? LABEL_WIDTH : x(m.min);
		const right = m.max === null ? LABEL_WIDTH + PLOT_WIDTH : x(m.max);
		const title = `<title>${escape(`${m.article}: "${m.text}" = ${m.interval}`)}</title>`;
		if (right - left < 1) {
			parts.push(`<g class="${cls}">${title}<circle cx="${fmt(left)}" cy="${y}" r="5" class="end in"/></g>`);
			return;
		}
		const open = [
			m.min === null ? `<path d="M${fmt(left + 6)} ${y - 5} L${fmt(left)} ${y} L${fmt(left + 6)} ${y + 5}" class="arrow"/>` : '',
			m.max === null ? `<path d="M${fmt(right - 6)} ${y - 5} L${fmt(right)} ${y} L${fmt(right - 6)} ${y + 5}" class="arrow"/>` : '',
		];
		const endpoint = (value: number | null, at: number, inclusive: boolean): string =>
			value === null ? '' : `<circle cx="${fmt(at)}" cy="${y}" r="4" class="end ${inclusive ? 'in' : 'out'}"/>`;
		parts.push(
			`<g class="${cls}">${title}<line x1="${fmt(left)}" y1="${y}" x2="${fmt(right)}" y2="${y}"/>${open.join('')}${endpoint(m.min, left, m.minInclusive)}${endpoint(m.max, right, m.maxInclusive)}</g>`,
		);
	});
	const axisY = TOP + mentions.length * ROW + 4;
	parts.push(`<line class="axis" x1="${LABEL_WIDTH}" y1="${axisY}" x2="${LABEL_WIDTH + PLOT_WIDTH}" y2="${axisY}"/>`);
	for (const tick of ticks(lo, hi)) {
		const tx = x(tick);
		parts.push(`<line class="axis" x1="${fmt(tx)}" y1="${axisY}" x2="${fmt(tx)}" y2="${axisY + 4}"/>`);
		parts.push(`<text class="tick" x="${fmt(tx)}" y="${axisY + 16}" text-anchor="middle">${tick.toLocaleString('en-US')}</text>`);
	}
	return `<svg class="chart" role="img" aria-label="Each article's figure as an interval" width="${LABEL_WIDTH + PLOT_WIDTH + 24}" height="${height}" viewBox="0 0 ${LABEL_WIDTH + PLOT_WIDTH + 24} ${height}">${parts.join('')}</svg>`;
}

/** About five round tick values between `lo` and `hi`. */
export function ticks(lo: number, hi: number): number[] {
	const span = hi - lo;
	if (!(span > 0) || !Number.isFinite(span)) {
		return [lo];
	}
	const raw = span / 5;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw)!;
	const result: number[] = [];
	for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
		result.push(Number(t.toPrecision(12)));
	}
	return result;
}

/** An article's outlet without its file name ("Northgate Wire (northgate-wire.txt)" → "Northgate Wire"). */
function shortName(article: string): string {
	return /^(.+?) \([^()]+\)$/.exec(article)?.[1] ?? article;
}

/** A publication time as a reader scans it: "2025-03-05 07:15 +01:00". */
export function formatPublished(published: string | undefined): string {
	if (published === undefined) {
		return '';
	}
	const parts = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?$/.exec(published);
	return parts ? `${parts[1]} ${parts[2]}${parts[3] ? ` ${parts[3] === 'Z' ? 'UTC' : parts[3]}` : ''}` : published;
}

function fmt(value: number): string {
	return value.toFixed(1);
}

function escape(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 16px 16px; }
h1 { font-size: 1.3em; font-weight: 600; margin: 16px 0 4px; }
.muted, .reason { color: var(--vscode-descriptionForeground); }
.relation.conflict { color: var(--vscode-problemsWarningIcon-foreground, var(--vscode-editorWarning-foreground)); }
.relation.conflict .muted { color: var(--vscode-descriptionForeground); }
.chart { display: block; margin: 12px 0; max-width: 100%; height: auto; }
.chart .label, .chart .tick { fill: var(--vscode-foreground); font-size: 12px; font-family: var(--vscode-font-family); }
.chart .tick { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.chart .axis { stroke: var(--vscode-panel-border, var(--vscode-descriptionForeground)); stroke-width: 1; }
.chart .bar line, .chart .bar .arrow { stroke: var(--vscode-charts-blue); stroke-width: 6; stroke-linecap: butt; fill: none; }
.chart .bar .arrow { stroke-width: 2; }
.chart .bar .end { stroke: var(--vscode-charts-blue); stroke-width: 2; }
.chart .bar .end.in { fill: var(--vscode-charts-blue); }
.chart .bar .end.out { fill: var(--vscode-editor-background); }
.chart .bar.dismissed { opacity: 0.4; }
table { border-collapse: collapse; margin-top: 8px; }
th, td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid var(--vscode-panel-border, transparent); vertical-align: top; }
th { font-weight: 600; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.dismissed td { color: var(--vscode-disabledForeground); }
a { color: var(--vscode-textLink-foreground); }
.empty { margin-top: 24px; color: var(--vscode-descriptionForeground); }
.legend { font-size: 0.9em; margin-top: 12px; }
`;
