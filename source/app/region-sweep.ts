/**
 * `--region all`: one ListPipelines (maxResults 1) per profile and region of its partition, then
 * only the regions with pipelines become sources. Regions without pipelines and opt-in regions
 * the account has not enabled (AWS refuses the keys there: UnrecognizedClientException) are not
 * failures: they are counted in one note per profile instead of one source each.
 *
 * Kept as sources all the same: a region whose answer was anything else (throttled, down, denied),
 * so its trouble shows like any source's; and when no region of a profile answered at all (its
 * keys are bad everywhere), its own region alone, so the key problem is reported once, not 36 times.
 * The sweep runs when the command starts; sweeping again on the discovery cadence is not done yet.
 */

import {createSourceApi} from '../aws/index.js';
import type {ResolvedSource} from './sources.js';

export type SweepOptions = {
	/** Calls in flight at once (default 8: a sweep of three profiles is about a hundred calls). */
	concurrency?: number;
	/** Per call, in ms of real time (default 10 s): a region that does not answer is kept, and fails visibly. */
	timeoutMs?: number;
};

export type SweepResult = {sources: ResolvedSource[]; notes: string[]};

type Outcome = 'pipelines' | 'empty' | 'not-enabled' | 'trouble';

/** Error codes AWS gives valid keys in an opt-in region the account has not enabled. */
const NOT_ENABLED = new Set(['UnrecognizedClientException', 'InvalidClientTokenId']);

async function probe(source: ResolvedSource, timeoutMs: number): Promise<Outcome> {
	const api = createSourceApi(source.spec);
	try {
		const answer = await api.listPipelines({maxResults: 1}, {signal: AbortSignal.timeout(timeoutMs)});
		return (answer.pipelines?.length ?? 0) > 0 ? 'pipelines' : 'empty';
	} catch (error) {
		return NOT_ENABLED.has(api.classify(error).code) ? 'not-enabled' : 'trouble';
	} finally {
		api.destroy();
	}
}

/** Runs `work` over `items` with at most `limit` at a time, results in order. */
async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

function countOf(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

export async function sweepRegions(sources: ResolvedSource[], options: SweepOptions = {}): Promise<SweepResult> {
	const outcomes = await inBatches(sources, options.concurrency ?? 8, source => probe(source, options.timeoutMs ?? 10_000));
	const kept: ResolvedSource[] = [];
	const notes: string[] = [];
	const profiles = [...new Set(sources.map(source => source.spec.profile))];
	for (const profile of profiles) {
		const mine = sources.map((source, index) => ({source, outcome: outcomes[index]})).filter(entry => entry.source.spec.profile === profile);
		const answered = mine.some(entry => entry.outcome === 'pipelines' || entry.outcome === 'empty');
		// No region answered (bad keys, no network): the profile's own region alone, so its error shows once.
		const keep = answered ? mine.filter(entry => entry.outcome === 'pipelines' || entry.outcome === 'trouble') : [mine[0]];
		// No pipelines anywhere: still watch the profile's own region, so the profile shows.
		if (keep.length === 0) keep.push(mine[0]);
		kept.push(...keep.map(entry => entry.source));
		if (!answered) {
			notes.push(`--region all, profile "${profile}": no region answered; watching ${mine[0].source.spec.region} only (its error says why)`);
			continue;
		}
		const empty = mine.filter(entry => entry.outcome === 'empty' && !keep.includes(entry)).length;
		const disabled = mine.filter(entry => entry.outcome === 'not-enabled').length;
		const parts = [`pipelines in ${countOf(mine.filter(entry => entry.outcome === 'pipelines').length, 'region', 'regions')}`];
		if (empty > 0) parts.push(countOf(empty, 'region without pipelines', 'regions without pipelines'));
		if (disabled > 0) parts.push(countOf(disabled, 'opt-in region not enabled', 'opt-in regions not enabled'));
		notes.push(`--region all, profile "${profile}": ${parts.join(', ')}`);
	}
	return {sources: kept, notes};
}
