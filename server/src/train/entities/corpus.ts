import { TAGS, type NameType } from '../../core/entities/ner/model';
import { seededRandom, type TrainingDocument, type TrainingSentence } from './perceptron';

/** The number of sentences at the end of the GMB file kept aside for evaluation. */
export const HELD_OUT_SENTENCES = 1000;

/** Splits the GMB sentences into training sentences and the held-out evaluation sentences. */
export function splitHeldOut(sentences: readonly TrainingSentence[]): { train: TrainingSentence[]; heldOut: TrainingSentence[] } {
	const cut = Math.max(0, sentences.length - HELD_OUT_SENTENCES);
	return { train: sentences.slice(0, cut), heldOut: sentences.slice(cut) };
}

/** The number of sentences before the held-out ones that the development split sets aside. */
export const DEV_SENTENCES = 1000;

/**
 * Splits the training sentences (never the held-out ones) into a smaller training set and the
 * development split just before the held-out sentences, where changes to the recogniser are judged.
 * `fold` k > 0 takes the development split k blocks of {@link DEV_SENTENCES} earlier instead (the
 * training set is the rest), a second opinion on changes too small for one split to show.
 */
export function splitDev(sentences: readonly TrainingSentence[], fold = 0): { train: TrainingSentence[]; dev: TrainingSentence[] } {
	const { train } = splitHeldOut(sentences);
	const end = Math.max(0, train.length - fold * DEV_SENTENCES);
	const cut = Math.max(0, end - DEV_SENTENCES);
	return { train: [...train.slice(0, cut), ...train.slice(end)], dev: train.slice(cut, end) };
}

const SMALL_WORDS = new Set([
	'a',
	'an',
	'the',
	'and',
	'but',
	'or',
	'for',
	'nor',
	'on',
	'at',
	'to',
	'from',
	'by',
	'of',
	'in',
	'with',
	'as',
	'vs',
	'is',
]);

/** The sentence as an ALL-CAPS line. */
export function upperCased(sentence: TrainingSentence): TrainingSentence {
	return { tokens: sentence.tokens.map((t) => t.toUpperCase()), tags: sentence.tags };
}

/** The sentence as a Title Case headline (small function words stay lower case). */
export function titleCased(sentence: TrainingSentence): TrainingSentence {
	return {
		tokens: sentence.tokens.map((t, i) =>
			i > 0 && SMALL_WORDS.has(t.toLowerCase()) ? t.toLowerCase() : t.charAt(0).toUpperCase() + t.slice(1),
		),
		tags: sentence.tags,
	};
}

const B_PLACE = TAGS.indexOf('B-place');
const B_ORGANIZATION = TAGS.indexOf('B-organization');

/** News agencies and outlets for synthetic datelines. */
const AGENCIES = ['Reuters', 'AP', 'AFP', 'Xinhua', 'VOA', 'dpa', 'Bloomberg', 'CNN', 'BBC', 'Kyodo'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];

function placeTokens(name: string, upper: boolean): { tokens: string[]; tags: number[] } {
	const tokens = name.split(/\s+/).map((t) => (upper ? t.toUpperCase() : t));
	return { tokens, tags: tokens.map((_, i) => (i === 0 ? B_PLACE : B_PLACE + 1)) };
}

/**
 * A synthetic dateline ("NAIROBI, Kenya (Reuters) -", "LONDON 1996-08-30", "BERLIN, Aug. 3 -") before a
 * sentence, or as a sentence of its own, so the model meets the shapes of wire copy that GMB lacks.
 */
