import {
	SymbolKind,
	type Connection,
	type DocumentSymbol,
	type Location,
	type SemanticTokens,
	type SemanticTokensLegend,
	type SymbolInformation,
	type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ENTITY_TYPES, type EntityType, type LinkedMention } from '../../core';
import { ENTITY_TYPE_LABELS, EntitiesRequest, type EntitiesResult } from '../../protocol';
import { toRange } from '../convert';
import type { Workspace } from '../workspace';

/** Semantic token types: Crosscheck's own, each declared in package.json with a standard super type. */
export const semanticTokensLegend: SemanticTokensLegend = { tokenTypes: [...ENTITY_TYPES], tokenModifiers: ['propagated'] };

const SYMBOL_KIND: Readonly<Record<EntityType, SymbolKind>> = {
	person: SymbolKind.Object,
	organization: SymbolKind.Class,
	place: SymbolKind.Namespace,
	other: SymbolKind.Struct,
	date: SymbolKind.Event,
	figure: SymbolKind.Number,
};

const NAMES = new Set<EntityType>(['person', 'organization', 'place', 'other']);

/**
 * Entity navigation: go to definition (the entity's first mention in the corpus), find all references
 * (every mention in every article), workspace and document symbols, semantic tokens, and the
 * `crosscheck/entities` list behind the Entities view.
 */
