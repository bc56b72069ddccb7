/**
 * ListActionTypes: the catalog of action-types.ts in one page. The sim never hands out a token,
 * so any nextToken is InvalidNextTokenException, as a token AWS did not issue is.
 */

import {SimError} from '../../contract.js';
import {actionTypes} from '../action-types.js';
import {check} from '../validate.js';
import type {Handler} from './call.js';

export const listActionTypes: Handler = (_call, input) => {
	const {owner, nextToken} = check(checker => ({
		owner: checker.string(input, 'actionOwnerFilter', 'actionOwnerFilter', {values: ['AWS', 'ThirdParty', 'Custom']}),
		nextToken: checker.string(input, 'nextToken', 'nextToken', {min: 1, max: 2048}),
		region: checker.string(input, 'regionFilter', 'regionFilter', {min: 4, max: 30}),
	}));
	if (nextToken !== undefined) throw new SimError('InvalidNextTokenException', 'The next token is not valid.');
	return {actionTypes: actionTypes(owner)};
};
