import {describe, expect, it} from 'vitest';
import {describeError} from '../../source/actions/errors.js';

/** Error shapes as the SDK and Node throw them (the end-to-end tests get the real ones from the service). */
function awsError(name: string, status: number, message = 'aws words'): Error {
	return Object.assign(new Error(message), {name, $metadata: {httpStatusCode: status, requestId: 'req-1'}});
}

describe('AWS errors in an operator\'s words', () => {
	it('a refused approval says what happened and what to do', () => {
		const described = describeError(awsError('ApprovalAlreadyCompletedException', 400), 'approve');
		expect(described).toMatchObject({outcome: 'refused', code: 'ApprovalAlreadyCompletedException', requestId: 'req-1', detail: 'aws words'});
		expect(described.message).toContain('already answered');
		expect(described.next).toBeDefined();
	});

	it('a timeout, a reset connection or a 5xx is an unknown outcome, never re-sent', () => {
		for (const error of [
			Object.assign(new Error('no answer'), {name: 'TimeoutError'}),
			Object.assign(new Error('socket hang up'), {code: 'ECONNRESET'}),
			awsError('InternalFailure', 500),
		]) {
			const described = describeError(error, 'stop');
			expect(described.outcome).toBe('unknown');
			expect(described.message).toContain('may or may not have been carried out');
		}
	});

	it('credentials that cannot be had mean nothing was sent', () => {
		const described = describeError(Object.assign(new Error('Token is expired. To refresh this SSO session run aws sso login'), {name: 'TokenProviderError'}), 'retry');
		expect(described).toMatchObject({outcome: 'failed'});
		expect(described.next).toContain('aws sso login');
	});

	it('an unknown AWS error keeps AWS\'s words', () => {
		const described = describeError(awsError('BrandNewException', 400, 'something new'), 'start');
		expect(described).toMatchObject({outcome: 'refused', message: 'AWS refused: something new (BrandNewException)'});
	});
});
