/** Real AWS SDK clients aimed at a running sim, and a raw signed-request helper for wire tests. */

import {createHash, createHmac, type Hash, type Hmac} from 'node:crypto';
import {request as httpRequest} from 'node:http';
import {CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import {CodeBuildClient} from '@aws-sdk/client-codebuild';
import {CodePipelineClient} from '@aws-sdk/client-codepipeline';
import {SignatureV4} from '@smithy/signature-v4';
import type {SimAccount} from '../../../../source/sim/contract.js';

export type ClientOptions = {region?: string; secret?: string; accessKeyId?: string; maxAttempts?: number; requestTimeout?: number; systemClockOffset?: number};

function config(url: string, account: SimAccount, options: ClientOptions) {
	return {
		endpoint: url,
		region: options.region ?? account.regions[0],
		credentials: {accessKeyId: options.accessKeyId ?? account.accessKeyId, secretAccessKey: options.secret ?? account.secretAccessKey},
		// One attempt: a test sees exactly what the service answered, with no retry sleeps.
		maxAttempts: options.maxAttempts ?? 1,
		systemClockOffset: options.systemClockOffset,
		// Without throwOnRequestTimeout this SDK only logs a warning when requestTimeout passes.
		...(options.requestTimeout === undefined ? {} : {requestHandler: {requestTimeout: options.requestTimeout, throwOnRequestTimeout: true}}),
	};
}

export function codePipeline(url: string, account: SimAccount, options: ClientOptions = {}): CodePipelineClient {
	return new CodePipelineClient(config(url, account, options));
}

export function codeBuild(url: string, account: SimAccount, options: ClientOptions = {}): CodeBuildClient {
	return new CodeBuildClient(config(url, account, options));
}

export function logs(url: string, account: SimAccount, options: ClientOptions = {}): CloudWatchLogsClient {
	return new CloudWatchLogsClient(config(url, account, options));
}

/** SHA-256 (or HMAC-SHA-256 with a secret) in the shape the SDK's signer asks for. */
class NodeSha256 {
	private hash: Hash | Hmac;
	private readonly secret?: string | Buffer;
	constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
		if (secret === undefined || typeof secret === 'string') this.secret = secret;
		else if (secret instanceof ArrayBuffer) this.secret = Buffer.from(secret);
		else this.secret = Buffer.from(secret.buffer, secret.byteOffset, secret.byteLength);
		this.hash = this.fresh();
	}
	private fresh(): Hash | Hmac {
		return this.secret === undefined ? createHash('sha256') : createHmac('sha256', this.secret);
	}
	update(data: string | Uint8Array): void {
		this.hash.update(data);
	}
	async digest(): Promise<Uint8Array> {
		return new Uint8Array(this.hash.digest());
	}
	reset(): void {
		this.hash = this.fresh();
	}
}

export type RawAnswer = {status: number; headers: Record<string, string | string[] | undefined>; body: string};

export type RawRequest = {
	target?: string;
	body?: string;
	method?: string;
	/** Sign for this service (default: codepipeline) and region (default: the account's first). */
	service?: string;
	region?: string;
	/** Leave unsigned. */
	unsigned?: boolean;
	extraHeaders?: Record<string, string>;
	/** Change a header after signing. */
	tamper?: Record<string, string>;
	/** Send this body instead of the one signed. */
	sendBody?: string;
};

/** Sends one request signed by the SDK's own SigV4 signer, with full control of the bytes. */
export async function rawCall(url: string, account: SimAccount, options: RawRequest = {}): Promise<RawAnswer> {
	const {hostname, port} = new URL(url);
	const body = options.body ?? '{}';
	const headers: Record<string, string> = {
		host: `${hostname}:${port}`,
		'content-type': 'application/x-amz-json-1.1',
		...(options.target === undefined ? {} : {'x-amz-target': options.target}),
		...options.extraHeaders,
	};
	let signed = headers;
	if (!options.unsigned) {
		const signer = new SignatureV4({
			service: options.service ?? 'codepipeline',
			region: options.region ?? account.regions[0],
			credentials: {accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey},
			sha256: NodeSha256,
		});
		const request = await signer.sign({method: options.method ?? 'POST', protocol: 'http:', hostname, port: Number(port), path: '/', query: {}, headers, body});
		signed = request.headers as Record<string, string>;
	}
	signed = {...signed, ...options.tamper};
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest({host: hostname, port: Number(port), method: options.method ?? 'POST', path: '/', headers: signed, agent: false}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8')}));
		});
		outgoing.on('error', reject);
		outgoing.end(options.sendBody ?? body);
	});
}