export function registerEntities(connection: Connection, documents: TextDocuments<TextDocument>, workspace: Workspace): void {
	const mentionAt = (uri: string, line: number, character: number) => {
		const entry = workspace.lookup(uri);
		const document = documents.get(uri);
		if (!entry) {
			return undefined;
		}
		const offset = document ? document.offsetAt({ line, character }) : undefined;
		if (offset === undefined) {
			return undefined;
		}
		const mention = entry.corpus.mentions(entry.id).find((m) => m.start <= offset && offset <= m.end);
		return mention ? { entry, mention } : undefined;
	};

	const locations = (corpus: ReturnType<Workspace['corpora']>[number], entity: string): Location[] =>
		corpus.entities.locations(entity).flatMap((l) => {
			const target = workspace.locate(l.docId);
			return target ? [{ uri: target.uri, range: toRange(target.lines, l.start, l.end) }] : [];
		});

	connection.onDefinition((params) => {
		const found = mentionAt(params.textDocument.uri, params.position.line, params.position.character);
		if (!found || !NAMES.has(found.mention.type)) {
			return null;
		}
		return locations(found.entry.corpus, found.mention.entity)[0] ?? null;
	});

	connection.onReferences((params) => {
		const found = mentionAt(params.textDocument.uri, params.position.line, params.position.character);
		if (!found || !NAMES.has(found.mention.type)) {
			return null;
		}
		return locations(found.entry.corpus, found.mention.entity);
	});

	connection.onWorkspaceSymbol((params): SymbolInformation[] => {
		const query = params.query.toLowerCase();
		const symbols: SymbolInformation[] = [];
		for (const corpus of workspace.corpora()) {
			for (const entity of corpus.entities.names()) {
				if (query && !entity.name.toLowerCase().includes(query) && !entity.id.includes(query)) {
					continue;
				}
				const first = corpus.entities.locations(entity.id)[0];
				const target = first && workspace.locate(first.docId);
				if (first && target) {
					symbols.push({
						name: entity.name,
						kind: SYMBOL_KIND[entity.type],
						containerName: `${entity.type} · ${entity.mentions} mention${entity.mentions === 1 ? '' : 's'} in ${entity.documents} article${entity.documents === 1 ? '' : 's'}`,
						location: { uri: target.uri, range: toRange(target.lines, first.start, first.end) },
					});
				}
				if (symbols.length >= 500) {
					return symbols;
				}
			}
		}
		return symbols;
	});

	connection.onDocumentSymbol((params): DocumentSymbol[] => {
		const entry = workspace.lookup(params.textDocument.uri);
		if (!entry) {
			return [];
		}
		const groups = new Map<EntityType, Map<string, LinkedMention[]>>();
		for (const m of entry.corpus.mentions(entry.id)) {
			const byEntity = groups.get(m.type) ?? groups.set(m.type, new Map()).get(m.type)!;
			(byEntity.get(m.entity) ?? byEntity.set(m.entity, []).get(m.entity)!).push(m);
		}
		const symbols: DocumentSymbol[] = ENTITY_TYPES.filter((t) => groups.has(t)).map((type) => {
			const entities = [...groups.get(type)!.values()];
			const children: DocumentSymbol[] = entities.map((mentions) => {
				const first = mentions[0]!;
				const range = toRange(entry.lines, first.start, first.end);
				return {
					name: NAMES.has(type) ? first.name : first.text,
					detail: `${mentions.length}×`,
					kind: SYMBOL_KIND[type],
					range,
					selectionRange: range,
				};
			});
			const start = Math.min(...entities.map((m) => m[0]!.start));
			const end = Math.max(...entities.map((m) => m[0]!.end));
			const range = toRange(entry.lines, start, end);
			return {
				name: ENTITY_TYPE_LABELS[type],
				detail: `${entities.length}`,
				kind: SYMBOL_KIND[type],
				range,
				selectionRange: toRange(entry.lines, start, start),
				children,
			};
		});
		// Who is quoted: speakers with their quotations, then quotations nobody is named for.
		const bySpeaker = new Map<string, { start: number; end: number; text: string }[]>();
		for (const q of entry.doc.analysis.attribution.quotes) {
			const who = q.speaker ? (entry.corpus.speakerName(entry.id, q.speaker).name ?? q.speaker.text) : '(no speaker)';
			const words = entry.doc.text.slice(q.start, q.end).replace(/\s+/g, ' ');
			(bySpeaker.get(who) ?? bySpeaker.set(who, []).get(who)!).push({
				start: q.start,
				end: q.end,
				text: `${q.kind === 'indirect' ? '' : '“'}${words.length > 60 ? `${words.slice(0, 59)}…` : words}${q.kind === 'indirect' ? '' : '”'}`,
			});
		}
		if (bySpeaker.size > 0) {
			const speakers: DocumentSymbol[] = [...bySpeaker].map(([who, quotes]) => {
				const range = toRange(entry.lines, quotes[0]!.start, quotes[quotes.length - 1]!.end);
				return {
					name: who,
					detail: `${quotes.length}×`,
					kind: SymbolKind.Event,
					range,
					selectionRange: toRange(entry.lines, quotes[0]!.start, quotes[0]!.start),
					children: quotes.map((q) => {
						const r = toRange(entry.lines, q.start, q.end);
						return { name: q.text || '…', kind: SymbolKind.String, range: r, selectionRange: r };
					}),
				};
			});
			const all = [...bySpeaker.values()].flat();
			const start = Math.min(...all.map((q) => q.start));
			const end = Math.max(...all.map((q) => q.end));
			symbols.push({
				name: 'Quoted',
				detail: `${bySpeaker.size}`,
				kind: SymbolKind.Namespace,
				range: toRange(entry.lines, start, end),
				selectionRange: toRange(entry.lines, start, start),
				children: speakers,
			});
		}
		return symbols;
	});

	connection.languages.semanticTokens.on((params): SemanticTokens => {
		const entry = workspace.lookup(params.textDocument.uri);
		if (!entry) {
			return { data: [] };
		}
		const data: number[] = [];
		let previousLine = 0;
		let previousCharacter = 0;
		for (const m of entry.corpus.mentions(entry.id)) {
			const start = entry.lines.positionAt(m.start);
			const end = entry.lines.positionAt(m.end);
			if (end.line !== start.line) {
				continue;
			}
			const deltaLine = start.line - previousLine;
			const deltaCharacter = deltaLine === 0 ? start.character - previousCharacter : start.character;
			data.push(deltaLine, deltaCharacter, end.character - start.character, ENTITY_TYPES.indexOf(m.type), m.propagated ? 1 : 0);
			previousLine = start.line;
			previousCharacter = start.character;
		}
		return { data };
	});

	connection.onRequest(EntitiesRequest.method, (): EntitiesResult => {
		const entities: EntitiesResult['entities'][number][] = [];
		for (const corpus of workspace.corpora()) {
			for (const entity of corpus.entities.names()) {
				const first = corpus.entities.locations(entity.id)[0];
				const target = first && workspace.locate(first.docId);
				if (first && target) {
					entities.push({ ...entity, location: { uri: target.uri, range: toRange(target.lines, first.start, first.end) } });
				}
			}
		}
		return { entities };
	});
}
