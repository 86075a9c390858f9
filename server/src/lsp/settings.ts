import { parseSize, type PartialOptions, type RuleLevel } from '../core';

/**
 * The `crosscheck.*` settings as VS Code sends them (see `contributes.configuration` in package.json;
 * a test keeps the two in step). Settings left at their defaults are "no override": the defaults
 * themselves live in the core's options, and crosscheck.yaml sits between the two.
 */
export interface Settings {
	readonly enable: boolean;
	readonly rules: Readonly<Record<string, RuleLevel>>;
	readonly include: readonly string[] | null;
	readonly exclude: readonly string[] | null;
	readonly maxFileSize: string | number | null;
	readonly trace: { readonly server: 'off' | 'messages' | 'verbose' };
	readonly review: {
		/** Keep dismissed findings visible, as hints, instead of hiding them. */
		readonly showDismissed: boolean;
		/** The reviewer's name, written as `by` with each decision and annotation; empty for none. */
		readonly author: string;
	};
}

/** The values used when the client cannot answer `workspace/configuration`. */
export const defaultSettings: Settings = {
	enable: true,
	rules: {},
	include: null,
	exclude: null,
	maxFileSize: null,
	trace: { server: 'off' },
	review: { showDismissed: false, author: '' },
};

/** Reads untrusted settings JSON into {@link Settings}, ignoring values of the wrong type. */
export function readSettings(value: unknown): Settings {
	const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
	const strings = (x: unknown): readonly string[] | null => (Array.isArray(x) && x.every((s) => typeof s === 'string') ? x : null);
	const review = (typeof v.review === 'object' && v.review !== null ? v.review : {}) as Record<string, unknown>;
	const rules: Record<string, RuleLevel> = {};
	if (typeof v.rules === 'object' && v.rules !== null) {
		for (const [id, level] of Object.entries(v.rules)) {
			if (level === 'error' || level === 'warning' || level === 'information' || level === 'hint' || level === 'off') {
				rules[id] = level;
			}
		}
	}
	return {
		enable: typeof v.enable === 'boolean' ? v.enable : true,
		rules,
		include: strings(v.include),
		exclude: strings(v.exclude),
		maxFileSize: typeof v.maxFileSize === 'string' || typeof v.maxFileSize === 'number' ? v.maxFileSize : null,
		trace: defaultSettings.trace,
		review: {
			showDismissed: typeof review.showDismissed === 'boolean' ? review.showDismissed : false,
			author: typeof review.author === 'string' ? review.author.trim() : '',
		},
	};
}

/** Maps settings onto core options: the only place that does. */
export function toCoreOptions(settings: Settings): PartialOptions {
	const options: PartialOptions = {};
	if (settings.include && settings.include.length > 0) {
		options.include = settings.include;
	}
	if (settings.exclude && settings.exclude.length > 0) {
		options.exclude = settings.exclude;
	}
	const size = settings.maxFileSize === null ? undefined : parseSize(settings.maxFileSize);
	if (size !== undefined) {
		options.maxFileSize = size;
	}
	if (Object.keys(settings.rules).length > 0) {
		options.rules = settings.rules;
	}
	return options;
}
