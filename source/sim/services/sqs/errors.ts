/**
 * SQS errors as the JSON 1.0 protocol carries them. SQS is "awsQueryCompatible" (botocore's
 * model says so): `__type` names the modelled shape (`com.amazonaws.sqs#QueueDoesNotExist`), and
 * `x-amzn-query-error: CODE;Sender` carries the code the old Query protocol used, which the SDK and
 * the AWS CLI report as the error code (`AWS.SimpleQueueService.NonExistentQueue`).
 */

import {SimError} from '../../contract.js';

function sqsError(shape: string, queryCode: string, message: string, status = 400, namespace = 'com.amazonaws.sqs'): SimError {
	return new SimError(`${namespace}#${shape}`, message, status, {'x-amzn-query-error': `${queryCode};Sender`});
}

export function queueDoesNotExist(): SimError {
	return sqsError('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');
}

export function queueNameExists(name: string): SimError {
	return sqsError('QueueNameExists', 'QueueAlreadyExists', `A queue already exists with the same name (${name}) and a different value for an attribute.`);
}

/**
 * Not a modelled shape: SQS answers a caller its policies do not allow with the service
 * framework's AccessDeniedException, 403, query code AccessDenied (a documented choice: AWS's
 * wording, with the action in lower case as IAM logs it).
 */
export function accessDenied(callerArn: string, action: string, queueArn: string): SimError {
	return sqsError(
		'AccessDeniedException',
		'AccessDenied',
		`User: ${callerArn} is not authorized to perform: sqs:${action.toLowerCase()} on resource: ${queueArn} because no resource-based policy allows the sqs:${action.toLowerCase()} action`,
		403,
		'com.amazon.coral.service',
	);
}

export function invalidAddress(url: string): SimError {
	return sqsError('InvalidAddress', 'InvalidAddress', `The address ${url} is not valid for this endpoint.`, 404);
}

export function receiptHandleIsInvalid(handle: string): SimError {
	return sqsError('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 404);
}

export function messageNotInflight(): SimError {
	return sqsError('MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight', 'Message not inflight.');
}

export function invalidAttributeName(name: string): SimError {
	return sqsError('InvalidAttributeName', 'InvalidAttributeName', `Unknown Attribute ${name}.`);
}

/** Parameter checks: not modelled shapes; the query codes are what SQS has always answered. */
export function invalidParameterValue(message: string): SimError {
	return sqsError('InvalidParameterValueException', 'InvalidParameterValue', message);
}

export function missingParameter(name: string): SimError {
	return sqsError('MissingRequiredParameterException', 'MissingParameter', `The request must contain the parameter ${name}.`);
}

export function batchError(shape: 'EmptyBatchRequest' | 'TooManyEntriesInBatchRequest' | 'BatchEntryIdsNotDistinct' | 'InvalidBatchEntryId', message: string): SimError {
	return sqsError(shape, `AWS.SimpleQueueService.${shape}`, message);
}

export function invalidAttributeValue(name: string): SimError {
	return sqsError('InvalidAttributeValue', 'InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
}
