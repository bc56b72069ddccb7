/**
 * A push to a git branch: one commit becomes the branch's head and every pipeline whose source
 * follows that repository and branch starts on it (trigger as its source detects changes), as one
 * webhook delivery or EventBridge rule reaches them all. Used by `World.push` and by a scenario's
 * `pushes` (scenarios/types.ts).
 */

import {SimError} from '../contract.js';
import type {Engine} from './execution/context.js';
import {activeCount, changeTrigger, defaultVariables, startExecution} from './execution/triggers.js';
import type {Pipeline} from './model.js';
import {Rng} from './random.js';
import {branchKey} from './repositories.js';
import {AUTHORS, commitMessage} from './text.js';

export type PushInput = {
	/** As the source action names it: `owner/repo` (connections, GitHub) or the CodeCommit repository name. */
	repository: string;
	/** Default `main`. */
	branch?: string;
	/** 40 hex digits; default: a new one. */
	commitId?: string;
	message?: string;
	author?: string;
};

export type PushResult = {commitId: string; started: Array<{accountId: string; region: string; pipeline: string; executionId: string}>};

export function pushCommit(engine: Engine, pipelines: Pipeline[], input: PushInput): PushResult {
	const key = `${input.repository}#${input.branch ?? 'main'}`;
	if (input.commitId !== undefined && !/^[0-9a-f]{40}$/.test(input.commitId)) throw new SimError('ValidationException', `commitId ${input.commitId} is not 40 hex digits`);
	const rng = Rng.derive(engine.seed, 'push', key, String(engine.repositories.nextPush()));
	const commitId = input.commitId ?? rng.commitId();
	const now = engine.scheduler.now();
	engine.repositories.advance(key, {revisionId: commitId, message: input.message ?? commitMessage(rng), author: input.author ?? rng.pick(AUTHORS), created: now});
	const started: PushResult['started'] = [];
	for (const pipeline of pipelines) {
		if (pipeline.deleted || activeCount(pipeline) >= engine.maxActive) continue;
		const follows = pipeline.declaration.stages[0].actions.some(action => action.actionTypeId.category === 'Source' && branchKey(action) === key);
		if (!follows) continue;
		const execution = startExecution(engine, pipeline, {trigger: changeTrigger(pipeline), variables: defaultVariables(pipeline)});
		started.push({accountId: pipeline.accountId, region: pipeline.region, pipeline: pipeline.name, executionId: execution.id});
	}
	return {commitId, started};
}
