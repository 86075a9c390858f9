import type { KnownEntity } from './entities/recognise';
import type { Severity } from './types';

/** A rule's configured level: a severity, or `off` to disable it. */
export type RuleLevel = Severity | 'off';

/** Everything that changes what the analysis does. Defaults live in {@link defaultOptions} and only there. */
export interface Options {
	/** Glob patterns (relative to the corpus root) of the articles to analyse. */
	readonly include: readonly string[];
	/** Glob patterns of files and folders never to analyse. */
	readonly exclude: readonly string[];
	/** Files larger than this many bytes are skipped with a notice instead of analysed. */
	readonly maxFileSize: number;
	/** Per-rule level overrides, by rule id. Rules not listed keep their default severity. */
	readonly rules: Readonly<Record<string, RuleLevel>>;
	/** Extra phrases that mark a source as vague, added to the built-in lexicon. */
	readonly vaguePhrases: readonly string[];
	/** Extra cue words that attribute a statement to a speaker ("said", "told"…), added to the built-in ones. */
	readonly attributionCues: readonly string[];
	/** Whether to recognise entities at all; off, analysis is the text layer and the document rules. */
	readonly recogniseEntities: boolean;
	/** Alias groups by canonical name, added to the built-in ones ("Islamic State": ["IS", "Daesh"]). */
	readonly entityAliases: Readonly<Record<string, readonly string[]>>;
	/** Entities the user declares, recognised wherever their name or an alias appears. */
	readonly knownEntities: readonly KnownEntity[];
	/** Extra measures by name, each with the words that say it after a figure ("evacuated": ["moved to shelters"]). */
	readonly figureMeasures: Readonly<Record<string, readonly string[]>>;
	/** Which articles are compared with each other: each folder, the whole workspace, or named groups of globs. */
	readonly clusters: ClusterSetting;
	/** Labels a reviewer may put on a span, besides the entity types, `not-entity`, `claim` and `needs-source`. */
	readonly labels: readonly string[];
}

/** How articles are grouped for comparison. An article no explicit group matches is clustered by folder. */
export type ClusterSetting = 'folder' | 'workspace' | readonly { readonly name: string; readonly files: readonly string[] }[];

/** The built-in defaults. */
export const defaultOptions: Options = {
	include: ['**/*.txt', '**/*.news'],
	exclude: [
		'**/node_modules/**',
		'**/.git/**',
		'**/.crosscheck/**',
		'**/.vscode/**',
		'**/out/**',
		'**/dist/**',
		'**/README*',
		'**/LICENSE*',
		'**/CHANGELOG*',
	],
	maxFileSize: 2 * 1024 * 1024,
	rules: {},
	vaguePhrases: [],
	attributionCues: [],
	recogniseEntities: true,
	entityAliases: {},
	knownEntities: [],
	figureMeasures: {},
	clusters: 'folder',
	labels: [],
};

/** Options with every field optional, as produced from a config file, editor settings or CLI flags. */
export type PartialOptions = { -readonly [K in keyof Options]?: Options[K] };

/**
 * Resolves layers of partial options over the defaults. Later layers win; `rules` are merged key by
 * key, `entityAliases` and `figureMeasures` by name, and `vaguePhrases`, `attributionCues` and `knownEntities` are concatenated, so
 * a team's crosscheck.yaml and a user's settings combine.
 */
export function resolveOptions(...layers: readonly (PartialOptions | undefined)[]): Options {
	let result: Options = defaultOptions;
	for (const layer of layers) {
		if (!layer) {
			continue;
		}
		result = {
			include: layer.include ?? result.include,
			exclude: layer.exclude ?? result.exclude,
			maxFileSize: layer.maxFileSize ?? result.maxFileSize,
			rules: layer.rules ? { ...result.rules, ...layer.rules } : result.rules,
			vaguePhrases: layer.vaguePhrases ? [...result.vaguePhrases, ...layer.vaguePhrases] : result.vaguePhrases,
			attributionCues: layer.attributionCues ? [...result.attributionCues, ...layer.attributionCues] : result.attributionCues,
			recogniseEntities: layer.recogniseEntities ?? result.recogniseEntities,
			entityAliases: layer.entityAliases ? { ...result.entityAliases, ...layer.entityAliases } : result.entityAliases,
			knownEntities: layer.knownEntities ? [...result.knownEntities, ...layer.knownEntities] : result.knownEntities,
			figureMeasures: layer.figureMeasures ? { ...result.figureMeasures, ...layer.figureMeasures } : result.figureMeasures,
			clusters: layer.clusters ?? result.clusters,
			labels: layer.labels ? [...result.labels, ...layer.labels] : result.labels,
		};
	}
	return result;
}
