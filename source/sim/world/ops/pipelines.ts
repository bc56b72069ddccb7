/** CreatePipeline, UpdatePipeline, DeletePipeline, GetPipeline, ListPipelines. */

import {SimError} from '../../contract.js';
import {parseDeclaration, parseTags} from '../declaration.js';
import {startExecution} from '../execution/triggers.js';
import {addPipeline, removePipeline, replaceDeclaration} from '../pipelines.js';
import {seconds} from '../time.js';
import {check} from '../validate.js';
import {findPipeline, type Handler} from './call.js';

export const createPipeline: Handler = (call, input) => {
	const declaration = parseDeclaration(input, 1, call.context.region);
	const tags = parseTags(input);
	const pipeline = addPipeline(call.engine, call.regionState, declaration, {tags});
	// AWS starts a pipeline once when it is created.
	startExecution(call.engine, pipeline, {trigger: {triggerType: 'CreatePipeline', triggerDetail: call.caller}, variables: defaultsOf(pipeline.declaration)});
	return {pipeline: structuredClone(declaration), ...(tags ? {tags: structuredClone(tags)} : {})};
};

function defaultsOf(declaration: {variables?: Array<{name: string; defaultValue?: string}>}): Array<{name: string; resolvedValue: string}> | undefined {
	if (!declaration.variables?.length) return undefined;
	return declaration.variables.map(variable => ({name: variable.name, resolvedValue: variable.defaultValue ?? ''}));
}

/**
 * The version in the input is not compared with the stored one (a documented choice: the CLI's
 * get-pipeline | update-pipeline round trip passes it along, and AWS documents no conflict check).
 */
export const updatePipeline: Handler = (call, input) => {
	const name = check(checker => {
		const pipeline = checker.object(input, 'pipeline', 'pipeline', true);
		return pipeline ? checker.name(pipeline, 'name', 'pipeline.name') : undefined;
	});
	// UpdatePipeline's model lists no PipelineNotFoundException: a missing pipeline is a
	// ValidationException (a documented choice; the message is GetPipeline's).
	const pipeline = call.regionState.pipelines.get(name as string);
	if (!pipeline) throw new SimError('ValidationException', `Account '${call.context.accountId}' does not have a pipeline with name '${name}'`);
	const declaration = parseDeclaration(input, pipeline.declaration.version + 1, call.context.region);
	replaceDeclaration(call.engine, pipeline, declaration);
	return {pipeline: structuredClone(declaration)};
};

/** Deleting a pipeline that does not exist succeeds, as in AWS. */
export const deletePipeline: Handler = (call, input) => {
	const name = check(checker => checker.name(input, 'name', 'name')) as string;
	const pipeline = call.regionState.pipelines.get(name);
	if (pipeline) removePipeline(call.engine, call.regionState, pipeline);
	return {};
};

export const getPipeline: Handler = (call, input) => {
	const {name, version} = check(checker => ({name: checker.name(input, 'name', 'name') as string, version: checker.integer(input, 'version', 'version', {min: 1})}));
	const pipeline = findPipeline(call, name);
	const declaration = version === undefined ? pipeline.declaration : pipeline.versions.get(version);
	if (!declaration) throw new SimError('PipelineVersionNotFoundException', `Pipeline '${name}' has no version ${version}.`);
	// A copy: an in-process caller (tests, the demo) may change what it gets without changing the world.
	return {
		pipeline: structuredClone(declaration),
		metadata: {
			pipelineArn: `arn:aws:codepipeline:${pipeline.region}:${pipeline.accountId}:${pipeline.name}`,
			created: seconds(pipeline.created),
			updated: seconds(pipeline.updated),
		},
	};
};

const DEFAULT_PAGE = 100;

export const listPipelines: Handler = (call, input) => {
	const {maxResults, nextToken} = check(checker => ({
		maxResults: checker.integer(input, 'maxResults', 'maxResults', {min: 1, max: 1000}),
		nextToken: checker.string(input, 'nextToken', 'nextToken', {min: 1, max: 2048}),
	}));
	const scope = `ListPipelines/${call.context.accountId}/${call.context.region}`;
	const after = nextToken === undefined ? undefined : String(call.tokens.open(nextToken, scope));
	const names = [...call.regionState.pipelines.keys()].sort();
	const start = after === undefined ? 0 : names.findIndex(name => name > after);
	const limit = maxResults ?? DEFAULT_PAGE;
	const page = start < 0 ? [] : names.slice(start, start + limit);
	const more = start >= 0 && start + limit < names.length;
	return {
		pipelines: page.map(name => {
			const pipeline = call.regionState.pipelines.get(name);
			if (!pipeline) throw new Error(`pipeline ${name} vanished`);
			const declaration = pipeline.declaration;
			return {name, version: declaration.version, pipelineType: declaration.pipelineType, executionMode: declaration.executionMode, created: seconds(pipeline.created), updated: seconds(pipeline.updated)};
		}),
		...(more ? {nextToken: call.tokens.seal(scope, page[page.length - 1])} : {}),
	};
};
