import {describe, expect, test} from 'vitest';
import {countSegments, loadingProgress, sourceSegments} from '../../../source/ui/render/header.js';
import {displayWidth} from '../../../source/ui/render/text.js';
import {plainText, themeFor} from '../../../source/ui/render/theme.js';
import type {SourceState} from '../../../source/store/types.js';
import {now, sourceState} from './fixtures.js';

const theme = themeFor({});
const source = sourceState;

function sources(...list: SourceState[]) {
	return {sources: Object.fromEntries(list.map(each => [each.key, each])), sourceOrder: list.map(each => each.key)};
}

describe('header', () => {
	test('counts per status with their symbols', () => {
		const text = plainText(countSegments({failed: 2, approval: 1, running: 3, idle: 40, unknown: 0, total: 46}, theme));
		expect(text).toBe('✗ 2 failed  ‖ 1 approval  ● 3 running  ✓ 40 idle  46 pipelines');
	});

	test('troubled sources come first with their reason and hint', () => {
		const state = sources(
			source('prod', 'us-east-1'),
			source('dev', 'eu-west-1', {health: 'failed', error: {code: 'ExpiredToken', message: 'SSO session expired', hint: 'run: aws sso login --profile dev'}}),
		);
		const text = plainText(sourceSegments(state, 200, now, theme));
		expect(text.startsWith('✗ dev/eu-west-1 [no data] ExpiredToken: SSO session expired — run: aws sso login --profile dev')).toBe(true);
		expect(text).toContain('✓ prod/us-east-1');
	});

	test('many sources are cut with a count, never wider than the line', () => {
		const state = sources(...Array.from({length: 20}, (_, index) => source(`profile${index}`, 'us-east-1')));
		const text = plainText(sourceSegments(state, 80, now, theme));
		expect(displayWidth(text)).toBeLessThanOrEqual(80);
		expect(text).toMatch(/\+\d+ more$/);
	});

	test('when sources are cut, the count names the key of the view that has them all', () => {
		const failed = source('corp-sso', 'eu-central-1', {
			health: 'failed',
			error: {code: 'CredentialsProviderError', message: 'The SSO session token associated with profile=corp-sso was not found or is invalid', hint: 'run: aws sso login --profile corp-sso'},
		});
		const state = sources(failed, source('dev', 'us-east-1'), source('prod', 'us-east-1'));
		const narrow = plainText(sourceSegments(state, 80, now, theme, 'S'));
		expect(narrow).toMatch(/^✗ corp-sso\/eu-central-1 \[no data\] CredentialsProviderError: The SSO… \+2 more \(S\)$/);
		expect(displayWidth(narrow)).toBe(80);
		const wide = plainText(sourceSegments(state, 250, now, theme, 'S'));
		expect(wide).toContain('— run: aws sso login --profile corp-sso  ✓ dev/us-east-1  ✓ prod/us-east-1');
		expect(wide).not.toContain('more');
		// The only source, its reason cut: the key is named all the same.
		const alone = plainText(sourceSegments(sources(failed), 60, now, theme, 'S'));
		expect(alone).toMatch(/^✗ corp-sso\/eu-central-1 \[no data\] Credentials\S*… \(S\)$/);
		expect(displayWidth(alone)).toBe(60);
		expect(plainText(sourceSegments(sources(failed), 60, now, theme))).not.toContain('(S)');
	});

	test('first-load progress counts answered sources and pipelines', () => {
		const state = sources(source('a', 'us-east-1', {pipelineCount: 40}), source('b', 'us-east-1', {health: 'loading', pipelineCount: 0}));
		expect(loadingProgress(state)).toBe('1/2 sources, 40 pipelines');
	});
});
