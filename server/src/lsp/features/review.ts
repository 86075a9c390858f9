import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ReviewWriteError } from '../../node/reviewStore';
import { ReviewRequest, type ReviewParams, type ReviewResult } from '../../protocol';
import type { Workspace } from '../workspace';

/** `crosscheck/review`: records a decision on a finding. A refusal comes back as an error message for the user. */
export function registerReview(connection: Connection, workspace: Workspace): void {
	connection.onRequest(ReviewRequest.method, async (params: ReviewParams): Promise<ReviewResult | ResponseError> => {
		try {
			return await workspace.review(params);
		} catch (error) {
			const message = error instanceof ReviewWriteError ? error.message : `Cannot save the review: ${(error as Error).message}`;
			return new ResponseError(ErrorCodes.InvalidRequest, message);
		}
	});
}
