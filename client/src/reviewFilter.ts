import * as vscode from 'vscode';
import type { ReviewParams, ReviewState } from '../../server/src/protocol';

/** Which findings the review views show. */
export type ReviewFilterValue = 'all' | 'unreviewed' | 'confirmed' | 'dismissed';

const CHOICES: readonly { value: ReviewFilterValue; label: string; detail: string }[] = [
	{ value: 'all', label: 'All findings', detail: 'Unreviewed, confirmed and dismissed' },
	{ value: 'unreviewed', label: 'Unreviewed', detail: 'No decision yet (a note alone is not a decision)' },
	{ value: 'confirmed', label: 'Confirmed', detail: 'Decided: a real problem' },
	{ value: 'dismissed', label: 'Dismissed', detail: 'Decided: not a problem, with a reason' },
];

/** How a review state reads and looks in the views. */
export const STATE_LOOK: Readonly<Record<ReviewState, { label: string; icon: string; color?: string }>> = {
	unreviewed: { label: 'unreviewed', icon: 'circle-large-outline' },
	open: { label: 'noted, undecided', icon: 'comment' },
	confirmed: { label: 'confirmed', icon: 'pass-filled', color: 'testing.iconPassed' },
	dismissed: { label: 'dismissed', icon: 'circle-slash', color: 'disabledForeground' },
};

/**
 * The review views' shared filter (all, unreviewed, confirmed, dismissed), picked from their title bar
 * and kept per workspace.
 */
export class ReviewFilter implements vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<ReviewFilterValue>();
	readonly onDidChange = this.changed.event;
	private current: ReviewFilterValue;

	constructor(private readonly memento: vscode.Memento) {
		const saved = memento.get<string>('crosscheck.reviewFilter');
		this.current = CHOICES.some((c) => c.value === saved) ? (saved as ReviewFilterValue) : 'all';
	}

	get value(): ReviewFilterValue {
		return this.current;
	}

	/** How the views' title describes the filter: nothing when everything is shown. */
	get description(): string | undefined {
		return this.current === 'all' ? undefined : `${CHOICES.find((c) => c.value === this.current)!.label.toLowerCase()} only`;
	}

	async set(value: ReviewFilterValue): Promise<void> {
		this.current = value;
		await this.memento.update('crosscheck.reviewFilter', value);
		void vscode.commands.executeCommand('setContext', 'crosscheck.reviewFilter', value);
		this.changed.fire(value);
	}

	/** Asks which findings to show, or sets the filter directly (for keybindings and tests). */
	async pick(value?: ReviewFilterValue): Promise<void> {
		if (value === undefined) {
			const chosen = await vscode.window.showQuickPick(
				CHOICES.map((c) => ({ ...c, description: c.value === this.current ? '(current)' : undefined })),
				{ title: 'Crosscheck: show which findings?' },
			);
			if (!chosen) {
				return;
			}
			value = chosen.value;
		}
		await this.set(value);
	}

	/** Whether a finding in this state passes the filter. */
	accepts(state: ReviewState): boolean {
		switch (this.current) {
			case 'all':
				return true;
			case 'unreviewed':
				return state === 'unreviewed' || state === 'open';
			default:
				return state === this.current;
		}
	}

	dispose(): void {
		this.changed.dispose();
	}
}

/** A tree node that stands for a finding a reviewer can decide on. */
export interface ReviewableNode {
	readonly target: Omit<ReviewParams, 'action'>;
}

/**
 * The context menu of findings in the review views: confirm, dismiss (asks for a reason), add a note,
 * reopen. They run `crosscheck.reviewFinding`, as the editor's code actions do.
 */
export function registerFindingCommands(context: vscode.ExtensionContext, filter: ReviewFilter): void {
	const decide = (action: ReviewParams['action']) => (node?: ReviewableNode) =>
		node?.target ? vscode.commands.executeCommand('crosscheck.reviewFinding', { ...node.target, action }) : undefined;
	context.subscriptions.push(
		vscode.commands.registerCommand('crosscheck.filterFindings', (value?: ReviewFilterValue) => filter.pick(value)),
		vscode.commands.registerCommand('crosscheck.confirmFinding', decide('confirm')),
		vscode.commands.registerCommand('crosscheck.dismissFinding', decide('dismiss')),
		vscode.commands.registerCommand('crosscheck.noteFinding', decide('note')),
		vscode.commands.registerCommand('crosscheck.reopenFinding', decide('reopen')),
		vscode.commands.registerCommand('crosscheck.openPassage', (uri: string, range: ReviewParams['range']) =>
			vscode.window.showTextDocument(vscode.Uri.parse(uri), {
				selection: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character),
			}),
		),
	);
	void vscode.commands.executeCommand('setContext', 'crosscheck.reviewFilter', filter.value);
}

/** The click of an item in a review view: open the passage, select the text. */
export function openCommand(uri: string, range: ReviewParams['range']): vscode.Command {
	return { command: 'crosscheck.openPassage', title: 'Open the passage', arguments: [uri, range] };
}
