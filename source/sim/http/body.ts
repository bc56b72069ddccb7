/** Reads a request body with a size cap, so one huge or endless upload cannot exhaust memory. */

import type {IncomingMessage} from 'node:http';

/** Far above any CodePipeline request (a pipeline declaration is well under 1 MB). */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Resolves with the body, 'too-large' past the cap, or 'aborted' when the client went away. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | 'too-large' | 'aborted'> {
	return new Promise(resolve => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (value: Buffer | 'too-large' | 'aborted') => {
			if (settled) return;
			settled = true;
			resolve(value);
		};
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				// Stop buffering, but keep the stream flowing so the answer can still be written.
				chunks.length = 0;
				settle('too-large');
				return;
			}
			if (!settled) chunks.push(chunk);
		});
		request.on('end', () => settle(Buffer.concat(chunks)));
		request.on('error', () => settle('aborted'));
		request.on('close', () => settle(request.complete ? Buffer.concat(chunks) : 'aborted'));
	});
}
