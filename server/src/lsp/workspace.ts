import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, Diagnostic, FileEvent, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
	addAliasToConfig,
	annotationIsAt,
	applyReview,
	articleOfReviewFile,
	declaredLabels,
	isEntityLabel,
	upsertAnnotation,
	CONFIG_FILE_NAME,
	Corpus,
	decisionIsFor,
	makeAnchor,
	removeEntries,
	reviewFilePath,
	upsertDecision,
	type Decision,
	LineIndex,
	parseConfig,
	resolveOptions,
	ruleSeverity,
	severityRank,
	type AnalysisContext,
	type AppliedReview,
	type ReviewedFinding,
	type ConfigProblem,
	type CorpusDocument,
	type Finding,
	type Options,
	type Orphan,
} from '../core';
import { loadConfig, type LoadedConfig } from '../node/config';
import { createFileFilter, findArticles, toRelative, type FileFilter } from '../node/files';
import { readArticle, readArticleSync, tooLargeFinding } from '../node/readArticle';
import { editReview, ReviewWriteError, type LoadedReview } from '../node/reviewStore';
import { editTextFile } from '../node/safeEdit';
import {
	StatusNotification,
	type AddAliasParams,
	type AnnotateParams,
	type AnnotationsResult,
	type RemoveAnnotationParams,
	type ReviewParams,
	type ReviewResult,
	type StatusParams,
} from '../protocol';
import { toDiagnostic, type PositionSource } from './convert';
import { Reviews } from './reviews';
import { readSettings, toCoreOptions, defaultSettings, type Settings } from './settings';

/** One corpus: a workspace folder (or, with `path` undefined, the files outside every folder). */
interface Root {
	readonly uri: string;
	readonly path: string | undefined;
	settings: Settings;
	config: LoadedConfig | undefined;
	options: Options;
	filter: FileFilter;
	corpus: Corpus;
	/** The review files of the root's articles. */
	readonly reviews: Reviews;
}

/** What the server keeps per analysed document besides the corpus entry. */
interface DocState {
	readonly root: Root;
	readonly uri: string;
	readonly lines: LineIndex;
	/** Findings about the input itself (too large, binary, bad encoding). */
	readonly inputFindings: readonly Finding[];
	/** The editor's version for an open document; diagnostics carry it so stale ones are dropped. */
	readonly version: number | undefined;
	/** Findings per severity (error, warning, information, hint), then the unreviewed ones (hints aside). */
	counts: readonly number[];
	/** A hash of the diagnostics last sent, so another document's edit republishes only what changed. */
	sent?: number;
	/** A hash of the diagnostics last sent for the article's review file, if any were. */
	reviewSent?: number;
}

/** How long edits to one document are coalesced before it is re-analysed. */
const DEBOUNCE_MS = 15;
/** How long the initial scan works before yielding to pending requests. */
const SLICE_MS = 8;

/**
 * The server's view of the workspace: which corpora exist, which files are articles, and when each is
 * (re-)analysed and its diagnostics published. Open documents are analysed from the editor's buffer,
 * every other article from disk. The scan yields to the event loop every few milliseconds, so an edit
 * is never queued behind the whole corpus, and a newer scan cancels an older one.
 */
export class Workspace {
	private roots: Root[] = [];
	private loose: Root;
	private readonly states = new Map<string, DocState>();
	private readonly timers = new Map<string, NodeJS.Timeout>();
	/**
	 * Documents whose findings changed because of another document while a scan runs. They are published
	 * once when the scan ends instead of after every article that touches them.
	 */
	private readonly stale = new Set<string>();
	/** Ids of the documents open in the editor, whose buffer wins over the file on disk. */
	private readonly open = new Set<string>();
	private readonly totals = [0, 0, 0, 0, 0];
	private generation = 0;
	private indexing = false;
	private scanned = 0;
	private scanTotal = 0;
	private statusTimer: NodeJS.Timeout | undefined;
	private idleWaiters: (() => void)[] = [];
	private disposed = false;

	constructor(
		private readonly connection: Connection,
		private readonly documents: { get(uri: string): TextDocument | undefined; all(): TextDocument[] },
		private readonly capabilities: { configuration: boolean; workDoneProgress: boolean },
		private readonly context: AnalysisContext = {},
	) {
		this.loose = this.makeRoot('', undefined);
	}

