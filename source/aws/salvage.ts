/**
 * Reading what can be read of an answer the SDK refused whole. An endpoint that is not AWS (moto's
 * server, a proxy) may send one member in another form: `created` as an ISO date string, say.
 * The SDK then throws away the whole answer (every pipeline of a ListPipelines), and its message
 * ends with a hint for programmers ("inspect the hidden field {error}.$response"). The AWS CLI
 * reads the same answer fine.
 *
 * Here the raw JSON is read again: timestamps (the CodePipeline model's timestamp members) sent
 * as ISO strings become dates, as the AWS CLI reads them; a timestamp or number member that
 * cannot be read is left out and named. The engine's readers are lenient about the rest.
 */

/** Members of timestamp type in the CodePipeline model (botocore's service-2.json). */
const TIMESTAMPS = new Set(['approvedAt', 'created', 'endTime', 'lastChangedAt', 'lastStatusChange', 'lastTriggered', 'lastUpdateTime', 'pollingDisabledAt', 'startTime', 'updated']);
/** Members of number type in the same model. */
const NUMBERS = new Set(['autoStageRetryAttempt', 'jobTimeout', 'manualStageRetryAttempt', 'maxBatchSize', 'maximumCount', 'minimumCount', 'percentComplete', 'pipelineVersion', 'runOrder', 'timeoutInMinutes', 'version']);
/** The largest answer read again (a CodePipeline answer is kilobytes). */
const MAX_BYTES = 8 << 20;

export type Salvaged = {output: Record<string, unknown>; unreadable: string[]; converted: string[]};

/** The SDK's programmer hint cut off its message: it means nothing to an operator. */
export function withoutSdkHint(message: string): string {
	return message.replace(/\s*Deserialization error: to see the raw response, inspect the hidden field \{error\}\.\$response on this object\.?/, '').trim();
}

/** Whether the SDK refused an answer while reading it (not a service error). */
export function isDeserializationError(error: unknown): boolean {
	return typeof error === 'object' && error !== null && '$response' in error && /Deserialization error/.test(String((error as {message?: unknown}).message));
}

/** The answer's body, when pipetop kept it (see keepBodyMiddleware). */
export function bodyOf(error: unknown): string | undefined {
	const body = (error as {$response?: {body?: unknown}}).$response?.body;
	if (!(body instanceof Uint8Array) || body.byteLength > MAX_BYTES) return undefined;
	return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

function walk(value: unknown, path: string, found: Salvaged): unknown {
	if (Array.isArray(value)) return value.map((item, index) => walk(item, `${path}[${index}]`, found));
	if (typeof value !== 'object' || value === null) return value;
	const out: Record<string, unknown> = {};
	for (const [key, member] of Object.entries(value)) {
		const where = path ? `${path}.${key}` : key;
		if (TIMESTAMPS.has(key) && typeof member !== 'number') {
			const time = typeof member === 'string' ? Date.parse(member) : Number.NaN;
			if (Number.isNaN(time)) found.unreadable.push(where);
			else {
				out[key] = new Date(time);
				found.converted.push(where);
			}
			continue;
		}
		if (NUMBERS.has(key) && typeof member !== 'number') {
			found.unreadable.push(where);
			continue;
		}
		out[key] = walk(member, where, found);
	}
	return out;
}

/** What can be read of a refused answer, or undefined when it cannot be explained (not JSON, nothing out of form). */
export function salvage(text: string): Salvaged | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return undefined;
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
	const found: Salvaged = {output: {}, unreadable: [], converted: []};
	found.output = walk(parsed, '', found) as Record<string, unknown>;
	return found.unreadable.length + found.converted.length > 0 ? found : undefined;
}

/**
 * An SDK middleware (deserialize step, after the SDK's own reader in the chain, so it sees the
 * response first) that reads the body into memory, where the SDK's reader finds it as before
 * and, should it refuse the answer, pipetop can still read it from the error.
 */
export const keepBodyMiddleware =
	(next: (args: unknown) => Promise<{response: unknown}>) =>
	async (args: unknown): Promise<{response: unknown}> => {
		const result = await next(args);
		const response = result.response as {body?: unknown};
		const body = response?.body as AsyncIterable<Uint8Array> | undefined;
		if (body && typeof body === 'object' && Symbol.asyncIterator in body && !(body instanceof Uint8Array)) {
			const chunks: Uint8Array[] = [];
			for await (const chunk of body) chunks.push(chunk);
			response.body = new Uint8Array(Buffer.concat(chunks));
		}
		return result;
	};
