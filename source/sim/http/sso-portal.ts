/**
 * The IAM Identity Center (SSO) portal as the AWS SDK's SSO credential provider meets it:
 * `GET /federation/credentials?account_id=..&role_name=..` with the cached access token in
 * `x-amz-sso_bearer_token`, answered with short-lived role credentials (REST JSON).
 *
 * A login gives one access token; expire() ends it, and with it every role credential issued
 * under it: calls signed with them are answered ExpiredTokenException, as AWS answers once an
 * SSO session is over. A new login issues new tokens and new credentials.
 */

import type {IncomingMessage, ServerResponse} from 'node:http';
import type {SimAccount} from '../contract.js';
import {seededRandom, type Random} from './prng.js';

const SSO_CREDENTIALS_PATH = '/federation/credentials';

/** Role credentials last this long (real time): long enough never to lapse inside a test. */
const ROLE_CREDENTIALS_MS = 60 * 60 * 1000;

type Issued = {account: SimAccount; sessionToken: string; loginId: number};

export type SsoVerdict = 'valid' | 'expired' | 'wrong-token';

export type SsoPortalStats = {credentialRequests: number; refused: number; issued: number};

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const SECRET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function draw(random: Random, alphabet: string, length: number): string {
	let out = '';
	for (let index = 0; index < length; index++) out += alphabet[random.nextUint32() % alphabet.length];
	return out;
}

export class SsoPortal {
	private readonly random: Random;
	private loginId = 0;
	private accessToken: string | undefined;
	private readonly issued = new Map<string, Issued>();
	private readonly counts: SsoPortalStats = {credentialRequests: 0, refused: 0, issued: 0};

	constructor(
		private readonly accounts: () => SimAccount[],
		seed: number,
		/** The role name every account grants (any other is refused, as an unassigned role is). */
		readonly roleName = 'PipetopReadOnly',
	) {
		// Apart from the fault and request-id streams: logging in never shifts a fault decision.
		this.random = seededRandom((Math.trunc(seed) ^ 0x550c0de) >>> 0);
	}

	/** `aws sso login`: a new access token for the portal. Returns it (the caller writes the token cache). */
	login(): string {
		this.loginId++;
		// Keys of sessions long over are forgotten (then refused as unknown): the map stays small however long the sim runs.
		for (const [key, entry] of this.issued) if (entry.loginId < this.loginId - 2) this.issued.delete(key);
		this.accessToken = `sso-${draw(this.random, SECRET, 64)}`;
		return this.accessToken;
	}

	/** The session ends: its access token and every role credential issued under it are refused. */
	expire(): void {
		this.accessToken = undefined;
		this.loginId++;
	}

	stats(): SsoPortalStats {
		return {...this.counts};
	}

	/** Issued credentials as accounts, so the signature check can find the secret of a temporary key. */
	signingAccounts(): SimAccount[] {
		return [...this.issued.values()].map(entry => entry.account);
	}

	/** Whether a call signed with this access key may go on; undefined when the key is not one of ours. */
	verdict(accessKeyId: string, sessionToken: string | undefined): SsoVerdict | undefined {
		const entry = this.issued.get(accessKeyId);
		if (!entry) return undefined;
		if (sessionToken !== entry.sessionToken) return 'wrong-token';
		return entry.loginId === this.loginId && this.accessToken !== undefined ? 'valid' : 'expired';
	}

	isPortalRequest(request: IncomingMessage): boolean {
		return request.method === 'GET' && (request.url ?? '').split('?')[0] === SSO_CREDENTIALS_PATH;
	}

	/** Answers GetRoleCredentials. Never throws. */
	serve(request: IncomingMessage, response: ServerResponse, requestId: string): void {
		this.counts.credentialRequests++;
		const query = new URLSearchParams((request.url ?? '').split('?')[1] ?? '');
		const token = request.headers['x-amz-sso_bearer_token'];
		if (typeof token !== 'string' || token === '' || token !== this.accessToken) {
			this.refuse(response, requestId, 401, 'UnauthorizedException', 'Session token not found or invalid');
			return;
		}
		const account = this.accounts().find(candidate => candidate.accountId === query.get('account_id'));
		if (!account || query.get('role_name') !== this.roleName) {
			this.refuse(response, requestId, 403, 'ForbiddenException', 'No access');
			return;
		}
		const temporary: SimAccount = {...account, accessKeyId: `ASIA${draw(this.random, ALNUM, 16)}`, secretAccessKey: draw(this.random, SECRET, 40)};
		const sessionToken = draw(this.random, SECRET, 120);
		this.issued.set(temporary.accessKeyId, {account: temporary, sessionToken, loginId: this.loginId});
		this.counts.issued++;
		const body = JSON.stringify({
			roleCredentials: {
				accessKeyId: temporary.accessKeyId,
				secretAccessKey: temporary.secretAccessKey,
				sessionToken,
				expiration: Date.now() + ROLE_CREDENTIALS_MS,
			},
		});
		response.writeHead(200, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': requestId});
		response.end(body);
	}

	private refuse(response: ServerResponse, requestId: string, status: number, code: string, message: string): void {
		this.counts.refused++;
		const body = JSON.stringify({message});
		response.writeHead(status, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'x-amzn-RequestId': requestId, 'x-amzn-ErrorType': code});
		response.end(body);
	}
}