	/** Sets the workspace folders (from `initialize` or a folder change) and re-indexes everything. */
	async setFolders(folders: readonly { uri: string }[]): Promise<void> {
		this.roots = folders
			.map((f) => this.makeRoot(f.uri, uriToPath(f.uri)))
			.filter((r) => r.path !== undefined)
			.sort((a, b) => b.path!.length - a.path!.length);
		await this.reindex();
	}

	/** Re-reads every crosscheck.yaml and setting and re-analyses every article. */
	async reindex(): Promise<{ documents: number; durationMs: number }> {
		const started = Date.now();
		const generation = ++this.generation;
		this.indexing = true;
		this.scanned = 0;
		this.scanTotal = 0;
		this.sendStatus(true);
		let progress: WorkDoneProgressServerReporter | undefined;
		if (this.capabilities.workDoneProgress) {
			progress = await this.connection.window.createWorkDoneProgress().catch(() => undefined);
			progress?.begin('Crosscheck', 0, 'Reading the corpus…', false);
		}
		try {
			for (const root of [...this.roots, this.loose]) {
				await this.loadRootConfig(root);
			}
			const files: { root: Root; file: string }[] = [];
			for (const root of this.roots) {
				if (!root.settings.enable || root.path === undefined) {
					continue;
				}
				const found = await findArticles(root.path, root.path, root.filter, (dir, error) =>
					this.connection.console.warn(`Cannot read ${dir}: ${(error as Error).message}`),
				);
				for (const file of found) {
					// A nested folder that is a root of its own owns its files.
					if (this.rootFor(file) === root) {
						files.push({ root, file });
					}
				}
			}
			this.scanTotal = files.length;
			for (const doc of this.documents.all()) {
				this.analyseOpen(doc);
			}
			const visited = new Set<string>(this.open);
			let sliceStart = Date.now();
			for (const { root, file } of files) {
				visited.add(file);
				if (generation !== this.generation) {
					break;
				}
				if (!this.open.has(file)) {
					// Synchronous reads: one small file at a time within the time slice is faster than a promise
					// round trip per file, and the slice still yields to pending requests every few milliseconds.
					void this.analyseFile(root, file, true);
				}
				this.scanned++;
				if (Date.now() - sliceStart >= SLICE_MS) {
					progress?.report(Math.round((this.scanned / Math.max(1, files.length)) * 100), `${this.scanned}/${files.length} articles`);
					this.sendStatus(false);
					await new Promise((resolve) => setImmediate(resolve));
					sliceStart = Date.now();
				}
			}
			if (generation === this.generation) {
				// Settings or globs may have changed what is an article: drop what the scan no longer found.
				for (const id of [...this.states.keys()]) {
					if (!visited.has(id)) {
						this.forget(id);
					}
				}
			}
		} finally {
			progress?.done();
			if (generation === this.generation) {
				this.indexing = false;
				for (const id of this.stale) {
					this.publish(id, false);
				}
				this.stale.clear();
				this.sendStatus(true);
				for (const resolve of this.idleWaiters.splice(0)) {
					resolve();
				}
			}
		}
		return { documents: this.states.size, durationMs: Date.now() - started };
	}

	/** Stops timers and any running scan: after `shutdown` nothing more is sent. */
	dispose(): void {
		this.disposed = true;
		this.generation++;
		clearTimeout(this.statusTimer);
		for (const timer of this.timers.values()) {
			clearTimeout(timer);
		}
		this.timers.clear();
	}

	/** Resolves when no scan is running. */
	whenIdle(): Promise<void> {
		return this.indexing ? new Promise((resolve) => this.idleWaiters.push(resolve)) : Promise.resolve();
	}

	/** Clears the cached settings and re-indexes: called when the client's configuration changes. */
	async settingsChanged(): Promise<void> {
		await this.reindex();
	}

	/** An open document changed (or opened): re-analyse it shortly, coalescing bursts of edits. */
	scheduleOpen(doc: TextDocument): void {
		this.open.add(docIdOf(doc.uri));
		if (isConfigUri(doc.uri)) {
			this.publishConfigDiagnostics(doc.uri, doc.getText(), doc);
			return;
		}
		const id = docIdOf(doc.uri);
		clearTimeout(this.timers.get(id));
		this.timers.set(
			id,
			setTimeout(() => {
				this.timers.delete(id);
				const current = this.documents.get(doc.uri);
				if (current) {
					this.analyseOpen(current);
					this.sendStatus(false);
				}
			}, DEBOUNCE_MS),
		);
	}

