import { parseDocument, type Node } from 'yaml';
import type { KnownEntity } from '../entities/recognise';
import type { PartialOptions, RuleLevel, ClusterSetting } from '../options';
import type { DocumentMetadata } from '../text/frontMatter';
import schemaJson from './crosscheck.schema.json';
import { validateNode, type SchemaNode } from './validate';

/** The JSON schema of crosscheck.yaml, as shipped with the extension. */
export const configSchema = schemaJson as SchemaNode;

/** The standard file name of the configuration, at the root of a corpus. */
export const CONFIG_FILE_NAME = 'crosscheck.yaml';

/** A problem in crosscheck.yaml with its offsets in the file's text. */
export interface ConfigProblem {
	readonly start: number;
	readonly end: number;
	readonly message: string;
}

/** What crosscheck.yaml says, reduced to what is valid, plus every problem found. */
export interface ParsedConfig {
	readonly options: PartialOptions;
	/** Per-document metadata by path relative to the config file's folder (forward slashes). */
	readonly documents: Readonly<Record<string, DocumentMetadata>>;
	readonly problems: readonly ConfigProblem[];
}

/**
 * Parses and validates the text of crosscheck.yaml. Never throws: syntax errors and schema violations
 * are returned as problems at their offsets, and every part of the file that is valid still applies
 * (a bad rule level drops only that rule's entry; a bad `include` falls back to the default include).
 */
export function parseConfig(text: string): ParsedConfig {
	const problems: ConfigProblem[] = [];
	const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, { prettyErrors: false, uniqueKeys: true });
	for (const error of doc.errors) {
		problems.push({
			start: error.pos[0],
			end: Math.max(error.pos[1], error.pos[0] + 1),
			message: `crosscheck.yaml is not valid YAML: ${error.message.split('\n')[0]}`,
		});
	}
	if (doc.errors.length > 0) {
		return { options: {}, documents: {}, problems };
	}
	const contents = doc.contents as Node | null;
	if (contents === null) {
		// An empty file (or only comments) means "all defaults".
		return { options: {}, documents: {}, problems };
	}
	const schemaProblems = validateNode(contents, configSchema);
	problems.push(...schemaProblems.map(({ start, end, message }) => ({ start, end, message })));
	const bad = schemaProblems.map((p) => p.path);
	const isBad = (path: string): boolean => bad.some((p) => p === path || p.startsWith(path + '.') || p.startsWith(path + '['));
	if (bad.includes('')) {
		return { options: {}, documents: {}, problems };
	}
	const value = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
	const options: PartialOptions = {};
	if (Array.isArray(value.include) && !isBad('include')) {
		options.include = value.include as string[];
	}
	if (Array.isArray(value.exclude) && !isBad('exclude')) {
		options.exclude = value.exclude as string[];
	}
	if (value.maxFileSize !== undefined && !isBad('maxFileSize')) {
		const size = parseSize(value.maxFileSize);
		if (size !== undefined) {
			options.maxFileSize = size;
		}
	}
	if (isRecord(value.rules)) {
		const rules: Record<string, RuleLevel> = {};
		for (const [id, level] of Object.entries(value.rules)) {
			if (!isBad(`rules.${id}`)) {
				rules[id] = level as RuleLevel;
			}
		}
		options.rules = rules;
	}
	if (Array.isArray(value.labels) && !isBad('labels')) {
		options.labels = value.labels as string[];
	}
	if (isRecord(value.attribution) && Array.isArray(value.attribution.vaguePhrases) && !isBad('attribution.vaguePhrases')) {
		options.vaguePhrases = value.attribution.vaguePhrases as string[];
	}
	if (isRecord(value.attribution) && Array.isArray(value.attribution.cues) && !isBad('attribution.cues')) {
		options.attributionCues = value.attribution.cues as string[];
	}
	if (isRecord(value.entities)) {
		if (typeof value.entities.enabled === 'boolean' && !isBad('entities.enabled')) {
			options.recogniseEntities = value.entities.enabled;
		}
		if (isRecord(value.entities.aliases) && !isBad('entities.aliases')) {
			options.entityAliases = value.entities.aliases as Record<string, string[]>;
		}
		if (Array.isArray(value.entities.known)) {
			options.knownEntities = (value.entities.known as unknown[]).filter((_, i) => !isBad(`entities.known[${i}]`)) as KnownEntity[];
		}
	}
	if (isRecord(value.figures) && isRecord(value.figures.measures) && !isBad('figures.measures')) {
		options.figureMeasures = value.figures.measures as Record<string, string[]>;
	}
	if (value.clusters !== undefined && !isBad('clusters')) {
		options.clusters = value.clusters as ClusterSetting;
	}
	const documents: Record<string, DocumentMetadata> = {};
	if (isRecord(value.documents)) {
		for (const [path, metadata] of Object.entries(value.documents)) {
			if (!isBad(`documents.${path}`) && isRecord(metadata)) {
				documents[normaliseRelativePath(path)] = metadata as DocumentMetadata;
			}
		}
	}
	return { options, documents, problems };
}

/** Parses a size: a number of bytes, or text such as "2 MB", "500KB", "1.5 MiB". */
export function parseSize(value: unknown): number | undefined {
	if (typeof value === 'number') {
		return Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
	}
	if (typeof value !== 'string') {
		return undefined;
	}
	const m = /^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b|b)?\s*$/i.exec(value);
	if (!m) {
		return undefined;
	}
	const unit = (m[2] ?? 'b').toLowerCase();
	const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
	return Math.floor(Number(m[1]) * factor);
}

/** Normalises a relative path for lookups: forward slashes, no leading "./". */
export function normaliseRelativePath(path: string): string {
	return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
