import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { AnalysisContext } from '../core';
import { loadEntityModel, recogniseNames, type EntityModel } from '../core/entities/ner';

/** The shipped name-recognition model, relative to the server package. */
const MODEL_FILE = path.join('models', 'entities.json');

/** Where the model may be: next to the bundles (server/dist) or the compiled sources (server/out/src/node). */
function modelPath(): string | undefined {
	const candidates = [path.resolve(__dirname, '..', MODEL_FILE), path.resolve(__dirname, '..', '..', '..', MODEL_FILE)];
	return candidates.find((file) => existsSync(file));
}

/**
 * Binds the shipped models into an analysis context, loading each on first use, so a run that does not
 * recognise entities never pays for it. Never throws: when the model is missing or unreadable, `report`
 * is called once with the reason and names are not recognised (dates, figures, declared names and
 * acronyms still are).
 */
export function loadAnalysisContext(report: (problem: string) => void): AnalysisContext {
	let model: EntityModel | undefined;
	let failed = false;
	return {
		recogniseNames: (text, sentences) => {
			if (!model && !failed) {
				const file = modelPath();
				try {
					if (!file) {
						throw new Error(`${MODEL_FILE} is missing`);
					}
					model = loadEntityModel(JSON.parse(readFileSync(file, 'utf8')));
				} catch (error) {
					failed = true;
					report(`Cannot load the name-recognition model: ${(error as Error).message}. Names are not recognised.`);
				}
			}
			return model ? recogniseNames(text, sentences, model) : [];
		},
	};
}
