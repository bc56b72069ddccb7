/**
 * How a source found by `--region all` is shown. The sweep watches every region of a profile's
 * partition, and most have nothing to say: a region without pipelines, an opt-in region the
 * account has not enabled (AWS refuses valid keys there), a region still answering its first
 * listing. Those are counted in one line per profile, not listed one by one, and a region the
 * account has not enabled is no failure. Every other source (named regions, a swept region with
 * pipelines or in trouble) is shown as it is.
 *
 * Whether a refusal means "not enabled" or "bad keys" only the other regions can tell: when some
 * region of the profile answered, the keys are good. When none did, the profile's own region
 * shows the error once and the other regions are counted as failing the same way.
 */

import type {FleetState, SourceKey, SourceState} from './types.js';

/** `shown`: listed on its own; the others are counted per profile (`SweptCounts`). */
export type SourceStanding = 'shown' | 'empty' | 'not-enabled' | 'same-error' | 'sweeping';

/** Error codes AWS gives valid keys in an opt-in region the account has not enabled (and bad keys anywhere). */
const REFUSED_KEYS = new Set(['UnrecognizedClientException', 'InvalidClientTokenId']);

export function refusesKeys(code: string | undefined): boolean {
	return code !== undefined && REFUSED_KEYS.has(code);
}

export type SweptCounts = {profile: string; empty: number; notEnabled: number; sameError: number; sweeping: number};

type Sources = Pick<FleetState, 'sources' | 'sourceOrder'>;
type Standings = {of: ReadonlyMap<SourceKey, SourceStanding>; counts: SweptCounts[]};

function standingOf(source: SourceState, answered: ReadonlySet<string>): SourceStanding {
	if (!source.swept || source.sameAs) return 'shown';
	if (source.health === 'failed') {
		if (answered.has(source.profile)) return refusesKeys(source.error?.code) ? 'not-enabled' : 'shown';
		return source.swept === 'home' ? 'shown' : 'same-error';
	}
	if (source.health === 'loading') return source.swept === 'home' ? 'shown' : 'sweeping';
	return source.health === 'ok' && source.pipelineCount === 0 ? 'empty' : 'shown';
}

const memo = new WeakMap<FleetState['sources'], Standings>();

/** Every source's standing and the counts per profile, computed once per `sources` object. */
function standings(state: Sources): Standings {
	const known = memo.get(state.sources);
	if (known) return known;
	const all = state.sourceOrder.map(key => state.sources[key]).filter(Boolean);
	const answered = new Set(all.filter(source => source.listedAt !== undefined).map(source => source.profile));
	const of = new Map<SourceKey, SourceStanding>();
	const byProfile = new Map<string, SweptCounts>();
	for (const source of all) {
		const standing = standingOf(source, answered);
		of.set(source.key, standing);
		if (standing === 'shown') continue;
		let counts = byProfile.get(source.profile);
		if (!counts) byProfile.set(source.profile, (counts = {profile: source.profile, empty: 0, notEnabled: 0, sameError: 0, sweeping: 0}));
		if (standing === 'empty') counts.empty++;
		else if (standing === 'not-enabled') counts.notEnabled++;
		else if (standing === 'same-error') counts.sameError++;
		else counts.sweeping++;
	}
	const result = {of, counts: [...byProfile.values()]};
	memo.set(state.sources, result);
	return result;
}

export function sourceStanding(state: Sources, key: SourceKey): SourceStanding {
	return standings(state).of.get(key) ?? 'shown';
}

/** The sources listed one by one, in `sourceOrder`. */
export function shownSources(state: Sources): SourceState[] {
	const {of} = standings(state);
	return state.sourceOrder.map(key => state.sources[key]).filter(source => source && of.get(source.key) === 'shown');
}

/** Per profile, the swept regions counted instead of listed (profiles with none are left out). */
export function sweptCounts(state: Sources): SweptCounts[] {
	return standings(state).counts;
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count === 1 ? one : many}`;
}

/** "33 regions without pipelines, 2 opt-in regions not enabled in this account": one profile's counts in words. */
export function sweptWords(counts: SweptCounts): string {
	const parts: string[] = [];
	if (counts.empty > 0) parts.push(plural(counts.empty, 'region without pipelines', 'regions without pipelines'));
	if (counts.notEnabled > 0) parts.push(plural(counts.notEnabled, 'opt-in region not enabled in this account', 'opt-in regions not enabled in this account'));
	if (counts.sameError > 0) parts.push(plural(counts.sameError, 'more region failing the same way', 'more regions failing the same way'));
	if (counts.sweeping > 0) parts.push(plural(counts.sweeping, 'region not listed yet', 'regions not listed yet'));
	return parts.join(', ');
}
