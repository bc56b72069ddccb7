/**
 * Verifies AWS Signature Version 4 on incoming calls, rebuilt from the public SigV4
 * specification: canonical request -> string to sign -> HMAC with the key derived from the
 * account's secret. The access key picks the account, the credential scope the region.
 */

import {createHash, createHmac, timingSafeEqual} from 'node:crypto';
import {SimError, type SimAccount, type SimService} from '../contract.js';
import {regionOpen} from '../regions.js';

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60 * 1000;

/* Status codes: AWS answers signature problems on JSON 1.1 services with HTTP 400 (DynamoDB and
 * CodePipeline report `InvalidSignatureException` / `UnrecognizedClientException` as 400; the
 * 403 forms belong to REST and query services such as S3 and API Gateway). The SDK keys its
 * behaviour (no retry, clock-skew correction) on the error name, not the status, so 400 is both
 * faithful and harmless. */
const AUTH_STATUS = 400;

export type IncomingSigned = {
	method: string;
	/** The raw request target: path plus query, still percent-encoded as sent. */
	url: string;
	/** Header name (lowercase) -> every value sent for it. */
	headers: Record<string, string[] | undefined>;
	body: Buffer;
};

export type VerifiedCaller = {account: SimAccount; region: string; accessKeyId: string};

type ParsedAuthorization = {
	accessKeyId: string;
	date: string;
	region: string;
	service: string;
	signedHeaders: string[];
	signature: string;
};

function sha256Hex(data: string | Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
	return createHmac('sha256', key).update(data, 'utf8').digest();
}

function incomplete(message: string): SimError {
	return new SimError('IncompleteSignatureException', message, AUTH_STATUS);
}

function invalidSignature(message: string): SimError {
	return new SimError('InvalidSignatureException', message, AUTH_STATUS);
}

function unrecognizedClient(): SimError {
	return new SimError('UnrecognizedClientException', 'The security token included in the request is invalid.', AUTH_STATUS);
}

function parseAuthorization(header: string): ParsedAuthorization | SimError {
	const space = header.indexOf(' ');
	const algorithm = space === -1 ? header : header.slice(0, space);
	if (algorithm !== ALGORITHM) return incomplete(`Unsupported AWS 'algorithm': '${algorithm}'.`);
	const fields = new Map<string, string>();
	for (const part of header.slice(space + 1).split(',')) {
		const equals = part.indexOf('=');
		if (equals > 0) fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
	}
	for (const name of ['Credential', 'SignedHeaders', 'Signature']) {
		if (!fields.get(name)) return incomplete(`Authorization header requires '${name}' parameter. Authorization=${ALGORITHM}`);
	}
	const scope = fields.get('Credential')!.split('/');
	if (scope.length !== 5 || scope.some(piece => piece === '') || scope[4] !== 'aws4_request' || !/^\d{8}$/.test(scope[1])) {
		return incomplete("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/aws4_request.");
	}
	const [accessKeyId, date, region, service] = scope;
	const signedHeaders = fields.get('SignedHeaders')!.split(';').map(name => name.trim().toLowerCase());
	return {accessKeyId, date, region, service, signedHeaders, signature: fields.get('Signature')!.toLowerCase()};
}

/** RFC 3986 encoding as SigV4 wants it: only unreserved characters stay as they are. */
function encodeRfc3986(text: string): string {
	return encodeURIComponent(text).replace(/[!'()*]/g, char => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeLoosely(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Non-S3 services normalise the path and encode each segment again (the "double encoding"). */
function canonicalUri(rawPath: string): string {
	const segments: string[] = [];
	for (const segment of rawPath.split('/')) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(encodeRfc3986(segment));
	}
	const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
	return `/${segments.join('/')}${trailing}`;
}

function canonicalQuery(rawQuery: string): string {
	const pairs: Array<[string, string]> = [];
	for (const piece of rawQuery.split('&')) {
		if (piece === '') continue;
		const equals = piece.indexOf('=');
		const name = decodeLoosely(equals === -1 ? piece : piece.slice(0, equals));
		if (name === 'X-Amz-Signature') continue;
		const value = equals === -1 ? '' : decodeLoosely(piece.slice(equals + 1));
		pairs.push([encodeRfc3986(name), encodeRfc3986(value)]);
	}
	pairs.sort(([nameA, valueA], [nameB, valueB]) => (nameA === nameB ? compare(valueA, valueB) : compare(nameA, nameB)));
	return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Byte order (code unit order is the same for the ASCII that encoding leaves). */
function compare(left: string, right: string): number {
	return left < right ? -1 : left > right ? 1 : 0;
}

function canonicalHeaderValue(values: string[] | undefined): string {
	return (values ?? []).map(value => value.trim().replace(/\s+/g, ' ')).join(',');
}

export function canonicalRequest(request: IncomingSigned, signedHeaders: string[], payloadHash: string): string {
	const queryAt = request.url.indexOf('?');
	const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
	const rawQuery = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
	const headerLines = signedHeaders.map(name => `${name}:${canonicalHeaderValue(request.headers[name])}\n`).join('');
	return [request.method.toUpperCase(), canonicalUri(rawPath), canonicalQuery(rawQuery), headerLines, signedHeaders.join(';'), payloadHash].join('\n');
}

/** Derived signing keys repeat for every call of a day; a small cache spares four HMACs a call. */
const keyCache = new Map<string, Buffer>();

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
	const cacheKey = [secret, date, region, service].join('\n');
	let key = keyCache.get(cacheKey);
	if (!key) {
		key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
		if (keyCache.size > 256) keyCache.clear();
		keyCache.set(cacheKey, key);
	}
	return key;
}

function parseAmzDate(text: string): number | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second] = match.map(Number);
	return Date.UTC(year, month - 1, day, hour, minute, second);
}

