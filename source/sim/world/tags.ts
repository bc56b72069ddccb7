/**
 * Tags as CodePipeline keeps them (CreatePipeline's `tags`, TagResource, UntagResource): keys
 * 1-128 and values 0-256 characters (the model), at most 50 per resource and no key starting with
 * `aws:` (AWS's tagging rules: TooManyTagsException, InvalidTagsException), one value per key.
 */

import {SimError} from '../contract.js';
import type {Checker} from './validate.js';

export type Tag = {key: string; value: string};

const MAX_TAGS = 50;

/** The tag list at `key`, model-checked (the rules beyond the model come in checkTagRules). */
export function readTagList(checker: Checker, input: Record<string, unknown>, key: string, required: boolean): Tag[] {
	const tags = checker.structures(input, key, key, {required});
	for (const [tag, path] of tags) {
		checker.string(tag, 'key', `${path}.key`, {required: true, min: 1, max: 128});
		checker.string(tag, 'value', `${path}.value`, {required: true, min: 0, max: 256});
	}
	return tags.map(([tag]) => ({key: tag.key as string, value: tag.value as string}));
}

/** Reserved prefixes and repeated keys are InvalidTagsException. */
export function checkTagRules(tags: Tag[]): void {
	const seen = new Set<string>();
	for (const tag of tags) {
		if (tag.key.toLowerCase().startsWith('aws:')) throw new SimError('InvalidTagsException', `Tag key '${tag.key}' is not valid: keys starting with 'aws:' are reserved for AWS use.`);
		if (seen.has(tag.key)) throw new SimError('InvalidTagsException', `Tag key '${tag.key}' is given more than once.`);
		seen.add(tag.key);
	}
}

/** `current` with `added` laid over it (a key given again takes the new value); at most MAX_TAGS. */
export function mergeTags(current: Tag[], added: Tag[]): Tag[] {
	const merged = new Map(current.map(tag => [tag.key, tag.value]));
	for (const tag of added) merged.set(tag.key, tag.value);
	if (merged.size > MAX_TAGS) throw new SimError('TooManyTagsException', `A resource can have at most ${MAX_TAGS} tags; this would leave it with ${merged.size}.`);
	return [...merged].map(([key, value]) => ({key, value}));
}
