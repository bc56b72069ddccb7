/** The verifier alone: the worked example of the SigV4 documentation, and a botocore signature. */

import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {SimError, type SimAccount, type SimService} from '../../../source/sim/contract.js';
import {canonicalRequest, verifySignature, type IncomingSigned} from '../../../source/sim/http/sigv4.js';

const EXAMPLE_ACCOUNT: SimAccount = {
	profile: 'docs',
	accountId: '123456789012',
	regions: ['us-east-1'],
	accessKeyId: 'AKIDEXAMPLE',
	secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** The IAM ListUsers example from the AWS General Reference's "Signature Version 4" pages. */
function docsExample(signature: string): IncomingSigned {
	return {
		method: 'GET',
		url: '/?Action=ListUsers&Version=2010-05-08',
		headers: {
			authorization: [`AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${signature}`],
			'content-type': ['application/x-www-form-urlencoded; charset=utf-8'],
			host: ['iam.amazonaws.com'],
			'x-amz-date': ['20150830T123600Z'],
		},
		body: Buffer.alloc(0),
	};
}

const DOCS_SIGNATURE = '5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
const DOCS_TIME = Date.UTC(2015, 7, 30, 12, 36, 0);

describe('verifySignature', () => {
	it('builds the documented canonical request', () => {
		const text = canonicalRequest(docsExample(DOCS_SIGNATURE), ['content-type', 'host', 'x-amz-date'], 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
		expect(text).toBe(
			'GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
		);
	});

	it('accepts the documented signature and refuses a changed one', () => {
		const accepted = verifySignature(docsExample(DOCS_SIGNATURE), 'iam' as SimService, [EXAMPLE_ACCOUNT], DOCS_TIME);
		expect(accepted).toMatchObject({region: 'us-east-1', account: {accountId: '123456789012'}});
		const refused = verifySignature(docsExample(DOCS_SIGNATURE.replace('5d', '5e')), 'iam' as SimService, [EXAMPLE_ACCOUNT], DOCS_TIME);
		expect(refused).toBeInstanceOf(SimError);
		expect((refused as SimError).code).toBe('InvalidSignatureException');
	});

	it('says "Signature expired" 15 minutes after the signing time, with real time passed in', () => {
		const late = verifySignature(docsExample(DOCS_SIGNATURE), 'iam' as SimService, [EXAMPLE_ACCOUNT], DOCS_TIME + 16 * 60 * 1000);
		expect((late as SimError).message).toBe('Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)');
	});

	it('trims header values and collapses inner whitespace runs', () => {
		const request = docsExample(DOCS_SIGNATURE);
		request.headers['x-note'] = ['  a   b \t c  ', 'd'];
		expect(canonicalRequest(request, ['x-note'], 'hash')).toContain('\nx-note:a b c,d\n');
	});

	it('normalises and re-encodes the path and sorts the query', () => {
		const request = {...docsExample(DOCS_SIGNATURE), url: '/a/./b/../c%20d/?b=2&a=2&a=1&c'};
		const [, path, query] = canonicalRequest(request, [], 'hash').split('\n');
		expect(path).toBe('/a/c%2520d/');
		expect(query).toBe('a=1&a=2&b=2&c=');
	});
});

/** Signs a request with botocore (the AWS CLI's signer) in a Python child process. */
function botocoreSigned(account: SimAccount, body: string): IncomingSigned | undefined {
	const script = `
import json, sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
args = json.loads(sys.stdin.read())
request = AWSRequest(method='POST', url='http://127.0.0.1:4566/', data=args['body'].encode(), headers={
	'Content-Type': 'application/x-amz-json-1.1',
	'X-Amz-Target': 'CodePipeline_20150709.ListPipelines',
	'X-Note': '  spaced    out  ',
})
SigV4Auth(Credentials(args['key'], args['secret']), 'codepipeline', args['region']).add_auth(request)
print(json.dumps({k: v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}))
`;
	let output: string;
	try {
		output = execFileSync('python3', ['-c', script], {input: JSON.stringify({body, key: account.accessKeyId, secret: account.secretAccessKey, region: account.regions[0]}), encoding: 'utf8'});
	} catch {
		return undefined;
	}
	const headers: Record<string, string[]> = {host: ['127.0.0.1:4566']};
	for (const [name, value] of Object.entries(JSON.parse(output) as Record<string, string>)) headers[name.toLowerCase()] = [value];
	return {method: 'POST', url: '/', headers, body: Buffer.from(body)};
}

describe('verifySignature with botocore', () => {
	const account: SimAccount = {profile: 'default', accountId: '111111111111', regions: ['eu-west-1'], accessKeyId: 'AKIABOTO', secretAccessKey: 'boto/secret+key'};
	const signed = botocoreSigned(account, '{"maxResults": 5}');

	it.skipIf(!signed)('accepts a request signed by botocore (python3 with botocore must be installed)', () => {
		expect(signed!.headers.authorization?.[0]).toMatch(/SignedHeaders=.*x-note/);
		expect(verifySignature(signed!, 'codepipeline', [account], Date.now())).toMatchObject({region: 'eu-west-1'});
	});

	it.skipIf(!signed)('refuses the botocore request once its body is changed', () => {
		const changed = {...signed!, body: Buffer.from('{"maxResults": 6}')};
		expect((verifySignature(changed, 'codepipeline', [account], Date.now()) as SimError).code).toBe('InvalidSignatureException');
	});
});