	/** An open document was closed: fall back to the file on disk, or forget it if there is none. */
	async closed(doc: TextDocument): Promise<void> {
		const id = docIdOf(doc.uri);
		this.open.delete(id);
		clearTimeout(this.timers.get(id));
		this.timers.delete(id);
		if (isConfigUri(doc.uri)) {
			const root = this.roots.find((r) => r.config?.file === uriToPath(doc.uri));
			this.publishConfigDiagnostics(doc.uri, root?.config?.text ?? '', undefined, root?.config?.parsed.problems);
			return;
		}
		const file = uriToPath(doc.uri);
		const root = file !== undefined ? this.rootFor(file) : undefined;
		if (file !== undefined && root?.path !== undefined && root.settings.enable && root.filter.isArticle(toRelative(root.path, file))) {
			await this.analyseFile(root, file);
		} else {
			this.forget(id);
		}
		this.sendStatus(false);
	}

	/** Files changed on disk (created, changed, deleted), as reported by the client's watcher. */
	async filesChanged(changes: readonly FileEvent[]): Promise<void> {
		let reindex = false;
		for (const change of changes) {
			const file = uriToPath(change.uri);
			if (file === undefined) {
				continue;
			}
			if (
				path.basename(file) === CONFIG_FILE_NAME &&
				this.roots.some((r) => r.path !== undefined && path.join(r.path, CONFIG_FILE_NAME) === file)
			) {
				reindex = true;
				continue;
			}
			const reviewed = this.reviewedArticle(file);
			if (reviewed) {
				await reviewed.root.reviews.reload(reviewed.article);
				this.publishReviewed(reviewed.root, reviewed.article);
				continue;
			}
			if (this.open.has(file)) {
				// The editor's buffer is the truth for an open document.
				continue;
			}
			const root = this.rootFor(file);
			if (!root?.path || !root.settings.enable) {
				continue;
			}
			if (change.type === FileChangeType.Deleted) {
				// A deleted folder arrives as one event: forget every document under it.
				for (const id of [...this.states.keys()]) {
					if (id === file || id.startsWith(file + path.sep)) {
						this.forget(id);
					}
				}
			} else if (root.filter.isArticle(toRelative(root.path, file))) {
				await this.analyseFile(root, file);
			}
		}
		this.sendStatus(false);
		if (reindex) {
			await this.reindex();
		}
	}

	/** The stored analysis of a document, with its corpus and what is needed to convert its offsets. */
	lookup(uri: string): { id: string; doc: CorpusDocument; corpus: Corpus; lines: PositionSource } | undefined {
		const id = docIdOf(uri);
		const state = this.states.get(id);
		const doc = state?.root.corpus.get(id);
		return state && doc ? { id, doc, corpus: state.root.corpus, lines: this.documents.get(state.uri) ?? state.lines } : undefined;
	}

	/** Where a document is: its URI, a label (the path relative to its folder) and its positions. */
	locate(id: string): { uri: string; label: string; lines: PositionSource } | undefined {
		const state = this.states.get(id);
		if (!state) {
			return undefined;
		}
		const label = state.root.path !== undefined && path.isAbsolute(id) ? toRelative(state.root.path, id) : state.uri;
		return { uri: state.uri, label, lines: this.documents.get(state.uri) ?? state.lines };
	}

	/**
	 * A document's findings with the reviewer's decisions applied, dismissed ones included, and its
	 * placed annotations and orphans; `undefined` when the document is not analysed.
	 */
	reviewed(id: string): (AppliedReview & { uri: string; label: string; text: string; lines: PositionSource }) | undefined {
		const state = this.states.get(id);
		const doc = state?.root.corpus.get(id);
		const where = this.locate(id);
		if (!state || !doc || !where) {
			return undefined;
		}
		const applied = state.root.reviews.apply(doc.path, doc.text, [...state.inputFindings, ...state.root.corpus.findings(id)]);
		return { ...applied, uri: where.uri, label: where.label, text: doc.text, lines: where.lines };
	}

