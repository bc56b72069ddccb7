/**
 * The sources view (`S`, `:sources`) as a pure function: every profile and region with its
 * health, account, pipelines and data age, and for a troubled one the whole reason and what to
 * do, which the one-line header can only start to say when several sources fail at once.
 */
import type {EngineCounters, FleetState, SourceState} from '../../store/types.js';
import type {FeedState} from '../../store/feed-types.js';
import {sourcesInViewOrder} from '../model/source-order.js';
import {sweptCounts, sweptWords} from '../../store/source-standing.js';
import {blank, fit, line, type Line} from './lines.js';
import {glyph, toneColor} from './status.js';
import {healthTone} from '../../format/status.js';
import {displayWidth, sanitize, wrapWords} from './text.js';
import type {Segment, Theme} from './theme.js';
import {formatAgo} from '../../format/time.js';

function healthWords(source: SourceState, now: number): string {
	if (source.sameAs) return `same account as ${source.sameAs}, read there`;
	switch (source.health) {
		case 'failed': {
			const retry = source.retryAt !== undefined && source.retryAt > now ? `, retry in ${formatAgo(now, source.retryAt)}` : '';
			return `failed${retry}`;
		}
		case 'stale':
			return 'stale';
		case 'loading':
			return 'loading';
		default:
			return 'ok';
	}
}

function listedWords(source: SourceState, now: number): string {
	if (source.listedAt === undefined) return 'never';
	const ago = formatAgo(source.listedAt, now);
	return ago === 'now' ? 'just now' : `${ago} ago`;
}

/** The change feed under the call counts: whether it carries the changes, and if not, why (in full, wrapped). */
function feedLines(feed: FeedState, width: number, now: number): Line[] {
	const counts = `${feed.events} events, ${feed.duplicates} duplicates`;
	const last = feed.lastEventAt === undefined ? 'no event yet' : `last event ${formatAgo(feed.lastEventAt, now)} ago`;
	if (feed.health === 'healthy') return [line({text: `Events ${feed.queueUrl}: ok, ${last}, ${counts}`, dim: true})];
	if (feed.health === 'connecting') return [line({text: `Events ${feed.queueUrl}: connecting`, dim: true})];
	const why = feed.health === 'silent' ? `silent, ${last}` : `failed${feed.retryAt !== undefined && feed.retryAt > now ? `, retry in ${formatAgo(now, feed.retryAt)}` : ''}`;
	const lines = [line({text: `Events ${feed.queueUrl}: ${why}; polling instead`, color: toneColor('failed')})];
	const indent = '       ';
	if (feed.error) for (const piece of wrapWords(sanitize(`${feed.error.code}: ${feed.error.message}`), Math.max(20, width - indent.length))) lines.push(line({text: `${indent}${piece}`}));
	return lines;
}

function summary(sources: SourceState[], counters: EngineCounters | undefined, refreshKey: string | undefined): Line[] {
	const count = (health: SourceState['health']) => sources.filter(source => source.health === health).length;
	const first: Segment[] = [
		{text: 'Sources ', bold: true},
		{text: `${sources.length}: ${count('ok')} ok, ${count('stale')} stale, ${count('failed')} failed`, dim: true},
	];
	if (count('loading') > 0) first.push({text: `, ${count('loading')} loading`, dim: true});
	if (refreshKey && count('failed') > 0) first.push({text: `   ${refreshKey} tries the failed ones again now`});
	const lines = [line(...first)];
	if (counters) {
		const calls = Object.values(counters.callsByOperation).reduce((sum, value) => sum + value, 0);
		const latency = counters.latencyCount > 0 ? `, ${Math.round(counters.latencyTotalMs / counters.latencyCount)} ms average` : '';
		lines.push(line({text: `AWS calls ${calls}: ${counters.throttled} throttled, ${counters.errors} errors${latency}`, dim: true}));
	}
	return lines;
}

export function sourcesLines(
	state: Pick<FleetState, 'sources' | 'sourceOrder'> & {counters?: EngineCounters; feed?: FeedState},
	width: number,
	now: number,
	theme: Theme,
	/** The key that asks every source again (named while one fails). */
	refreshKey?: string,
	/** The source under the cursor: its row starts with the marker. */
	selectedKey?: string,
): Line[] {
	const sources = sourcesInViewOrder(state);
	const swept = sweptCounts(state);
	const profileWidth = Math.max(7, ...sources.map(source => displayWidth(source.profile)), ...swept.map(counts => displayWidth(counts.profile)));
	const regionWidth = Math.max(6, ...sources.map(source => displayWidth(source.region)));
	const columns = (profile: string, region: string, account: string, pipelines: string, listed: string) =>
		`${fit(profile, profileWidth)} ${fit(region, regionWidth)} ${fit(account, 12)} ${fit(pipelines, 9, 'right')}  ${fit(listed, 8)}`;
	const lines: Line[] = [...summary(sources, state.counters, refreshKey), ...(state.feed ? feedLines(state.feed, width, now) : []), blank()];
	if (sources.length === 0 && swept.length === 0) return [...lines, line({text: 'no sources: check --profile, --region and the AWS config files', dim: true})];
	lines.push(line({text: `   ${columns('PROFILE', 'REGION', 'ACCOUNT', 'PIPELINES', 'LISTED')}  STATE`, bold: true}));
	const indent = '       ';
	for (const source of sources) {
		const tone = healthTone(source.health);
		const words = `${healthWords(source, now)}${source.readOnly ? ' [read-only]' : ''}`;
		const marker = source.key === selectedKey ? (theme.ascii ? '>' : '›') : ' ';
		// Every line of a source carries its key: the view finds the selected row by it.
		const item = (each: Line): Line => ({...each, item: source.key});
		lines.push(
			item(line(
				{text: marker},
				{text: glyph(tone, theme), color: toneColor(tone)},
				{text: ` ${columns(source.profile, source.region, source.accountId ?? '-', String(source.pipelineCount), listedWords(source, now))}  `},
				{text: words, color: source.health === 'ok' ? undefined : toneColor(tone)},
			)),
		);
		if (source.health === 'stale') {
			lines.push(item(line({text: `${indent}no answer to ListPipelines for ${formatAgo(source.listedAt, now)}: its rows may be out of date`, color: 'yellow'})));
		}
		const error = source.health === 'failed' ? source.error : undefined;
		if (!error) continue;
		// The whole message, wrapped: this is the one place it is not cut to fit a line.
		for (const piece of wrapWords(sanitize(`${error.code}: ${error.message}`), Math.max(20, width - indent.length))) {
			lines.push(item(line({text: `${indent}${piece}`, color: 'red'})));
		}
		if (error.hint) {
			for (const piece of wrapWords(sanitize(`what to do: ${error.hint}`), Math.max(20, width - indent.length))) {
				lines.push(item(line({text: `${indent}${piece}`, bold: true})));
			}
		}
	}
	// `--region all`: the regions with nothing to say, one line per profile; quiet, not failures.
	for (const counts of swept) {
		const head = `   ${fit(counts.profile, profileWidth)} `;
		wrapWords(sweptWords(counts), Math.max(20, width - head.length)).forEach((piece, index) => lines.push(line({text: `${index === 0 ? head : ' '.repeat(head.length)}${piece}`, dim: true})));
	}
	return lines;
}
