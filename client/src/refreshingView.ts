import * as vscode from 'vscode';

/**
 * What the Crosscheck tree views share: a change event, and refreshes on demand or soon after a burst
 * of status updates (a scan sends many), coalesced.
 */
export abstract class RefreshingView<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
	private readonly changed = new vscode.EventEmitter<void>();
	readonly onDidChangeTreeData = this.changed.event;
	private timer: NodeJS.Timeout | undefined;

	abstract getChildren(node?: T): Promise<T[]>;
	abstract getTreeItem(node: T): vscode.TreeItem;

	/** Asks for a refresh soon, coalescing the bursts of status updates a scan sends. */
	refreshSoon(): void {
		clearTimeout(this.timer);
		this.timer = setTimeout(() => this.changed.fire(), 500);
	}

	refresh(): void {
		this.changed.fire();
	}

	dispose(): void {
		clearTimeout(this.timer);
		this.changed.dispose();
	}
}
