import {
	buildGazetteers,
	COMMON_WORD_LEVELS,
	GAZETTEER_CATEGORIES,
	type GazetteerCategory,
	type GazetteerLists,
	type Gazetteers,
} from './gazetteers';

/** The types of name the recogniser tells apart. */
export type NameType = 'person' | 'organization' | 'place' | 'other';

/** The name types, in tag order. */
export const NAME_TYPES: readonly NameType[] = ['person', 'organization', 'place', 'other'];

/**
 * The tags of the sequence tagger, BIO over the name types: tag 0 is outside any name, tag `2k + 1`
 * begins a name of type `NAME_TYPES[k]`, tag `2k + 2` continues it.
 */
export const TAGS: readonly string[] = ['O', ...NAME_TYPES.flatMap((type) => [`B-${type}`, `I-${type}`])];

/** The number of tags. */
export const TAG_COUNT = TAGS.length;

/** The model file's format name and version; a file with another version is refused. */
export const MODEL_FORMAT = 'crosscheck-entities';
export const MODEL_VERSION = 1;

/** The decoders a model can be trained for. */
export type Decoder = 'greedy' | 'viterbi';

/**
 * The weights of the tagger: an open-addressing table from feature hash to its row of weights, the
 * rows stored in slot order so a lookup touches one more cache line at most.
 */
export interface FeatureWeights {
	/** Feature hashes by slot (0 marks an empty slot; hashes are never 0). */
	readonly keys: Int32Array;
	/** `slots × TAG_COUNT` weights: slot `s`'s weights start at `s * TAG_COUNT`. */
	readonly weights: Float32Array;
	/** `keys.length - 1`, for masking. */
	readonly mask: number;
	/** The number of features. */
	readonly size: number;
}

/** A trained name recogniser: feature weights and the gazetteers its features consult. */
export interface EntityModel {
	/** How tag sequences are chosen: greedily left to right, or by Viterbi over first-order history. */
	readonly decoder: Decoder;
	readonly weights: FeatureWeights;
	readonly gazetteers: Gazetteers;
	/** Divides tag scores before the softmax that gives confidences. */
	readonly temperature: number;
	/** The raw lists, kept so the model can be written back unchanged. */
	readonly lists: GazetteerLists;
	readonly commonWords: readonly (readonly string[])[];
	/** Free-form facts about the training run (corpus size, epochs, seed), kept in the file. */
	readonly training: Readonly<Record<string, string | number>>;
}

/** The model file as JSON. Weights are packed (see {@link encodeEntityModel}) and base64-encoded. */
export interface EntityModelFile {
	format: string;
	version: number;
	tags: string[];
	decoder: Decoder;
	temperature: number;
	/** Stored weights are integers; the real weight is the integer divided by this. */
	scale: number;
	featureCount: number;
	/** Per feature: int32 hash, uint16 mask of the tags with a weight, then one int16 per set bit; little-endian. */
	features: string;
	/** Per gazetteer category, its phrases joined by `|`. */
	gazetteers: Record<string, string>;
	/** Common English words by level, most common first, each level joined by `|`. */
	commonWords: string[];
	training: Record<string, string | number>;
}

/** Looks up the slot of a feature hash; -1 when the model has no such feature. */
export function featureSlot(table: FeatureWeights, hash: number): number {
	let slot = hash & table.mask;
	for (;;) {
		const key = table.keys[slot]!;
		if (key === hash) {
			return slot;
		}
		if (key === 0) {
			return -1;
		}
		slot = (slot + 1) & table.mask;
	}
}

/** Builds the lookup table over feature hashes (none may be 0) and their rows of weights (row-major). */
export function buildFeatureWeights(hashes: Int32Array, rowWeights: Float32Array): FeatureWeights {
	const size = hashes.length;
	let capacity = 16;
	while (capacity < size * 2) {
		capacity *= 2;
	}
	const keys = new Int32Array(capacity);
	const weights = new Float32Array(capacity * TAG_COUNT);
	const mask = capacity - 1;
	for (let row = 0; row < size; row++) {
		const hash = hashes[row]!;
		let slot = hash & mask;
		while (keys[slot] !== 0) {
			if (keys[slot] === hash) {
				throw new Error(`Invalid entity model: feature ${hash} is listed twice.`);
			}
			slot = (slot + 1) & mask;
		}
		keys[slot] = hash;
		weights.set(rowWeights.subarray(row * TAG_COUNT, (row + 1) * TAG_COUNT), slot * TAG_COUNT);
	}
	return { keys, weights, mask, size };
}

