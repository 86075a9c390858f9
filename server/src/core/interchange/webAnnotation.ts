import { makeAnchor, type TextAnchor } from '../review/anchor';
import { CodePointIndex } from './codePoints';
import type { ArticleAnnotations } from './model';

/**
 * W3C Web Annotation (https://www.w3.org/TR/annotation-model/) as JSON-LD: one `AnnotationCollection`
 * whose single page holds every annotation. Each annotation's label is a `TextualBody` with purpose
 * `tagging`, its note one with purpose `commenting`; its target is the article (`source`: the path
 * relative to the corpus root, a relative IRI reference) with a `TextQuoteSelector` (exact, prefix,
 * suffix) and a `TextPositionSelector` whose `start` and `end` count Unicode code points, as the model
 * requires ("The selection of the text MUST be in terms of unicode code points … not in terms of code
 * units"). An orphaned annotation has only its recorded `TextQuoteSelector`.
 */
export function formatWebAnnotations(articles: readonly ArticleAnnotations[]): Record<string, unknown> {
	const items: Record<string, unknown>[] = [];
	for (const article of articles) {
		const index = new CodePointIndex(article.text);
		const source = article.path.split('/').map(encodeURIComponent).join('/');
		let n = 0;
		const id = (): string => `urn:crosscheck:annotation:${source}:${++n}`;
		for (const a of article.annotations) {
			const anchor = makeAnchor(article.text, a);
			items.push(
				annotation(id(), a, source, [
					quoteSelector(anchor),
					{ type: 'TextPositionSelector', start: index.toCodePoint(a.start), end: index.toCodePoint(a.end) },
				]),
			);
		}
		for (const o of article.orphans) {
			items.push(annotation(id(), o, source, [quoteSelector(o.anchor)]));
		}
	}
	return {
		'@context': 'http://www.w3.org/ns/anno.jsonld',
		type: 'AnnotationCollection',
		label: 'Crosscheck annotations',
		total: items.length,
		first: { type: 'AnnotationPage', startIndex: 0, items },
	};
}

function annotation(
	id: string,
	a: { label: string; note?: string; by?: string; date?: string },
	source: string,
	selector: readonly Record<string, unknown>[],
): Record<string, unknown> {
	const created = a.date === undefined ? undefined : /^\d{4}-\d{2}-\d{2}$/.test(a.date) ? `${a.date}T00:00:00Z` : a.date;
	return {
		id,
		type: 'Annotation',
		motivation: a.note !== undefined ? ['tagging', 'commenting'] : 'tagging',
		body: [
			{ type: 'TextualBody', purpose: 'tagging', value: a.label },
			...(a.note !== undefined ? [{ type: 'TextualBody', purpose: 'commenting', value: a.note }] : []),
		],
		...(a.by !== undefined ? { creator: { type: 'Person', name: a.by } } : {}),
		...(created !== undefined ? { created } : {}),
		target: { source, selector: selector.length === 1 ? selector[0] : selector },
	};
}

function quoteSelector(anchor: TextAnchor): Record<string, unknown> {
	return {
		type: 'TextQuoteSelector',
		exact: anchor.exact,
		...(anchor.prefix !== '' ? { prefix: anchor.prefix } : {}),
		...(anchor.suffix !== '' ? { suffix: anchor.suffix } : {}),
	};
}
