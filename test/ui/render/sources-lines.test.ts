import {describe, expect, test} from 'vitest';
import type {EngineCounters, SourceState} from '../../../source/store/types.js';
import {sourcesLines} from '../../../source/ui/render/sources-lines.js';
import {displayWidth} from '../../../source/ui/render/text.js';
import {plainText, themeFor} from '../../../source/ui/render/theme.js';
import {now, sourceState} from './fixtures.js';

const theme = themeFor({});
const source = (profile: string, region: string, patch: Partial<SourceState> = {}) =>
	sourceState(profile, region, {listedAt: now - 4000, accountId: '111122223333', ...patch});
const counters: EngineCounters = {callsByOperation: {ListPipelines: 4, GetPipelineState: 40}, throttled: 2, errors: 3, latencyTotalMs: 880, latencyCount: 44, startedAt: now - 60_000};

function text(list: SourceState[], width = 80, refreshKey?: string, selectedKey?: string): string[] {
	const state = {sources: Object.fromEntries(list.map(each => [each.key, each])), sourceOrder: list.map(each => each.key), counters};
	return sourcesLines(state, width, now, theme, refreshKey, selectedKey).map(line => plainText(line.segments));
}

const sso = source('corp-prod', 'eu-central-1', {
	health: 'failed',
	accountId: undefined,
	listedAt: undefined,
	pipelineCount: 0,
	retryAt: now + 20_000,
	error: {
		code: 'CredentialsProviderError',
		message: 'The SSO session token associated with profile=corp-prod was not found or is invalid. To refresh this SSO session run aws sso login.',
		hint: 'run: aws sso login --profile corp-prod',
	},
});

describe('sources view', () => {
	test('troubled sources first, each with its whole reason wrapped at words and what to do', () => {
		const lines = text([source('dev', 'us-east-1'), sso, source('ops', 'us-east-1', {health: 'stale', listedAt: now - 300_000, readOnly: true})], 80, 'R', sso.key);
		expect(lines[0]).toBe('Sources 3: 1 ok, 1 stale, 1 failed   R tries the failed ones again now');
		expect(lines[1]).toBe('AWS calls 44: 2 throttled, 3 errors, 20 ms average');
		expect(lines[3]).toMatch(/^ {3}PROFILE +REGION +ACCOUNT +PIPELINES +LISTED +STATE$/);
		expect(lines[4]).toMatch(/^›✗ corp-prod +eu-central-1 +- +0 +never +failed, retry in 20s$/);
		const reason = lines.slice(5, lines.findIndex(each => each.includes('what to do')));
		expect(reason.map(each => each.trim()).join(' ')).toBe(sso.error!.message.replace(/^/, 'CredentialsProviderError: '));
		// Wrapped at spaces: every word stays whole on one line.
		expect(reason.length).toBeGreaterThan(1);
		for (const word of sso.error!.message.split(' ')) expect(reason.some(each => each.split(' ').includes(word)), word).toBe(true);
		expect(lines).toContain('       what to do: run: aws sso login --profile corp-prod');
		const stale = lines.findIndex(each => each.startsWith(' ~ ops'));
		expect(lines[stale]).toMatch(/stale \[read-only\]$/);
		expect(lines[stale + 1]).toBe('       no answer to ListPipelines for 5m: its rows may be out of date');
		expect(lines.at(-1)).toMatch(/^ ✓ dev +us-east-1 +111122223333 +10 +4s ago +ok$/);
		for (const each of lines) expect(displayWidth(each)).toBeLessThanOrEqual(80);
	});

	test('a profile of an account another profile reads says which one', () => {
		const lines = text([source('admin', 'us-east-1'), source('readonly', 'us-east-1', {sameAs: 'admin/us-east-1', pipelineCount: 0})]);
		expect(lines.find(each => each.includes('readonly'))).toMatch(/^ ✓ readonly +us-east-1 +111122223333 +0 +4s ago +same account as admin\/us-east-1, read there$/);
	});

	test('the refresh key is named only while a source fails; no sources says where to look', () => {
		expect(text([source('dev', 'us-east-1')], 80, 'R')[0]).toBe('Sources 1: 1 ok, 0 stale, 0 failed');
		expect(text([], 80, 'R').at(-1)).toBe('no sources: check --profile, --region and the AWS config files');
	});
});