// ---------------------------------------------------------------------------------------------------
// Base64, written out because the core has no Buffer and no atob.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
	DECODE[ALPHABET.charCodeAt(i)] = i;
}

function encodeBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	let chunk = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const a = bytes[i]!;
		const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
		const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
		chunk +=
			ALPHABET[a >> 2]! +
			ALPHABET[((a & 3) << 4) | (b >> 4)]! +
			(i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=') +
			(i + 2 < bytes.length ? ALPHABET[c & 63]! : '=');
		if (chunk.length >= 4096) {
			parts.push(chunk);
			chunk = '';
		}
	}
	parts.push(chunk);
	return parts.join('');
}

function decodeBase64(text: string): Uint8Array | undefined {
	if (text.length % 4 !== 0) {
		return undefined;
	}
	const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
	const bytes = new Uint8Array((text.length / 4) * 3 - padding);
	let o = 0;
	for (let i = 0; i < text.length; i += 4) {
		let v = 0;
		for (let k = 0; k < 4; k++) {
			const ch = text.charCodeAt(i + k);
			const d = ch === 61 && i + k >= text.length - padding ? 0 : ch < 128 ? DECODE[ch]! : -1;
			if (d < 0) {
				return undefined;
			}
			v = (v << 6) | d;
		}
		if (o < bytes.length) bytes[o++] = (v >> 16) & 255;
		if (o < bytes.length) bytes[o++] = (v >> 8) & 255;
		if (o < bytes.length) bytes[o++] = v & 255;
	}
	return bytes;
}

// ---------------------------------------------------------------------------------------------------
// Writing and reading the model file.

function popcount(mask: number): number {
	let n = 0;
	while (mask) {
		n += mask & 1;
		mask >>>= 1;
	}
	return n;
}

/**
 * Quantises weights to the integers the file stores, so a model built in memory behaves exactly like
 * the same model read back from its file. Returns the scale (stored integer = weight × scale).
 */
export function quantiseWeights(weights: Float32Array): number {
	let max = 0;
	for (const w of weights) {
		max = Math.max(max, Math.abs(w));
	}
	const scale = max === 0 ? 1 : Math.fround(32000 / max);
	for (let i = 0; i < weights.length; i++) {
		weights[i] = Math.round(weights[i]! * scale) / scale;
	}
	return scale;
}

/** Turns a model into its JSON file form. The features are written in ascending hash order. */
export function encodeEntityModel(model: EntityModel, scale: number): EntityModelFile {
	const table = model.weights;
	const order: number[] = [];
	for (let slot = 0; slot < table.keys.length; slot++) {
		if (table.keys[slot] !== 0) {
			order.push(slot);
		}
	}
	order.sort((a, b) => table.keys[a]! - table.keys[b]!);
	let bytes = 0;
	const masks: number[] = [];
	for (const slot of order) {
		const row = slot;
		let mask = 0;
		for (let t = 0; t < TAG_COUNT; t++) {
			if (Math.round(table.weights[row * TAG_COUNT + t]! * scale) !== 0) {
				mask |= 1 << t;
			}
		}
		masks.push(mask);
		bytes += 6 + 2 * popcount(mask);
	}
	const buffer = new Uint8Array(bytes);
	const view = new DataView(buffer.buffer);
	let o = 0;
	order.forEach((slot, k) => {
		const row = slot;
		const mask = masks[k]!;
		view.setInt32(o, table.keys[slot]!, true);
		view.setUint16(o + 4, mask, true);
		o += 6;
		for (let t = 0; t < TAG_COUNT; t++) {
			if (mask & (1 << t)) {
				view.setInt16(o, Math.round(table.weights[row * TAG_COUNT + t]! * scale), true);
				o += 2;
			}
		}
	});
	const gazetteers: Record<string, string> = {};
	for (const category of GAZETTEER_CATEGORIES) {
		gazetteers[category] = model.lists[category].join('|');
	}
	return {
		format: MODEL_FORMAT,
		version: MODEL_VERSION,
		tags: [...TAGS],
		decoder: model.decoder,
		temperature: model.temperature,
		scale,
		featureCount: order.length,
		features: encodeBase64(buffer),
		gazetteers,
		commonWords: model.commonWords.map((words) => words.join('|')),
		training: { ...model.training },
	};
}

