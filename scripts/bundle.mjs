// Bundles the extension client, the language server and the CLI into single CommonJS files, and
// copies the config schema next to them. Run after `tsc -b` (which typechecks); esbuild only bundles.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	sourcemap: !production,
	minify: production,
	logLevel: 'warning',
};

const builds = [
	{ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/dist/extension.js', external: ['vscode'] },
	{ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/dist/server.js' },
	{ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

function copySchema() {
	mkdirSync('server/dist', { recursive: true });
	copyFileSync('server/src/core/config/crosscheck.schema.json', 'server/dist/crosscheck.schema.json');
}

if (watch) {
	for (const options of builds) {
		const context = await esbuild.context(options);
		await context.watch();
	}
	copySchema();
} else {
	await Promise.all(builds.map((options) => esbuild.build(options)));
	copySchema();
	chmodSync('server/dist/cli.js', 0o755);
}