export function withDateline(
	sentence: TrainingSentence,
	cities: readonly string[],
	countries: readonly string[],
	random: () => number,
): TrainingSentence[] {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const city = placeTokens(pick(cities), true);
	const tokens = [...city.tokens];
	const tags = [...city.tags];
	const form = Math.floor(random() * 4);
	if (form === 0) {
		// "LONDON 1996-08-30" on a line of its own, as in Reuters wire copy.
		const y = 1990 + Math.floor(random() * 30);
		const m = 1 + Math.floor(random() * 12);
		const d = 1 + Math.floor(random() * 28);
		tokens.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
		tags.push(0);
		return [{ tokens, tags }, sentence];
	}
	if (form === 1 || form === 3) {
		const country = placeTokens(pick(countries), false);
		tokens.push(',', ...country.tokens);
		tags.push(0, ...country.tags);
	}
	if (form === 2) {
		tokens.push(',', pick(MONTHS), String(1 + Math.floor(random() * 28)));
		tags.push(0, 0, 0);
	} else {
		tokens.push('(', pick(AGENCIES), ')');
		tags.push(0, B_ORGANIZATION, 0);
	}
	tokens.push(random() < 0.5 ? '-' : '\u2014', ...sentence.tokens);
	tags.push(0, ...sentence.tags);
	return [{ tokens, tags }];
}

/** Name lists for entity substitution (see {@link substituted}). */
export interface SubstitutionLists {
	readonly firstNames: readonly string[];
	readonly surnames: readonly string[];
	readonly places: readonly string[];
	readonly organizations: readonly string[];
	readonly orgWords: readonly string[];
	readonly titles: readonly string[];
}

const ORG_SUFFIXES = [
	'Corp',
	'Corp.',
	'Inc',
	'Inc.',
	'Ltd',
	'Group',
	'Holdings',
	'Bank',
	'Co',
	'Airlines',
	'Motors',
	'Party',
	'United',
	'City',
	'Energy',
	'Industries',
	'Partners',
	'Council',
	'Union',
	'Association',
];

/**
 * A copy of the sentence with every person, place and organization replaced by another name of the
 * same type drawn from the gazetteers (a title at the start of a person name stays), so the model
 * learns from context, shape and gazetteers rather than from the few thousand names of its corpus.
 */
export function substituted(sentence: TrainingSentence, lists: SubstitutionLists, random: () => number): TrainingSentence {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const titles = new Set(lists.titles.map((t) => t.toLowerCase()));
	const tokens: string[] = [];
	const tags: number[] = [];
	let i = 0;
	const n = sentence.tokens.length;
	while (i < n) {
		const tag = sentence.tags[i]!;
		if (tag === 0 || tag % 2 === 0) {
			tokens.push(sentence.tokens[i]!);
			tags.push(tag);
			i++;
			continue;
		}
		let j = i + 1;
		while (j < n && sentence.tags[j] === tag + 1) {
			j++;
		}
		const type = TAGS[tag]!.slice(2);
		let name: string[] | undefined;
		let k = i;
		if (type === 'person') {
			while (k < j - 1 && titles.has(sentence.tokens[k]!.toLowerCase())) {
				tokens.push(sentence.tokens[k]!);
				tags.push(k === i ? tag : tag + 1);
				k++;
			}
			name = random() < 0.3 ? [pick(lists.surnames)] : [pick(lists.firstNames), pick(lists.surnames)];
		} else if (type === 'place') {
			name = pick(lists.places).split(/\s+/);
		} else if (type === 'organization') {
			const r = random();
			name =
				r < 0.4
					? pick(lists.organizations).split(/\s+/)
					: r < 0.7
						? [pick(lists.surnames), pick(ORG_SUFFIXES)]
						: [...pick(lists.places).split(/\s+/), pick(ORG_SUFFIXES)];
		}
		if (name === undefined) {
			for (let m = i; m < j; m++) {
				tokens.push(sentence.tokens[m]!);
				tags.push(sentence.tags[m]!);
			}
		} else {
			name.forEach((word, m) => {
				tokens.push(word);
				tags.push(k === i && m === 0 ? tag : tag + 1);
			});
		}
		i = j;
	}
	return { tokens, tags };
}

