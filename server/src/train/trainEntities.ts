/**
 * `npm run train:entities`: trains the name recogniser on the GMB sentences in ../shared (all but the
 * last 1,000, which are held out for `eval:entities`) with gazetteers from the root's development
 * dependencies, and writes server/models/entities.json. Training is deterministic, so the same
 * inputs give the same file bit for bit.
 *
 *   node server/out/src/train/trainEntities.js [--check] [--out FILE] [--epochs N] [--dev [--dev-fold K]] [--options JSON]
 *
 * `--check` retrains and compares with the shipped file instead of writing it: exit 1 when they differ.
 * `--dev` also leaves out the development split (the 1,000 sentences before the held-out ones) and
 * needs `--out`: the model to judge changes with `eval:entities -- --dev`. `--dev-fold K`
 * takes the development split K blocks of 1,000 sentences earlier. `--options` overrides training
 * options for an experiment (JSON, for example '{"decoder":"viterbi","seed":1}').
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { buildModel, gmbPath, modelPath, readGmb, repoRoot } from './entities/build';
import { DEFAULT_TRAINING_OPTIONS, type TrainingOptions } from './entities/perceptron';

async function main(): Promise<number> {
	const { values } = parseArgs({
		options: {
			check: { type: 'boolean', default: false },
			out: { type: 'string' },
			epochs: { type: 'string' },
			quiet: { type: 'boolean', default: false },
			dev: { type: 'boolean', default: false },
			options: { type: 'string' },
			'dev-fold': { type: 'string' },
		},
	});
	const root = repoRoot(__dirname);
	const sentences = readGmb(root);
	if (!sentences) {
		const message = `train:entities: ${path.relative(root, gmbPath(root))} is absent; the model cannot be trained here.`;
		if (values.check) {
			process.stdout.write(`${message} Skipping the check.\n`);
			return 0;
		}
		process.stderr.write(`${message}\n`);
		return 1;
	}
	if (values.dev && (!values.out || values.check)) {
		process.stderr.write('train:entities: --dev needs --out (and no --check): the development model is never shipped.\n');
		return 1;
	}
	if (values.check && values.options) {
		process.stderr.write('train:entities: --options changes the model, so it cannot be combined with --check.\n');
		return 1;
	}
	const options = {
		...DEFAULT_TRAINING_OPTIONS,
		...(values.epochs ? { epochs: Number(values.epochs) } : {}),
		...(values.options ? (JSON.parse(values.options) as Partial<TrainingOptions>) : {}),
	};
	const started = Date.now();
	const log = values.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
	const { text } = await buildModel(root, sentences, options, log, values.dev, Number(values['dev-fold'] ?? 0));
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const target = values.out ? path.resolve(values.out) : modelPath(root);
	if (values.check) {
		const shipped = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
		if (shipped === text) {
			process.stdout.write(`train:entities --check: ${path.relative(root, target)} matches a fresh training run (${seconds} s).\n`);
			return 0;
		}
		process.stdout.write(
			`train:entities --check: ${path.relative(root, target)} differs from a fresh training run; run npm run train:entities.\n`,
		);
		return 1;
	}
	mkdirSync(path.dirname(target), { recursive: true });
	writeFileSync(target, text);
	process.stdout.write(
		`train:entities: wrote ${path.relative(root, target)} (${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB) in ${seconds} s.\n`,
	);
	return 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		process.stderr.write(`train:entities: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exitCode = 1;
	},
);