	/** The ids of every analysed document, in no particular order. */
	documentIds(): IterableIterator<string> {
		return this.states.keys();
	}

	/** Each workspace folder's review files, with the folder's path, for listing orphans of deleted articles. */
	reviewFolders(): { path: string; reviews: Reviews }[] {
		return this.roots.flatMap((r) => (r.path !== undefined ? [{ path: r.path, reviews: r.reviews }] : []));
	}

	/** The corpus of every workspace folder (and of loose files). */
	corpora(): Corpus[] {
		return [...this.roots, this.loose].map((r) => r.corpus);
	}

	/** The current status, as sent to the client. */
	status(): StatusParams {
		const [error, warning, information, hint, unreviewed] = this.totals;
		return {
			state: this.indexing ? 'indexing' : 'idle',
			documents: this.states.size,
			total: this.indexing ? Math.max(this.scanTotal, this.states.size) : this.states.size,
			findings: { error: error!, warning: warning!, information: information!, hint: hint! },
			unreviewed: unreviewed!,
		};
	}

	private makeRoot(uri: string, rootPath: string | undefined): Root {
		const options = resolveOptions();
		return {
			uri,
			path: rootPath,
			settings: defaultSettings,
			config: undefined,
			options,
			filter: createFileFilter(options),
			corpus: new Corpus(options),
			reviews: new Reviews(rootPath, (message) => this.connection.console.warn(message)),
		};
	}

	private rootFor(file: string): Root | undefined {
		return this.roots.find(
			(r) => r.path !== undefined && (file === r.path || file.startsWith(r.path.endsWith(path.sep) ? r.path : r.path + path.sep)),
		);
	}

