import type { DocumentAnalysis } from './analyse';
import { ruleCatalog } from './rules';
import type { BoilerplateReason } from './text/boilerplate';
import { lineIndexAt } from './text/structure';
import type { DocumentMetadata } from './text/frontMatter';
import type { Span } from './types';

/** Markdown explaining what lies at an offset, with the span it applies to. */
export interface Description extends Span {
	readonly markdown: string;
}

const REASONS: Readonly<Record<BoilerplateReason, string>> = {
	navigation: 'site navigation',
	advertising: 'an advertising slot',
	sharing: 'a sharing or social-media widget',
	'comment-form': 'a comment form',
	newsletter: 'a newsletter prompt',
	copyright: 'a copyright line',
	'photo-credit': 'a photo credit',
	timestamp: 'a time stamp',
	byline: 'a byline',
	'source-line': 'a source line',
	teaser: 'a link to another story',
	tags: 'a tag list',
	counter: 'a counter (gallery or share count)',
	link: 'a bare link',
	script: 'leftover page code',
	'cookie-notice': 'a cookie notice',
	'site-name': "the outlet's name",
	repeated: 'a line repeated within the page (site furniture)',
};

/**
 * Explains what is at `offset`: the findings there (with their rule's documentation), or the layout
 * element (web-page debris, a caption, a dateline, front matter). Returns `undefined` for plain body
 * text with nothing to say.
 */
export function describeAt(
	analysis: DocumentAnalysis,
	offset: number,
	metadata: DocumentMetadata = analysis.metadata,
): Description | undefined {
	const here = analysis.findings.filter((f) => f.start <= offset && offset <= f.end && f.end > f.start);
	if (here.length > 0) {
		const start = Math.min(...here.map((f) => f.start));
		const end = Math.max(...here.map((f) => f.end));
		const parts = here.map((f) => {
			const info = ruleCatalog.get(f.ruleId);
			const docs = info ? `\n\n${info.docs}` : '';
			return `**${f.message}**\n\n\`${f.ruleId}\` · ${f.severity}${docs}`;
		});
		return { start, end, markdown: parts.join('\n\n---\n\n') };
	}
	const { structure } = analysis;
	const fm = structure.frontMatter;
	if (fm && offset >= fm.start && offset < fm.end) {
		const rows = (Object.keys(metadata) as (keyof DocumentMetadata)[]).map((k) => `| ${k} | ${escapeCell(metadata[k] ?? '')} |`);
		const table =
			rows.length > 0
				? `\n\n| key | value |\n|---|---|\n${rows.join('\n')}`
				: '\n\nNo metadata keys recognised (title, outlet, published, url).';
		return { start: fm.start, end: fm.end, markdown: `**Front matter**: document metadata, not analysed as text.${table}` };
	}
	for (const dateline of structure.datelines) {
		if (dateline.start <= offset && offset < dateline.end) {
			return { ...dateline, markdown: '**Dateline**: where (and by which agency) the story was filed.' };
		}
	}
	const line = findLine(analysis, offset);
	if (line?.kind === 'boilerplate') {
		const why = line.reason ? REASONS[line.reason] : 'web-page debris';
		return {
			start: line.start,
			end: line.end,
			markdown: `**Web-page debris**: ${why}. Crosscheck skips this line when analysing the article.`,
		};
	}
	if (line?.kind === 'caption') {
		return {
			start: line.start,
			end: line.end,
			markdown: '**Photo caption**: not part of the reporting; rules on claims and attribution skip it.',
		};
	}
	return undefined;
}

function findLine(analysis: DocumentAnalysis, offset: number) {
	const { index, exact } = lineIndexAt(analysis.structure.lines, offset);
	return exact ? analysis.structure.lines[index] : undefined;
}

function escapeCell(value: string): string {
	return value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
