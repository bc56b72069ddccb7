/**
 * An answer that is no AWS answer at all: an HTML error page, plain text, an empty 500. Endpoints
 * that implement only part of the API answer so for the rest (moto's server: HTTP 500 and an HTML
 * page for every operation it lacks). Said per operation, by name, so the operator reads "this
 * endpoint cannot do GetPipelineState", not a JSON parser's complaint about a `<`.
 */

/** Which operation a failed call was, kept beside the SDK's error (the engine classifies it later, far from the call). */
const operations = new WeakMap<object, string>();

export function rememberOperation(error: unknown, operation: string): void {
	if (typeof error === 'object' && error !== null) operations.set(error, operation);
}

export function operationOf(error: unknown): string | undefined {
	return typeof error === 'object' && error !== null ? operations.get(error) : undefined;
}

type Answer = {statusCode?: unknown; headers?: Record<string, unknown>};

/** The message for a non-JSON answer, or undefined when the answer claimed to be JSON (or there was none). */
export function foreignAnswerMessage(error: unknown, operation: string | undefined): string | undefined {
	const answer = (error as {$response?: Answer}).$response;
	if (!answer || typeof answer.statusCode !== 'number') return undefined;
	const type = String(answer.headers?.['content-type'] ?? '').split(';')[0].trim().slice(0, 60);
	if (/json/i.test(type)) return undefined;
	const what = operation ?? 'the call';
	const body = type ? `with ${type}` : 'with no content type';
	const guess = operation && answer.statusCode >= 500 ? ` (an endpoint that does not implement ${operation} answers so)` : '';
	return `${what}: the endpoint answered HTTP ${answer.statusCode} ${body}, not an AWS answer${guess}`;
}
