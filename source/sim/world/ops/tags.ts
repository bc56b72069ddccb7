/**
 * TagResource, UntagResource, ListTagsForResource on pipelines, by pipeline ARN
 * (`arn:aws:codepipeline:REGION:ACCOUNT:NAME`, as GetPipeline's metadata gives it).
 * An ARN outside the caller's account and region is InvalidArnException; webhooks and custom
 * action types (also taggable in AWS) do not exist here, so their ARNs are ResourceNotFoundException.
 */

import {SimError} from '../../contract.js';
import type {Pipeline} from '../model.js';
import {checkTagRules, mergeTags, readTagList} from '../tags.js';
import {check, serialization, type Checker} from '../validate.js';
import type {Call, Handler} from './call.js';
import {offsetPage} from './execution-filter.js';

const RESOURCE_ARN = /^arn:aws(-[\w]+)*:codepipeline:.+:[0-9]{12}:.+$/;
const RESOURCE_ARN_TEXT = 'arn:aws(-[\\w]+)*:codepipeline:.+:[0-9]{12}:.+';

function readArn(checker: Checker, input: Record<string, unknown>): string | undefined {
	return checker.string(input, 'resourceArn', 'resourceArn', {required: true, min: 1, max: 1011, pattern: RESOURCE_ARN, patternText: RESOURCE_ARN_TEXT});
}

function pipelineOf(call: Call, arn: string): Pipeline {
	const [, , , region, accountId, ...rest] = arn.split(':');
	const resource = rest.join(':');
	if (region !== call.context.region || accountId !== call.context.accountId) {
		throw new SimError('InvalidArnException', `The ARN ${arn} is not a resource of account ${call.context.accountId} in ${call.context.region}.`);
	}
	const pipeline = resource.includes('/') || resource.startsWith('webhook:') ? undefined : call.regionState.pipelines.get(resource);
	if (!pipeline) throw new SimError('ResourceNotFoundException', `The resource with the ARN ${arn} does not exist.`);
	return pipeline;
}

export const tagResource: Handler = (call, input) => {
	const {arn, tags} = check(checker => ({arn: readArn(checker, input) as string, tags: readTagList(checker, input, 'tags', true)}));
	checkTagRules(tags);
	const pipeline = pipelineOf(call, arn);
	pipeline.tags = mergeTags(pipeline.tags ?? [], tags);
	return {};
};

export const untagResource: Handler = (call, input) => {
	const {arn, keys} = check(checker => {
		const arn = readArn(checker, input) as string;
		const list = checker.list(input, 'tagKeys', 'tagKeys', {required: true}) ?? [];
		list.forEach((key, index) => {
			if (typeof key !== 'string') throw serialization(`tagKeys.${index + 1}.member`, 'a string', key);
			checker.string({key}, 'key', `tagKeys.${index + 1}.member`, {min: 1, max: 128});
		});
		return {arn, keys: new Set(list as string[])};
	});
	const pipeline = pipelineOf(call, arn);
	// Keys the resource does not have are ignored, as AWS ignores them.
	const left = (pipeline.tags ?? []).filter(tag => !keys.has(tag.key));
	pipeline.tags = left.length > 0 ? left : undefined;
	return {};
};

export const listTagsForResource: Handler = (call, input) => {
	const {arn, maxResults, nextToken} = check(checker => ({
		arn: readArn(checker, input) as string,
		maxResults: checker.integer(input, 'maxResults', 'maxResults', {min: 1, max: 100}),
		nextToken: checker.string(input, 'nextToken', 'nextToken', {min: 1, max: 2048}),
	}));
	const pipeline = pipelineOf(call, arn);
	const {page, nextToken: next} = offsetPage(call, pipeline.tags ?? [], `ListTagsForResource/${arn}`, maxResults, nextToken);
	return {tags: page.map(tag => ({...tag})), ...(next ? {nextToken: next} : {})};
};
