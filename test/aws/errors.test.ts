import {expect, test} from 'vitest';
import {CallTimeoutError, classifyError, isSourceLevel} from '../../source/aws/index.js';

const context = {profile: 'prod', region: 'eu-west-1'};

function awsError(name: string, message: string, status: number): Error {
	return Object.assign(new Error(message), {name, $metadata: {httpStatusCode: status, requestId: 'req-1'}, $fault: status >= 500 ? 'server' : 'client'});
}

test('throttles, refusals, blips and unreachable regions are told apart', () => {
	expect(classifyError(awsError('ThrottlingException', 'Rate exceeded', 400), context).kind).toBe('throttle');
	expect(classifyError(awsError('SomethingElse', 'slow down', 429), context).kind).toBe('throttle');
	expect(classifyError(awsError('InternalFailure', 'oops', 500), context).kind).toBe('server');
	expect(classifyError(awsError('ServiceUnavailable', 'later', 503), context).kind).toBe('server');
	expect(classifyError(awsError('PipelineNotFoundException', 'no such pipeline', 400), context).kind).toBe('notFound');
	expect(classifyError(awsError('ValidationException', 'bad', 400), context).kind).toBe('client');
	expect(classifyError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {code: 'ECONNREFUSED'}), context).kind).toBe('network');
	expect(classifyError(Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}), context).kind).toBe('server');
	expect(classifyError(new CallTimeoutError('GetPipelineState', 10_000), context)).toMatchObject({kind: 'timeout', code: 'TimeoutError'});
	// The SDK names a connection dropped by the server "TimeoutError" too: a blip, not a dead region.
	expect(classifyError(Object.assign(new Error('socket hang up'), {name: 'TimeoutError', code: 'ECONNRESET'}), context).kind).toBe('server');
	expect(isSourceLevel('timeout')).toBe(true);
	expect(isSourceLevel('server')).toBe(false);
});

test('every refusal comes with the thing to do', () => {
	const denied = classifyError(awsError('AccessDeniedException', 'User: arn:aws:iam::1:user/x is not authorized to perform: codepipeline:ListPipelines', 400), context);
	expect(denied).toMatchObject({kind: 'auth', code: 'AccessDeniedException', requestId: 'req-1'});
	expect(denied.hint).toMatch(/AWSCodePipeline_ReadOnlyAccess/);
	const sso = Object.assign(new Error("The SSO session token associated with profile=prod was not found or is invalid. To refresh this SSO session run 'aws sso login' with the corresponding profile."), {name: 'CredentialsProviderError'});
	expect(classifyError(sso, context)).toMatchObject({kind: 'credentials', hint: 'run: aws sso login --profile prod'});
	const expired = classifyError(awsError('ExpiredTokenException', 'The security token included in the request is expired', 400), {...context, credentialKind: 'sso'});
	expect(expired.hint).toBe('run: aws sso login --profile prod');
	const process = Object.assign(new Error('Command failed: /usr/local/bin/get-creds'), {name: 'CredentialsProviderError'});
	expect(classifyError(process, context).hint).toMatch(/credential_process of profile "prod"/);
	const long = classifyError(awsError('ValidationException', `line one\nline two ${'x'.repeat(400)}`, 400), context);
	expect(long.message).not.toMatch(/\n/);
	expect(long.message.length).toBeLessThanOrEqual(300);
});
