import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

/**
 * The status-bar item: the number of open findings (hints are not counted: they are faint marks, not
 * work to do), or the scan's progress while indexing. Clicking it opens the Problems view.
 */
export class StatusBar implements vscode.Disposable {
	private readonly item = vscode.window.createStatusBarItem('crosscheck.status', vscode.StatusBarAlignment.Left, 10);

	constructor() {
		this.item.name = 'Crosscheck';
		this.item.command = 'workbench.actions.view.problems';
		this.item.text = '$(loading~spin) Crosscheck';
		this.item.tooltip = 'Crosscheck is starting';
		this.item.show();
	}

	update(status: StatusParams): void {
		const { error, warning, information } = status.findings;
		const open = error + warning + information;
		if (status.state === 'indexing') {
			this.item.text = `$(loading~spin) Crosscheck ${status.documents}/${status.total}`;
			this.item.tooltip = `Crosscheck is reading the corpus: ${status.documents} of ${status.total} articles analysed.`;
		} else {
			this.item.text = `$(checklist) ${open}`;
			this.item.tooltip = new vscode.MarkdownString(
				`**Crosscheck**: ${open} open finding${open === 1 ? '' : 's'} in ${status.documents} article${status.documents === 1 ? '' : 's'}\n\n` +
					`${error} error · ${warning} warning · ${information} information\n\nClick to open the Problems view.`,
			);
		}
	}

	dispose(): void {
		this.item.dispose();
	}
}
