/**
 * Pipeline tags (ListTagsForResource): never read during the first load (which must not wait for
 * them) but right after it (engine.ts), so a tag filter knows the whole fleet within seconds of
 * start-up; a pipeline found later has them read with its first poll after its first. Then on the
 * discovery cadence (much longer while the change feed is healthy), never per poll: tags change
 * rarely and a fleet poll must stay cheap. A refused tag read is no trouble of the source's (an
 * IAM policy may allow the pipeline reads and not this one): the pipeline keeps the tags it had
 * and is asked again a tag period later; a read that merely failed (a throttle, a timeout) is
 * asked again with the next poll. At idle priority: tags never hold up a state, a definition or
 * a summary.
 */

import type {ErrorKind, SourceApi} from '../aws/index.js';
import type {PipelineTag} from '../store/types.js';
import {Priority} from './defaults.js';
import {arrayField, obj, str} from './map-util.js';
import type {Tracked} from './tracked.js';

type Call = <R>(priority: number, operation: string, send: (signal: AbortSignal) => Promise<R>) => Promise<R>;

/** A pipeline's ARN, as GetPipeline's metadata gives it. */
function arnOf(region: string, accountId: string, name: string): string {
	const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
	return `arn:${partition}:codepipeline:${region}:${accountId}:${name}`;
}

/** At most this many pages: the quota is 50 tags a resource. */
const MAX_PAGES = 5;

async function readTags(api: SourceApi, call: Call, resourceArn: string): Promise<PipelineTag[]> {
	const tags: PipelineTag[] = [];
	let nextToken: string | undefined;
	let pages = 0;
	do {
		const output = await call(Priority.idle, 'ListTagsForResource', signal => api.listTagsForResource({resourceArn, nextToken}, {signal}));
		for (const item of arrayField(output.tags, 'tags')) {
			const tag = obj(item);
			const key = str(tag.key);
			if (key !== undefined) tags.push({key, value: str(tag.value) ?? ''});
		}
		nextToken = str(output.nextToken);
		pages++;
	} while (nextToken && pages < MAX_PAGES);
	return tags;
}

/** What reading tags needs from the engine: a source runner or the poll host it gives (pipeline-poll.ts). */
export type TagHost = {readonly api: SourceApi; call: Call; writeEntry(t: Tracked): void; now(): number};

/** A failed read worth asking again at the next poll, not a tag period later. */
const TRANSIENT = new Set<ErrorKind>(['throttle', 'timeout', 'server', 'network', 'aborted']);

/**
 * Reads the tags of these pipelines (one at a time, under the source's budget) and writes the
 * entries that changed. A pipeline whose definition (and so account id) is not read yet is skipped:
 * its next poll asks for its tags (pipeline-poll.ts), discovery keeps them fresh.
 */
export async function refreshTags(host: TagHost, pipelines: Tracked[]): Promise<void> {
	const asked = pipelines.flatMap(t => (t.definition?.accountId ? [{t, accountId: t.definition.accountId}] : []));
	// Asked from now, whatever the answer: a poll meanwhile does not ask again (pipeline-poll.ts).
	const now = host.now();
	for (const {t} of asked) t.tagsAt = now;
	for (const {t, accountId} of asked) {
		let tags: PipelineTag[];
		try {
			// host.call is a method of the runner: called through host, never detached.
			tags = await readTags(host.api, (priority, operation, send) => host.call(priority, operation, send), arnOf(host.api.source.region, accountId, t.name));
		} catch (error) {
			if (TRANSIENT.has(host.api.classify(error).kind)) t.tagsAt = undefined;
			continue;
		}
		// Read, even when there are none: the filter then knows this pipeline has no tag.
		const same = t.tags !== undefined && JSON.stringify(tags) === JSON.stringify(t.tags);
		t.tags = tags;
		if (same) continue;
		// writeEntry leaves alone a pipeline removed while the read was under way.
		host.writeEntry(t);
	}
}
