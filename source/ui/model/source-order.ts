/** The order sources are shown in (the header and the sources view): what needs an operator first. */
import {shownSources} from '../../store/source-standing.js';
import type {FleetState, SourceState} from '../../store/types.js';

/** Failed or stale: what an operator may have to act on. */
export const isTroubled = (source: SourceState) => source.health === 'failed' || source.health === 'stale';

/**
 * Troubled sources first, then the rest, each group in profile order (the header and the sources
 * view). Swept regions with nothing to say are counted apart (store/source-standing.ts).
 */
export function sourcesInViewOrder(state: Pick<FleetState, 'sources' | 'sourceOrder'>): SourceState[] {
	const all = shownSources(state);
	return [...all.filter(isTroubled), ...all.filter(source => !isTroubled(source))];
}
