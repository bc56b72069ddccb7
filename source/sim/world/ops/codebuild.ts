/** CodeBuild BatchGetBuilds: the builds CodeBuild actions started, as they stand now. */

import {SimError} from '../../contract.js';
import {buildView} from '../builds/build.js';
import type {Handler} from './call.js';

export const batchGetBuilds: Handler = (call, input) => {
	const ids = input.ids;
	if (!Array.isArray(ids) || ids.length === 0) throw new SimError('InvalidInputException', 'ids must contain between 1 and 100 build ids.');
	if (ids.length > 100) throw new SimError('InvalidInputException', 'ids must contain between 1 and 100 build ids.');
	const builds: unknown[] = [];
	const buildsNotFound: string[] = [];
	for (const id of ids) {
		if (typeof id !== 'string' || id.length === 0) throw new SimError('InvalidInputException', 'Build ids must be non-empty strings.');
		// A build may be named by id or by ARN.
		const key = id.startsWith('arn:') ? id.slice(id.indexOf(':build/') + 7) : id;
		const build = call.regionState.build(key);
		if (build) builds.push(buildView(build, call.now));
		else buildsNotFound.push(id);
	}
	return {builds, buildsNotFound};
};