function fail(message: string): never {
	throw new Error(`Invalid entity model: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitList(text: string): string[] {
	return text === '' ? [] : text.split('|');
}

/**
 * Validates a parsed model file and builds the model. Throws an `Error` whose message starts with
 * "Invalid entity model:" and says what is wrong when the value is not a model of this version.
 */
export function loadEntityModel(json: unknown): EntityModel {
	if (!isRecord(json)) {
		fail('expected a JSON object.');
	}
	if (json.format !== MODEL_FORMAT) {
		fail(`"format" must be "${MODEL_FORMAT}".`);
	}
	if (json.version !== MODEL_VERSION) {
		fail(`"version" is ${JSON.stringify(json.version)}; this build reads version ${MODEL_VERSION}.`);
	}
	if (!Array.isArray(json.tags) || json.tags.length !== TAG_COUNT || json.tags.some((tag, i) => tag !== TAGS[i])) {
		fail(`"tags" must be ${JSON.stringify(TAGS)}.`);
	}
	const decoder = json.decoder;
	if (decoder !== 'greedy' && decoder !== 'viterbi') {
		fail('"decoder" must be "greedy" or "viterbi".');
	}
	const temperature = json.temperature;
	if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature <= 0) {
		fail('"temperature" must be a positive number.');
	}
	const scale = json.scale;
	if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
		fail('"scale" must be a positive number.');
	}
	const featureCount = json.featureCount;
	if (typeof featureCount !== 'number' || !Number.isInteger(featureCount) || featureCount < 0) {
		fail('"featureCount" must be a non-negative integer.');
	}
	if (typeof json.features !== 'string') {
		fail('"features" must be a base64 string.');
	}
	const bytes = decodeBase64(json.features);
	if (!bytes) {
		fail('"features" is not valid base64.');
	}
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const hashes = new Int32Array(featureCount);
	const weights = new Float32Array(featureCount * TAG_COUNT);
	let o = 0;
	for (let row = 0; row < featureCount; row++) {
		if (o + 6 > bytes.length) {
			fail(`"features" ends after ${row} of ${featureCount} features.`);
		}
		const hash = view.getInt32(o, true);
		const mask = view.getUint16(o + 4, true);
		o += 6;
		if (hash === 0 || mask >> TAG_COUNT !== 0) {
			fail(`feature ${row} is malformed.`);
		}
		hashes[row] = hash;
		for (let t = 0; t < TAG_COUNT; t++) {
			if (mask & (1 << t)) {
				if (o + 2 > bytes.length) {
					fail(`"features" ends inside feature ${row}.`);
				}
				weights[row * TAG_COUNT + t] = view.getInt16(o, true) / scale;
				o += 2;
			}
		}
	}
	if (o !== bytes.length) {
		fail(`"features" has ${bytes.length - o} bytes after the last of ${featureCount} features.`);
	}
	if (!isRecord(json.gazetteers)) {
		fail('"gazetteers" must be an object.');
	}
	const gazetteerJson = json.gazetteers;
	const lists = {} as Record<GazetteerCategory, string[]>;
	for (const category of GAZETTEER_CATEGORIES) {
		const value = gazetteerJson[category];
		if (typeof value !== 'string') {
			fail(`"gazetteers.${category}" must be a string.`);
		}
		lists[category] = splitList(value);
	}
	if (
		!Array.isArray(json.commonWords) ||
		json.commonWords.length !== COMMON_WORD_LEVELS ||
		json.commonWords.some((level) => typeof level !== 'string')
	) {
		fail(`"commonWords" must be an array of ${COMMON_WORD_LEVELS} strings.`);
	}
	const commonWords = (json.commonWords as string[]).map(splitList);
	const training: Record<string, string | number> = {};
	if (isRecord(json.training)) {
		for (const [key, value] of Object.entries(json.training)) {
			if (typeof value === 'string' || typeof value === 'number') {
				training[key] = value;
			}
		}
	}
	return {
		decoder,
		weights: buildFeatureWeights(hashes, weights),
		gazetteers: buildGazetteers(lists, commonWords),
		temperature,
		lists,
		commonWords,
		training,
	};
}