/** Knobs of the document assembly and augmentation. */
export interface AssemblyOptions {
	readonly seed: number;
	/** Documents hold between 1 and this many consecutive sentences. */
	readonly maxDocumentSentences: number;
	/** Chance that a sentence also appears ALL-CAPS, Title Case, or behind a dateline. */
	readonly capsRate: number;
	readonly titleRate: number;
	readonly datelineRate: number;
	/** Chance that a sentence with names also appears with its names substituted. */
	readonly substituteRate: number;
}

export const DEFAULT_ASSEMBLY: AssemblyOptions = {
	seed: 7,
	maxDocumentSentences: 16,
	capsRate: 0.05,
	titleRate: 0.05,
	datelineRate: 0.03,
	substituteRate: 0.2,
};

/**
 * Groups consecutive training sentences into documents of random (seeded) length, and adds the
 * augmented copies: an ALL-CAPS or Title Case copy goes into the same document half of the time (a
 * headline above its story) and into a document of its own otherwise; a dateline copy replaces its
 * sentence's place in the document.
 */
export function assembleDocuments(
	sentences: readonly TrainingSentence[],
	cities: readonly string[],
	countries: readonly string[],
	options: AssemblyOptions = DEFAULT_ASSEMBLY,
	substitution?: SubstitutionLists,
): TrainingDocument[] {
	const random = seededRandom(options.seed);
	const documents: TrainingSentence[][] = [];
	let i = 0;
	while (i < sentences.length) {
		const size = 1 + Math.floor(random() * options.maxDocumentSentences);
		const document: TrainingSentence[] = [];
		const alone: TrainingSentence[][] = [];
		for (const sentence of sentences.slice(i, i + size)) {
			if (random() < options.datelineRate) {
				document.push(...withDateline(sentence, cities, countries, random));
			} else {
				document.push(sentence);
			}
			for (const [rate, transform] of [
				[options.capsRate, upperCased],
				[options.titleRate, titleCased],
			] as const) {
				if (random() < rate) {
					const copy = transform(sentence);
					if (random() < 0.5) {
						document.unshift(copy);
					} else {
						alone.push([copy]);
					}
				}
			}
		}
		if (substitution && options.substituteRate > 0) {
			for (const sentence of sentences.slice(i, i + size)) {
				if (sentence.tags.some((t) => t !== 0) && random() < options.substituteRate) {
					alone.push([substituted(sentence, substitution, random)]);
				}
			}
		}
		documents.push(document, ...alone);
		i += size;
	}
	return documents;
}

/** A name span in character offsets. */
export interface GoldSpan {
	readonly start: number;
	readonly end: number;
	readonly type: NameType;
}

/**
 * Lays out sentences as one text (tokens joined by spaces, sentences by line breaks) with the gold
 * names as character spans, for scoring the recogniser on annotated tokens.
 */
export function layOut(document: readonly TrainingSentence[]): {
	text: string;
	sentences: { start: number; end: number }[];
	gold: GoldSpan[];
} {
	let text = '';
	const sentences: { start: number; end: number }[] = [];
	const gold: GoldSpan[] = [];
	for (const sentence of document) {
		if (text !== '') {
			text += '\n';
		}
		const sentenceStart = text.length;
		const starts: number[] = [];
		const ends: number[] = [];
		sentence.tokens.forEach((token, k) => {
			if (k > 0) {
				text += ' ';
			}
			starts.push(text.length);
			text += token;
			ends.push(text.length);
		});
		sentences.push({ start: sentenceStart, end: text.length });
		let open = -1;
		for (let k = 0; k <= sentence.tags.length; k++) {
			const tag = k < sentence.tags.length ? sentence.tags[k]! : 0;
			const continues = tag !== 0 && tag % 2 === 0 && open >= 0 && sentence.tags[open]! === tag - 1;
			if (open >= 0 && !continues) {
				const type = TAGS[sentence.tags[open]!]!.slice(2) as NameType;
				gold.push({ start: starts[open]!, end: ends[k - 1]!, type });
				open = -1;
			}
			if (tag !== 0 && tag % 2 === 1) {
				open = k;
			}
		}
	}
	return { text, sentences, gold };
}
