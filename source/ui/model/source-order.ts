/** The order sources are shown in (the header and the sources view): what needs an operator first. */
import type {FleetState, SourceState} from '../../store/types.js';

/** Failed or stale: what an operator may have to act on. */
export const isTroubled = (source: SourceState) => source.health === 'failed' || source.health === 'stale';

/** Troubled sources first, then the rest, each group in profile order (the header and the sources view). */
export function sourcesInViewOrder(state: Pick<FleetState, 'sources' | 'sourceOrder'>): SourceState[] {
	const all = state.sourceOrder.map(key => state.sources[key]).filter(Boolean);
	return [...all.filter(isTroubled), ...all.filter(source => !isTroubled(source))];
}
