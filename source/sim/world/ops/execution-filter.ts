/** The execution filter shared by ListActionExecutions and ListRuleExecutions, and the offset paging they share. */

import {check, type Checker} from '../validate.js';
import type {Call} from './call.js';

const START_TIME_RANGES = ['Latest', 'All'];

export type ExecutionFilter = {executionId?: string; latestOnly: boolean};

/**
 * ActionExecutionFilter and RuleExecutionFilter have the same members. `latestInPipelineExecution`
 * names one execution (both members required, as the model says). What startTimeRange means is
 * not published; the documented choice here: `All` lists every run in that execution (as
 * filter.pipelineExecutionId does), `Latest` only the latest run of each action or rule (what a
 * retry left standing). Naming two different executions in one filter is a ValidationException.
 */
function parseExecutionFilter(checker: Checker, input: Record<string, unknown>): ExecutionFilter {
	const filter = checker.object(input, 'filter', 'filter');
	if (!filter) return {latestOnly: false};
	const byId = checker.executionId(filter, 'pipelineExecutionId', 'filter.pipelineExecutionId', false);
	const latest = checker.object(filter, 'latestInPipelineExecution', 'filter.latestInPipelineExecution');
	if (!latest) return {executionId: byId, latestOnly: false};
	const latestId = checker.executionId(latest, 'pipelineExecutionId', 'filter.latestInPipelineExecution.pipelineExecutionId', true);
	const range = checker.string(latest, 'startTimeRange', 'filter.latestInPipelineExecution.startTimeRange', {required: true, values: START_TIME_RANGES});
	if (byId && latestId && byId !== latestId) checker.fail('filter.latestInPipelineExecution.pipelineExecutionId', latestId, 'Member must name the same execution as filter.pipelineExecutionId');
	return {executionId: latestId ?? byId, latestOnly: range === 'Latest'};
}

/** Keeps the first (newest) entry of each key: runs must come newest first. */
export function latestOfEach<T>(runs: T[], key: (run: T) => string): T[] {
	const seen = new Set<string>();
	return runs.filter(run => {
		const name = key(run);
		if (seen.has(name)) return false;
		seen.add(name);
		return true;
	});
}

const DEFAULT_PAGE = 100;

/** One page of a list by offset, with a token sealed to the listing's scope. */
export function offsetPage<T>(call: Call, list: T[], scope: string, maxResults: number | undefined, nextToken: string | undefined): {page: T[]; nextToken?: string} {
	const offset = nextToken === undefined ? 0 : Number(call.tokens.open(nextToken, scope));
	const limit = maxResults ?? DEFAULT_PAGE;
	const page = list.slice(offset, offset + limit);
	return offset + limit < list.length ? {page, nextToken: call.tokens.seal(scope, offset + limit)} : {page};
}

/** The input of ListActionExecutions and ListRuleExecutions (the same members). */
export function readExecutionListing(input: Record<string, unknown>): {name: string; filter: ExecutionFilter; maxResults?: number; nextToken?: string} {
	return check(checker => ({
		name: checker.name(input, 'pipelineName', 'pipelineName') as string,
		filter: parseExecutionFilter(checker, input),
		maxResults: checker.integer(input, 'maxResults', 'maxResults', {min: 1, max: 100}),
		nextToken: checker.string(input, 'nextToken', 'nextToken', {min: 1, max: 2048}),
	}));
}
