import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { SafeEditError } from '../../node/safeEdit';
import {
	AddAliasRequest,
	AnnotateRequest,
	AnnotationsRequest,
	RemoveAnnotationRequest,
	ReviewRequest,
	type AddAliasParams,
	type AnnotateParams,
	type AnnotationsResult,
	type RemoveAnnotationParams,
	type ReviewParams,
} from '../../protocol';
import type { Workspace } from '../workspace';
import { ANNOTATE_COMMAND } from './codeActions';

/**
 * `crosscheck/review` records a decision on a finding; `crosscheck/annotate` (and the command
 * `crosscheck.server.annotate`, which the entity code actions run) and
 * `crosscheck/removeAnnotation` edit manual annotations, `crosscheck/annotations` lists them;
 * `crosscheck/addAlias` declares an alias in crosscheck.yaml. A refusal comes back as an error message for the user.
 */
export function registerReview(connection: Connection, workspace: Workspace): void {
	connection.onRequest(ReviewRequest.method, (params: ReviewParams) => refusals(() => workspace.review(params)));
	connection.onRequest(AddAliasRequest.method, (params: AddAliasParams) => refusals(() => workspace.addAlias(params)));
	connection.onRequest(AnnotateRequest.method, (params: AnnotateParams) => refusals(() => workspace.annotate(params)));
	connection.onRequest(RemoveAnnotationRequest.method, (params: RemoveAnnotationParams) =>
		refusals(() => workspace.removeAnnotation(params)),
	);
	connection.onRequest(AnnotationsRequest.method, (params: { uri: string }): AnnotationsResult => workspace.annotations(params.uri));
	// The entity code actions' command: the same annotation, on the mention's span.
	connection.onExecuteCommand((params) =>
		params.command === ANNOTATE_COMMAND && params.arguments?.[0]
			? refusals(() => workspace.annotate(params.arguments![0] as AnnotateParams))
			: new ResponseError(ErrorCodes.InvalidParams, `Unknown command ${params.command}.`),
	);
}

async function refusals<T>(work: () => Promise<T>): Promise<T | ResponseError> {
	try {
		return await work();
	} catch (error) {
		const message = error instanceof SafeEditError ? error.message : `Cannot save: ${(error as Error).message}`;
		return new ResponseError(ErrorCodes.InvalidRequest, message);
	}
}
