/** The header's two lines as pure functions: counts per status, and the sources with their health. */
import type {FleetState, SourceState, StatusCounts} from '../../store/types.js';
import type {FeedState} from '../../store/feed-types.js';
import {glyph, toneColor} from './status.js';
import {healthTone} from '../../format/status.js';
import {displayWidth, firstLine, truncate} from './text.js';
import type {Segment, Theme} from './theme.js';
import {formatAgo} from '../../format/time.js';
import {isTroubled, sourcesInViewOrder} from '../model/source-order.js';

export function countSegments(counts: StatusCounts, theme: Theme): Segment[] {
	const parts: Array<[keyof StatusCounts, Parameters<typeof glyph>[0], string]> = [
		['failed', 'failed', 'failed'],
		['approval', 'approval', 'approval'],
		['running', 'running', 'running'],
		['idle', 'ok', 'idle'],
	];
	const out: Segment[] = [];
	for (const [field, tone, word] of parts) {
		out.push({text: `${glyph(tone, theme)} ${counts[field]} ${word}`, color: counts[field] > 0 ? toneColor(tone) : undefined});
		out.push({text: '  '});
	}
	if (counts.unknown > 0) out.push({text: `${glyph('none', theme)} ${counts.unknown} loading  `, dim: true});
	out.push({text: `${counts.total} pipelines`, dim: true});
	return out;
}

/**
 * The change feed, after the counts: "events ✓" while it carries the changes, "events ✗ polling"
 * (or "silent") while pipetop polls at the normal cadence instead. Nothing without a feed.
 */
export function feedSegments(feed: FeedState | undefined, theme: Theme): Segment[] {
	if (!feed) return [];
	if (feed.health === 'healthy') return [{text: '  events '}, {text: glyph('ok', theme), color: toneColor('ok')}];
	if (feed.health === 'connecting') return [{text: `  events ${theme.ascii ? '...' : '…'}`, dim: true}];
	const word = feed.health === 'silent' ? 'silent, polling' : 'polling';
	return [{text: '  events '}, {text: `${glyph('failed', theme)} ${word}`, color: toneColor('failed')}];
}

/** "12/20 sources, 840 pipelines": how far the first load got. */
export function loadingProgress(state: Pick<FleetState, 'sources' | 'sourceOrder'>): string {
	let answered = 0;
	let pipelines = 0;
	for (const key of state.sourceOrder) {
		const source = state.sources[key];
		if (!source) continue;
		if (source.health !== 'loading') answered++;
		pipelines += source.pipelineCount;
	}
	return `${answered}/${state.sourceOrder.length} sources, ${pipelines} pipelines`;
}

/**
 * For a failed source, how old what is on screen is: the operator must know what to trust. Next
 * to the name, ahead of AWS's message, which can be long enough to fill the line.
 */
function dataAge(source: SourceState, now: number): string {
	if (source.health !== 'failed') return '';
	if (source.listedAt === undefined) return ' [no data]';
	const ago = formatAgo(source.listedAt, now);
	return ` [${ago === 'now' ? '<1s' : ago} old]`;
}

function sourceProblem(source: SourceState, now: number): string {
	if (source.health === 'failed') {
		const error = source.error;
		const retry = source.retryAt !== undefined && source.retryAt > now ? ` (retry in ${formatAgo(now, source.retryAt)})` : '';
		if (!error) return `failed${retry}`;
		return `${error.code}: ${firstLine(error.message)}${error.hint ? ` — ${firstLine(error.hint)}` : ''}${retry}`;
	}
	if (source.health === 'stale') return `stale, last answer ${formatAgo(source.listedAt, now)} ago`;
	return '';
}

/**
 * Sources, troubled ones first with their reason (what an operator must act on), then the
 * healthy ones by name, cut with "+N more" when the line is full. `sourcesKey`, when given, is
 * the key of the sources view, named after the count: that view has every reason in full.
 */
export function sourceSegments(
	state: Pick<FleetState, 'sources' | 'sourceOrder'>,
	width: number,
	now: number,
	theme: Theme,
	sourcesKey?: string,
): Segment[] {
	const ordered = sourcesInViewOrder(state);
	const more = (count: number) => ` +${count} more${sourcesKey ? ` (${sourcesKey})` : ''}`;
	const out: Segment[] = [];
	let used = 0;
	for (let index = 0; index < ordered.length; index++) {
		const source = ordered[index];
		const tone = healthTone(source.health);
		const problem = sourceProblem(source, now);
		const label = `${source.profile}/${source.region}${dataAge(source, now)}`;
		const text = `${label}${problem ? ` ${problem}` : ''}${source.readOnly ? ' [ro]' : ''}`;
		const left = ordered.length - index - 1;
		const reserve = left > 0 ? more(left).length : 0;
		const gap = index === 0 ? 0 : 2;
		const room = width - used - gap - 2 - reserve;
		const fits = displayWidth(text) <= room;
		// A troubled source's reason matters more than the names of healthy ones: cut it to fit.
		if (!fits && !(isTroubled(source) && room > label.length + 4)) {
			out.push({text: `${index === 0 ? '' : ' '}${more(left + 1)}`, dim: true});
			return out;
		}
		// A reason cut short, even of the last source, points at the view that has it whole.
		const pointer = left > 0 ? more(left) : sourcesKey ? ` (${sourcesKey})` : '';
		const shown = fits ? text : truncate(text, left > 0 ? room : room - pointer.length);
		out.push({text: ' '.repeat(gap)}, {text: glyph(tone, theme), color: toneColor(tone)}, {text: ` ${shown}`, color: problem ? toneColor(tone) : undefined});
		used += gap + 2 + displayWidth(shown);
		if (!fits) {
			if (pointer) out.push({text: pointer, dim: true});
			return out;
		}
	}
	if (ordered.length === 0) out.push({text: 'no sources', dim: true});
	return out;
}
