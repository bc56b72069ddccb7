/**
 * Opaque page tokens. A token carries where the next page starts and what it was asked for
 * (operation and scope), sealed with an HMAC keyed by the world's seed: a token that was altered,
 * made up, or taken from another listing is refused with the listing's own error, as AWS does.
 */

import {createHmac} from 'node:crypto';
import {SimError} from '../contract.js';

export class PageTokens {
	constructor(private readonly key: string) {}

	seal(scope: string, position: string | number): string {
		const body = Buffer.from(JSON.stringify([scope, position])).toString('base64url');
		return `${body}.${this.sign(body)}`;
	}

	/** The position sealed in the token, or throws `errorCode` (InvalidNextTokenException by default). */
	open(token: string, scope: string, errorCode = 'InvalidNextTokenException', message = 'The next token is not valid.'): string | number {
		const invalid = () => new SimError(errorCode, message);
		const dot = token.lastIndexOf('.');
		if (dot <= 0) throw invalid();
		const body = token.slice(0, dot);
		if (token.slice(dot + 1) !== this.sign(body)) throw invalid();
		let decoded: unknown;
		try {
			decoded = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
		} catch {
			throw invalid();
		}
		if (!Array.isArray(decoded) || decoded[0] !== scope) throw invalid();
		const position = decoded[1] as unknown;
		if (typeof position !== 'string' && typeof position !== 'number') throw invalid();
		return position;
	}

	private sign(body: string): string {
		return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
	}
}