function formatAmzDate(ms: number): string {
	return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function checkSkew(amzDate: string, signedAt: number, nowMs: number): SimError | undefined {
	// The same wording AWS uses, so anyone who has met the real error recognises it.
	if (signedAt < nowMs - MAX_SKEW_MS) {
		return invalidSignature(`Signature expired: ${amzDate} is now earlier than ${formatAmzDate(nowMs - MAX_SKEW_MS)} (${formatAmzDate(nowMs)} - 15 min.)`);
	}
	if (signedAt > nowMs + MAX_SKEW_MS) {
		return invalidSignature(`Signature not yet current: ${amzDate} is still later than ${formatAmzDate(nowMs + MAX_SKEW_MS)} (${formatAmzDate(nowMs)} + 15 min.)`);
	}
	return undefined;
}

/**
 * Checks one call. `nowMs` must be REAL time (Date.now()): clients sign with the wall clock
 * even when the sim runs on virtual time. Returns the caller, or the error to answer with.
 */
export function verifySignature(request: IncomingSigned, service: SimService, accounts: SimAccount[], nowMs: number): VerifiedCaller | SimError {
	const header = request.headers.authorization?.[0];
	if (!header) return new SimError('MissingAuthenticationTokenException', 'Missing Authentication Token', AUTH_STATUS);
	const auth = parseAuthorization(header);
	if (auth instanceof SimError) return auth;
	if (!auth.signedHeaders.includes('host')) return invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
	const amzDate = request.headers['x-amz-date']?.[0]?.trim() ?? '';
	const signedAt = parseAmzDate(amzDate);
	if (signedAt === undefined) return incomplete("Authorization header requires existence of a valid 'X-Amz-Date' header.");
	if (auth.date !== amzDate.slice(0, 8)) return invalidSignature(`Credential should be scoped to a valid date: '${amzDate.slice(0, 8)}'.`);
	const account = accounts.find(candidate => candidate.accessKeyId === auth.accessKeyId);
	if (!account) return unrecognizedClient();
	if (auth.service !== service) return invalidSignature(`Credential should be scoped to correct service: '${service}'. `);

	const payloadHash = payloadHashFor(request);
	if (payloadHash instanceof SimError) return payloadHash;
	const scope = `${auth.date}/${auth.region}/${auth.service}/aws4_request`;
	const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest(request, auth.signedHeaders, payloadHash))].join('\n');
	const expected = createHmac('sha256', signingKey(account.secretAccessKey, auth.date, auth.region, auth.service)).update(stringToSign, 'utf8').digest();
	const given = /^[0-9a-f]{64}$/.test(auth.signature) ? Buffer.from(auth.signature, 'hex') : Buffer.alloc(0);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return invalidSignature('The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.');
	}
	const skew = checkSkew(amzDate, signedAt, nowMs);
	if (skew) return skew;
	// An opt-in region the account never enabled (or another partition's region) refuses the
	// keys, as AWS does; default regions answer (empty where nothing lives). Checked only after
	// the signature so that it never tells a stranger which regions an account uses.
	if (!regionOpen(account, auth.region)) return unrecognizedClient();
	// X-Amz-Security-Token is accepted as is when present (there is no STS here to check it).
	return {account, region: auth.region, accessKeyId: auth.accessKeyId};
}

/**
 * The payload hash: `x-amz-content-sha256` (as sent, it is what the client signed) when present,
 * else the body's hash. A declared hash that does not match the body is refused, or a signed
 * call's body could be swapped under its signature.
 */
function payloadHashFor(request: IncomingSigned): string | SimError {
	const actual = sha256Hex(request.body);
	const declared = request.headers['x-amz-content-sha256']?.[0]?.trim();
	if (declared === undefined) return actual;
	// UNSIGNED-PAYLOAD and the streaming forms belong to S3; these services always sign the body.
	if (declared.toLowerCase() !== actual) return invalidSignature('The provided x-amz-content-sha256 header does not match what was computed.');
	return declared;
}
