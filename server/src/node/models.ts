import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalysisContext } from '../core';
import { loadEntityModel, recogniseNames } from '../core/entities/ner';

/** The shipped name-recognition model, relative to the server package. */
const MODEL_FILE = path.join('models', 'entities.json');

/** Where the model may be: next to the bundles (server/dist) or the compiled sources (server/out/src/node). */
function modelPath(): string | undefined {
	const candidates = [path.resolve(__dirname, '..', MODEL_FILE), path.resolve(__dirname, '..', '..', '..', MODEL_FILE)];
	return candidates.find((file) => existsSync(file));
}

let cached: { context: AnalysisContext; problem?: string } | undefined;

/**
 * Loads the shipped models once and binds them into an analysis context. Never throws: when the model
 * is missing or unreadable the context has no name recogniser (dates, figures, declared names and
 * acronyms are still found) and `problem` says why, for the caller to log.
 */
export function loadAnalysisContext(): { context: AnalysisContext; problem?: string } {
	if (cached) {
		return cached;
	}
	const file = modelPath();
	if (!file) {
		cached = { context: {}, problem: `The name-recognition model ${MODEL_FILE} is missing; names are not recognised.` };
		return cached;
	}
	try {
		const model = loadEntityModel(JSON.parse(readFileSync(file, 'utf8')));
		cached = { context: { recogniseNames: (text, sentences) => recogniseNames(text, sentences, model) } };
	} catch (error) {
		cached = { context: {}, problem: `Cannot load the name-recognition model ${file}: ${(error as Error).message}. Names are not recognised.` };
	}
	return cached;
}
