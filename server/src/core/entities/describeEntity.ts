import type { EntitySummary, LinkedMention } from '../corpus/entityRegistry';

/** How the caller names a document and links to a place in it (the core knows neither paths nor URIs). */
export interface DocumentLinker {
	(
		docId: string,
	): { readonly label: string; readonly link: (offset: number) => string; readonly line: (offset: number) => number } | undefined;
}

const ARTICLE_LIMIT = 12;

/**
 * Markdown for a hover on an entity mention: the entity's name and type, the other forms it is written
 * in, and how often each article mentions it, with a link to the first mention in each.
 */
export function describeEntity(mention: LinkedMention, summary: EntitySummary | undefined, linker: DocumentLinker): string {
	if (mention.type === 'date') {
		const parts = Object.entries(mention.date ?? {}).map(([k, v]) => `${k} ${v}`);
		return `**${escape(mention.text)}** · date${parts.length > 0 ? `\n\nStates: ${parts.join(', ')}` : ''}`;
	}
	if (mention.type === 'figure') {
		return `**${escape(mention.text)}** · figure${mention.value !== undefined ? ` = ${mention.value.toLocaleString('en')}` : ''}`;
	}
	const lines = [`**${escape(summary?.name ?? mention.name)}** · ${summary?.type ?? mention.type}`];
	if (mention.source === 'manual') {
		lines.push('', `_Labelled ${mention.type} by a reviewer (here or where the same name is annotated)._`);
	}
	if (mention.propagated) {
		lines.push('', '_Recognised here because other articles name it with confidence._');
	}
	if (summary) {
		const forms = summary.aliases.map((a) => `${escape(a.text)} (${a.count})`);
		lines.push('', `Written as: ${forms.join(', ')}`);
		lines.push(
			'',
			`${summary.mentionCount} mention${summary.mentionCount === 1 ? '' : 's'} in ${summary.documents.length} article${summary.documents.length === 1 ? '' : 's'}:`,
			'',
		);
		for (const doc of summary.documents.slice(0, ARTICLE_LIMIT)) {
			const target = linker(doc.docId);
			if (target) {
				lines.push(
					`- [${escape(target.label)}](${target.link(doc.first.start)}) — ${doc.count}, first at line ${target.line(doc.first.start) + 1}`,
				);
			}
		}
		if (summary.documents.length > ARTICLE_LIMIT) {
			lines.push(`- … and ${summary.documents.length - ARTICLE_LIMIT} more (Find All References lists every mention)`);
		}
	}
	return lines.join('\n');
}

function escape(text: string): string {
	return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}
