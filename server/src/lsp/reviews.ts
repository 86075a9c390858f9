import { applyReview, type AppliedReview, type Finding } from '../core';
import { listReviewedArticles, readReview, readReviewSync, type LoadedReview } from '../node/reviewStore';

/**
 * The review files of one corpus root, read once when the root is indexed and re-read whenever one
 * changes on disk. Keyed by article path relative to the root (forward slashes).
 */
export class Reviews {
	private readonly loaded = new Map<string, LoadedReview>();

	constructor(
		private readonly root: string | undefined,
		private readonly warn: (message: string) => void,
	) {}

	/** Reads every review file of the root (one walk of the review folder). */
	loadAll(): void {
		this.loaded.clear();
		if (this.root === undefined) {
			return;
		}
		for (const article of listReviewedArticles(this.root)) {
			try {
				const review = readReviewSync(this.root, article);
				if (review) {
					this.loaded.set(article, review);
				}
			} catch (error) {
				this.warn(`Cannot read the review of ${article}: ${(error as Error).message}`);
			}
		}
	}

	/** Re-reads one article's review file after it changed on disk; returns what is now known. */
	async reload(article: string): Promise<LoadedReview | undefined> {
		if (this.root === undefined) {
			return undefined;
		}
		try {
			const review = await readReview(this.root, article);
			this.set(article, review);
			return review;
		} catch (error) {
			this.warn(`Cannot read the review of ${article}: ${(error as Error).message}`);
			return this.loaded.get(article);
		}
	}

	/** Records what was just written (so the decision shows before the watcher reports the change). */
	set(article: string, review: LoadedReview | undefined): void {
		if (review) {
			this.loaded.set(article, review);
		} else {
			this.loaded.delete(article);
		}
	}

	get(article: string | undefined): LoadedReview | undefined {
		return article === undefined ? undefined : this.loaded.get(article);
	}

	/** Every loaded review file, by article path. */
	entries(): IterableIterator<[string, LoadedReview]> {
		return this.loaded.entries();
	}

	/** Applies an article's review file to its text and findings. */
	apply(article: string | undefined, text: string, findings: readonly Finding[]): AppliedReview {
		return applyReview(text, findings, this.get(article)?.review);
	}
}