	private async loadRootConfig(root: Root): Promise<void> {
		if (this.capabilities.configuration) {
			const value: unknown = await this.connection.workspace
				.getConfiguration(root.uri ? { scopeUri: root.uri, section: 'crosscheck' } : { section: 'crosscheck' })
				.catch(() => undefined);
			root.settings = readSettings(value);
		}
		root.config = undefined;
		if (root.path !== undefined) {
			const file = path.join(root.path, CONFIG_FILE_NAME);
			try {
				root.config = await loadConfig(file);
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
					this.connection.console.error(`Cannot read ${file}: ${(error as Error).message}`);
				}
			}
			const uri = pathToUri(file);
			const open = this.documents.get(uri);
			if (open) {
				this.publishConfigDiagnostics(uri, open.getText(), open);
			} else if (root.config) {
				this.publishConfigDiagnostics(uri, root.config.text, undefined, root.config.parsed.problems);
			} else {
				void this.connection.sendDiagnostics({ uri, diagnostics: [] });
			}
		}
		root.options = resolveOptions(root.config?.parsed.options, toCoreOptions(root.settings));
		root.filter = createFileFilter(root.options);
		root.corpus = new Corpus(root.options, root.config?.parsed.documents, this.context);
		root.reviews.loadAll();
		// Before any article is analysed: the entity labels of the review files change recognition.
		for (const [article, loaded] of root.reviews.entries()) {
			root.corpus.setReview(article, loaded.review);
		}
	}

	private publishConfigDiagnostics(uri: string, text: string, doc?: TextDocument, known?: readonly ConfigProblem[]): void {
		const problems = known ?? parseConfig(text).problems;
		const lines = doc ?? new LineIndex(text);
		const diagnostics = problems.map((p) =>
			toDiagnostic({ ruleId: 'invalid-config', severity: 'error', start: p.start, end: p.end, message: p.message }, lines, () => undefined),
		);
		void this.connection.sendDiagnostics(doc ? { uri, version: doc.version, diagnostics } : { uri, diagnostics });
	}

	private analyseOpen(doc: TextDocument): void {
		if (isConfigUri(doc.uri)) {
			this.publishConfigDiagnostics(doc.uri, doc.getText(), doc);
			return;
		}
		const file = uriToPath(doc.uri);
		const root = (file !== undefined ? this.rootFor(file) : undefined) ?? this.loose;
		const id = docIdOf(doc.uri);
		const isArticle =
			root.settings.enable &&
			(doc.languageId === 'news' || (root.path !== undefined && file !== undefined && root.filter.isArticle(toRelative(root.path, file))));
		if (!isArticle) {
			this.forget(id);
			return;
		}
		const text = doc.getText();
		let inputFindings: Finding[] = [];
		let analysed = text;
		if (text.length > root.options.maxFileSize) {
			inputFindings = [tooLargeFinding(text.length, root.options.maxFileSize)];
			analysed = '';
		} else if (text.slice(0, 8192).includes('\u0000')) {
			inputFindings = [
				{
					ruleId: 'file-skipped',
					severity: 'information',
					start: 0,
					end: 0,
					message: 'Not analysed: the document looks binary (it contains NUL characters), not a text article.',
					data: { reason: 'binary' },
				},
			];
			analysed = '';
		}
		this.store(root, id, doc.uri, analysed, doc.version, inputFindings, file, doc);
	}

	private async analyseFile(root: Root, file: string, sync = false): Promise<void> {
		const id = file;
		let result;
		try {
			result = sync ? readArticleSync(file, root.options.maxFileSize) : await readArticle(file, root.options.maxFileSize);
		} catch (error) {
			// Deleted between the scan and the read, or unreadable: not an article any more.
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				this.connection.console.warn(`Cannot read ${file}: ${(error as Error).message}`);
			}
			this.forget(id);
			return;
		}
		if (this.open.has(id)) {
			// Opened while the file was being read: the buffer has been analysed already.
			return;
		}
		this.store(root, id, pathToUri(file), result.kind === 'text' ? result.text : '', -1, result.problems, file);
	}

	private store(
		root: Root,
		id: string,
		uri: string,
		text: string,
		version: number,
		inputProblems: readonly Finding[],
		file: string | undefined,
		doc?: TextDocument,
	): void {
		const relative = root.path !== undefined && file !== undefined ? toRelative(root.path, file) : undefined;
		const previous = this.states.get(id);
		if (previous && previous.root !== root) {
			this.forget(id);
		}
		const changed = root.corpus.update(id, text, Math.max(version, 0), relative) ?? [id];
		const inputFindings = inputProblems
			.map((f) => ({ ...f, severity: ruleSeverity(f.ruleId, root.options) }))
			.filter((f): f is Finding => f.severity !== undefined);
		const counts = previous && previous.root === root ? previous.counts : [0, 0, 0, 0, 0];
		this.states.set(id, { root, uri, lines: new LineIndex(text), inputFindings, version: doc?.version, counts });
		this.publish(id);
		this.republishOthers(changed, id);
	}

	/** Republishes the documents an update changed, other than `id`; while indexing, marks them stale instead. */
	private republishOthers(changed: Iterable<string>, id: string): void {
		for (const other of changed) {
			if (other === id) {
				continue;
			}
			if (this.indexing) {
				this.stale.add(other);
			} else {
				this.publish(other, false);
			}
		}
	}

	/**
	 * Publishes a document's diagnostics: input problems plus its corpus findings. With `always` false (a
	 * document republished because another one changed), nothing is sent when they are what was sent last.
	 */
	private publish(id: string, always = true): void {
		const state = this.states.get(id);
		if (!state) {
			return;
		}
		const doc = state.root.corpus.get(id);
		const applied = state.root.reviews.apply(doc?.path, doc?.text ?? '', [...state.inputFindings, ...state.root.corpus.findings(id)]);
		const showDismissed = state.root.settings.review.showDismissed;
		const findings = applied.findings.flatMap((f) =>
			f.review?.status !== 'dismissed' ? [f] : showDismissed ? [{ ...f, severity: 'hint' as const }] : [],
		);
		this.publishReviewFile(state, doc?.path, applied.orphans);
		const counts = [0, 0, 0, 0, 0];
		for (const f of findings) {
			counts[severityRank(f.severity)]!++;
			if (f.severity !== 'hint' && isUnreviewed(f)) {
				counts[UNREVIEWED]!++;
			}
		}
		if (counts.some((n, i) => n !== state.counts[i])) {
			this.adjustTotals(state.counts, counts);
			state.counts = counts;
			// Debounced: the badge and the views follow decisions and edits, not only scans.
			this.sendStatus(false);
		}
		const positions = this.documents.get(state.uri) ?? state.lines;
		const diagnostics = findings.map((f) =>
			toDiagnostic(f, positions, (docId) => {
				const other = docId === undefined ? state : this.states.get(docId);
				return other ? { uri: other.uri, lines: this.documents.get(other.uri) ?? other.lines } : undefined;
			}),
		);
		const hash = hashText(JSON.stringify(diagnostics));
		if (!always && state.sent === hash) {
			return;
		}
		state.sent = hash;
		void this.connection.sendDiagnostics(
			state.version !== undefined ? { uri: state.uri, version: state.version, diagnostics } : { uri: state.uri, diagnostics },
		);
	}

	/**
	 * Publishes the problems of an article's review file and its orphaned entries (text no longer in the
	 * article) as diagnostics on the review file, sent only when they change.
	 */
	private publishReviewFile(state: DocState, article: string | undefined, orphans: readonly Orphan[]): void {
		const loaded = state.root.reviews.get(article);
		if (!loaded && state.reviewSent === undefined) {
			return;
		}
		const file =
			loaded?.file ??
			(article !== undefined && state.root.path !== undefined ? path.join(state.root.path, reviewFilePath(article)) : undefined);
		if (file === undefined) {
			return;
		}
		const lines = new LineIndex(loaded?.text ?? '');
		const diagnostics = loaded ? reviewFileDiagnostics(loaded, orphans, article!, lines) : [];
		const hash = hashText(JSON.stringify(diagnostics));
		if (state.reviewSent === hash) {
			return;
		}
		state.reviewSent = hash;
		void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
	}

	/**
	 * Republishes an article after its review file changed, or reports the file's own problems if the
	 * article is unknown. Its entity labels go to the corpus first, which re-analyses the articles whose
	 * recognition they change (this one, and those containing a name whose label changed); those are
	 * republished too.
	 */
	private publishReviewed(root: Root, article: string): void {
		const id = path.join(root.path!, ...article.split('/'));
		this.republishOthers(root.corpus.setReview(article, root.reviews.get(article)?.review), id);
		if (this.states.has(id)) {
			this.publish(id);
			return;
		}
		const loaded = root.reviews.get(article);
		const file = loaded?.file ?? path.join(root.path!, ...reviewFilePath(article).split('/'));
		const diagnostics = loaded ? reviewFileDiagnostics(loaded, [], article, new LineIndex(loaded.text)) : [];
		void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics });
	}

	/** The workspace folder and article of a review file, if `file` is one. */
	private reviewedArticle(file: string): { root: Root; article: string } | undefined {
		const root = this.rootFor(file);
		const article = root?.path !== undefined ? articleOfReviewFile(toRelative(root.path, file)) : undefined;
		return root && article !== undefined ? { root, article } : undefined;
	}

	/**
	 * Records a reviewer's decision on a finding in the article's review file, then republishes the
	 * article. Rejects with a message for the user when the finding or the file cannot be found or written.
	 */
	async review(params: ReviewParams): Promise<ReviewResult> {
		const { root, article, text, span } = this.reviewTarget(params.uri, params.range);
		const state = { root };
		const rootPath = root.path!;
		const isThis = (d: Decision): boolean => decisionIsFor(text, d, params.ruleId, span);
		const current = state.root.reviews.get(article)?.review.decisions.find(isThis);
		let edit: (yaml: string) => string | undefined;
		if (params.action === 'reopen') {
			edit = (yaml) => removeEntries(yaml, 'findings', (e) => 'rule' in e && isThis(e));
		} else {
			if (params.action === 'dismiss' && !params.reason?.trim()) {
				throw new ReviewWriteError('A dismissal needs a reason.');
			}
			const status = params.action === 'confirm' ? 'confirmed' : params.action === 'dismiss' ? 'dismissed' : (current?.status ?? 'open');
			const note = params.note?.trim() || current?.note;
			const reason = status === 'dismissed' ? params.reason?.trim() || current?.reason : undefined;
			const author = state.root.settings.review.author;
			const decision: Decision = {
				rule: params.ruleId,
				status,
				...(reason ? { reason } : {}),
				...(note ? { note } : {}),
				anchor: makeAnchor(text, span),
				...(author ? { by: author } : {}),
				date: new Date().toISOString().slice(0, 10),
			};
			edit = (yaml) => upsertDecision(yaml, article, decision, isThis);
		}
		const written: LoadedReview = await editReview(rootPath, article, edit);
		state.root.reviews.set(article, written);
		this.publishReviewed(state.root, article);
		this.sendStatus(false);
		return { file: reviewFilePath(article) };
	}

	/** The labels a reviewer may use in a folder: entity types, `not-entity`, `claim`, `needs-source`, then `labels` from crosscheck.yaml. */
	labelsFor(uri: string): string[] {
		const root = this.states.get(docIdOf(uri))?.root;
		return declaredLabels(root?.options.labels ?? []);
	}

	/** The manual annotations of a document, placed in its current text. */
	annotations(uri: string): AnnotationsResult {
		const found = this.lookup(uri);
		const root = this.states.get(docIdOf(uri))?.root;
		if (!found || !root) {
			return { annotations: [], labels: [] };
		}
		const applied = applyReview(found.doc.text, [], root.reviews.get(found.doc.path)?.review);
		return {
			annotations: applied.annotations.map((a) => ({
				range: { start: found.lines.positionAt(a.start), end: found.lines.positionAt(a.end) },
				label: a.annotation.label,
				...(a.annotation.note !== undefined ? { note: a.annotation.note } : {}),
				...(a.annotation.by !== undefined ? { by: a.annotation.by } : {}),
			})),
			labels: this.labelsFor(uri),
		};
	}

	/**
	 * Saves a label (and note) on a span in the article's review file; the same label on the same span is
	 * replaced, and so is any entity label there when the new one is an entity label (a span has one type).
	 */
	async annotate(params: AnnotateParams): Promise<{ file: string }> {
		const { root, article, text, span } = this.reviewTarget(params.uri, params.range);
		const label = params.label.trim();
		if (!this.labelsFor(params.uri).includes(label)) {
			throw new ReviewWriteError(`"${label}" is not a label of this folder: add it to labels in crosscheck.yaml first.`);
		}
		if (span.start >= span.end) {
			throw new ReviewWriteError('Select the text to annotate first.');
		}
		const author = root.settings.review.author;
		const note = params.note?.trim();
		const annotation = {
			label,
			...(note ? { note } : {}),
			anchor: makeAnchor(text, span),
			...(author ? { by: author } : {}),
			date: new Date().toISOString().slice(0, 10),
		};
		const entityLabel = isEntityLabel(label);
		const written = await editReview(root.path!, article, (yaml) =>
			upsertAnnotation(yaml, article, annotation, (a) =>
				entityLabel ? isEntityLabel(a.label) && annotationIsAt(text, a, span) : annotationIsAt(text, a, span, label),
			),
		);
		root.reviews.set(article, written);
		this.publishReviewed(root, article);
		return { file: reviewFilePath(article) };
	}

	/** Removes the annotations overlapping a range (a selection, or the cursor inside one). Returns how many. */
	async removeAnnotation(params: RemoveAnnotationParams): Promise<{ removed: number }> {
		const { root, article, text, span } = this.reviewTarget(params.uri, params.range);
		const placed = applyReview(text, [], root.reviews.get(article)?.review).annotations;
		const hit = placed.filter((a) => a.start < Math.max(span.end, span.start + 1) && span.start < a.end);
		if (hit.length === 0) {
			return { removed: 0 };
		}
		const written = await editReview(root.path!, article, (yaml) =>
			removeEntries(yaml, 'annotations', (e) => 'label' in e && hit.some((h) => annotationIsAt(text, e, h))),
		);
		root.reviews.set(article, written);
		this.publishReviewed(root, article);
		return { removed: hit.length };
	}

	/** The folder, article path, text and offsets a review request is about; rejects when it cannot be reviewed. */
	private reviewTarget(
		uri: string,
		range: ReviewParams['range'],
	): { root: Root; article: string; text: string; span: { start: number; end: number } } {
		const found = this.lookup(uri);
		const root = this.states.get(docIdOf(uri))?.root;
		if (!found || !root) {
			throw new ReviewWriteError('This document is not a Crosscheck article.');
		}
		if (root.path === undefined || found.doc.path === undefined) {
			throw new ReviewWriteError('Only articles inside a workspace folder can be reviewed: their review is saved next to them.');
		}
		const span = { start: found.lines.offsetAt(range.start), end: found.lines.offsetAt(range.end) };
		return { root, article: found.doc.path, text: found.doc.text, span };
	}

	/**
	 * Declares an alias in the crosscheck.yaml of an article's workspace folder (created if missing),
	 * keeping the file's comments, then re-analyses the folder. Returns the file written, relative to the folder.
	 */
	async addAlias(params: AddAliasParams): Promise<{ file: string }> {
		const state = this.states.get(docIdOf(params.uri));
		const rootPath = state?.root.path;
		if (rootPath === undefined) {
			throw new ReviewWriteError('Only articles inside a workspace folder can declare aliases: they go in its crosscheck.yaml.');
		}
		const file = path.join(rootPath, CONFIG_FILE_NAME);
		await editTextFile(file, CONFIG_FILE_NAME, (text) => addAliasToConfig(text ?? '', params.name, params.alias));
		await this.reindex();
		return { file: CONFIG_FILE_NAME };
	}

	private forget(id: string): void {
		const state = this.states.get(id);
		if (!state) {
			return;
		}
		const changed = state.root.corpus.remove(id);
		this.states.delete(id);
		this.adjustTotals(state.counts, undefined);
		void this.connection.sendDiagnostics({ uri: state.uri, diagnostics: [] });
		for (const other of changed) {
			this.publish(other, false);
		}
	}

	private adjustTotals(before: readonly number[] | undefined, after: readonly number[] | undefined): void {
		for (let i = 0; i < this.totals.length; i++) {
			this.totals[i]! += (after?.[i] ?? 0) - (before?.[i] ?? 0);
		}
	}

	/** Sends the status now (`immediate`) or within 200 ms, coalescing bursts. */
	private sendStatus(immediate: boolean): void {
		const send = (): void => {
			this.statusTimer = undefined;
			if (!this.disposed) {
				void this.connection.sendNotification(StatusNotification.method, this.status());
			}
		};
		if (immediate) {
			clearTimeout(this.statusTimer);
			send();
		} else if (!this.statusTimer) {
			this.statusTimer = setTimeout(send, 200);
		}
	}
}

