import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { encodeEntityModel, type EntityModel } from '../../core/entities/ner/model';
import { assembleDocuments, DEFAULT_ASSEMBLY, splitDev, splitHeldOut, type SubstitutionLists } from './corpus';
import type { GazetteerLists } from '../../core/entities/ner/gazetteers';
import { loadGazetteerSources } from './gazetteerSources';
import { readGmbCsv } from './gmb';
import { DEFAULT_TRAINING_OPTIONS, trainEntityModel, type TrainingLog, type TrainingOptions, type TrainingSentence } from './perceptron';

/** The repository root, from the compiled script's folder (server/out/src/train/…). */
export function repoRoot(fromDir: string): string {
	let dir = fromDir;
	while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'server'))) {
		const parent = path.dirname(dir);
		if (parent === dir) {
			throw new Error(`No repository root above ${fromDir}.`);
		}
		dir = parent;
	}
	return dir;
}

/** Where the shared GMB file lives, relative to the repository root. */
export function gmbPath(root: string): string {
	return path.join(root, '..', 'shared', 'data', 'ner-gmb', 'gmb_train_dev.csv');
}

/** The shipped model file. */
export function modelPath(root: string): string {
	return path.join(root, 'server', 'models', 'entities.json');
}

/** The gazetteer lists that entity substitution draws names from. */
export function substitutionLists(lists: GazetteerLists): SubstitutionLists {
	// Surnames from the big list are noisy; keep capitalised single words of a plausible length.
	const surnames = lists.surname.filter((s, i) => i % 7 === 0 && s.length >= 4);
	return {
		firstNames: lists.firstName,
		surnames,
		places: [...lists.country, ...lists.capital, ...lists.city.filter((_, i) => i % 5 === 0)],
		organizations: lists.organization,
		orgWords: lists.orgWord,
		titles: lists.title,
	};
}

/** Reads the GMB sentences, or undefined when the shared data is absent. */
export function readGmb(root: string): TrainingSentence[] | undefined {
	const file = gmbPath(root);
	return existsSync(file) ? readGmbCsv(readFileSync(file, 'utf8')) : undefined;
}

/**
 * Trains the shipped model from the GMB training sentences (never the held-out ones) and the
 * gazetteer packages, and returns it with its file text, formatted as the repository's formatter
 * would write it (so `prettier --check` accepts the committed file).
 */
export async function buildModel(
	root: string,
	sentences: readonly TrainingSentence[],
	options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
	log: TrainingLog = () => {},
	dev = false,
	devFold = 0,
): Promise<{ model: EntityModel; text: string }> {
	// `dev`: train without the development split (fold `devFold`) too, for a model to judge changes on that split.
	const { train } = dev ? splitDev(sentences, devFold) : splitHeldOut(sentences);
	const { lists, commonWords } = loadGazetteerSources(root);
	const documents = assembleDocuments(
		train,
		lists.capital,
		lists.country,
		{ ...DEFAULT_ASSEMBLY, ...options.assembly },
		substitutionLists(lists),
	);
	const { model, scale } = trainEntityModel(documents, lists, commonWords, options, log);
	const file = encodeEntityModel(model, scale);
	file.training = {
		...file.training,
		trainingSentences: train.length,
		source: `GMB 2.2.0 sentences 1-${train.length} (VOA, public domain)`,
	};
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const prettier = require('prettier') as typeof import('prettier');
	const target = modelPath(root);
	const config = (await prettier.resolveConfig(target)) ?? {};
	const text = await prettier.format(JSON.stringify(file), { ...config, filepath: target });
	return { model, text };
}