/** Where the unreviewed count is kept in a document's `counts`, after the four severities. */
const UNREVIEWED = 4;

/** Whether no reviewer has decided a finding yet (a note alone does not decide it). */
function isUnreviewed(finding: ReviewedFinding): boolean {
	return finding.review === undefined || finding.review.status === 'open';
}

/** The key of a document: its file-system path for `file:` URIs (robust to URI encoding), else the URI. */
export function docIdOf(uri: string): string {
	return uriToPath(uri) ?? uri;
}

function uriToPath(uri: string): string | undefined {
	if (!uri.startsWith('file:')) {
		return undefined;
	}
	try {
		return fileURLToPath(uri);
	} catch {
		return undefined;
	}
}

function pathToUri(file: string): string {
	return pathToFileURL(file).href;
}

/** The diagnostics of a review file: its own problems, then one warning per orphaned entry. */
function reviewFileDiagnostics(loaded: LoadedReview, orphans: readonly Orphan[], article: string, lines: LineIndex): Diagnostic[] {
	const { review } = loaded;
	const findings: Finding[] = review.problems.map((p) => ({ ruleId: 'invalid-review-file', severity: 'error', ...p }));
	for (const orphan of orphans) {
		const span = (orphan.kind === 'decision' ? review.decisionSpans : review.annotationSpans)[orphan.index] ?? { start: 0, end: 0 };
		const what = orphan.kind === 'decision' ? `The decision on ${(orphan.entry as Decision).rule}` : 'The annotation';
		findings.push({
			ruleId: 'orphaned-annotation',
			severity: 'warning',
			...span,
			message: `${what} on "${orphan.entry.anchor.exact}" is orphaned: that text is no longer in ${article}. Fix its text or remove it.`,
		});
	}
	return findings.map((f) => toDiagnostic(f, lines, () => undefined));
}

function isConfigUri(uri: string): boolean {
	return uri.endsWith('/' + CONFIG_FILE_NAME);
}

/** A 53-bit fingerprint of a text (two multiplicative hash lanes): what was sent, without keeping it. */
function hashText(text: string): number {
	let h1 = 0xdeadbeef;
	let h2 = 0x41c6ce57;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
