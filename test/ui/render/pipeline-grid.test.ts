import {describe, expect, test} from 'vitest';
import {pipelineGrid} from '../../../source/ui/render/pipeline-grid.js';
import {displayWidth} from '../../../source/ui/render/text.js';
import {plainText, themeFor} from '../../../source/ui/render/theme.js';
import {action, now, pipeline, stage} from './fixtures.js';

const theme = themeFor({});
const text = (lines: ReturnType<typeof pipelineGrid>['lines']) => lines.map(line => plainText(line.segments));

const entry = pipeline('web', [
	stage('Source', [action('Checkout', {category: 'Source', provider: 'CodeStarSourceConnection', status: 'Succeeded'})], {status: 'Succeeded', executionId: 'e1'}),
	stage(
		'Test',
		[
			action('Unit', {status: 'Succeeded', runOrder: 1}),
			action('Lint', {status: 'Failed', runOrder: 1, errorCode: 'JobFailed', errorMessage: 'Build terminated with state: FAILED'}),
			action('Report', {runOrder: 2}),
		],
		{status: 'Failed', executionId: 'e1'},
	),
	stage(
		'Approve',
		[
			action('Review', {
				category: 'Approval',
				provider: 'Manual',
				status: 'InProgress',
				token: 't',
				configuration: {CustomData: 'Check the staging site', ExternalEntityLink: 'https://staging.example.com'},
			}),
		],
		{
			status: 'InProgress',
			inboundTransition: {enabled: false, disabledReason: 'Release freeze', lastChangedBy: 'arn:aws:iam::1:user/alice', lastChangedAt: now - 7_200_000},
			inboundExecutions: [{executionId: '9f8e7d6c-0000', status: 'InProgress'}],
		},
	),
]);

describe('pipeline grid', () => {
	test('parallel actions (same runOrder) stand side by side, later ones below', () => {
		const lines = text(pipelineGrid(entry, 100, now, theme, undefined).lines);
		const row = lines.find(line => line.includes('Unit'))!;
		expect(row).toContain('Lint');
		expect(lines.find(line => line.includes('Report'))).not.toContain('Unit');
		expect(row.trimStart().startsWith('1│')).toBe(true);
	});

	test('failures show their error, approvals their note and review URL', () => {
		const all = text(pipelineGrid(entry, 120, now, theme, undefined).lines).join('\n');
		expect(all).toContain('JobFailed: Build terminated with state: FAILED');
		expect(all).toContain('waiting for approval: Check the staging site');
		expect(all).toContain('review: https://staging.example.com');
	});

	test('a disabled transition shows its reason and who, waiting executions are listed', () => {
		const all = text(pipelineGrid(entry, 160, now, theme, undefined).lines).join('\n');
		expect(all).toContain('inbound transition disabled: Release freeze (by arn:aws:iam::1:user/alice, 2h ago)');
		expect(all).toContain('waiting to enter: 9f8e7d6c (InProgress)');
	});

	test('the header names type, execution mode and the latest run', () => {
		const lines = text(pipelineGrid(entry, 120, now, theme, undefined).lines);
		expect(lines[0]).toContain('V2 · SUPERSEDED mode · v3');
		expect(lines[1]).toContain('7a1c2f3e');
		expect(lines[1]).toContain('Webhook: push to main');
	});

	test('no line is wider than the terminal, at any width', () => {
		for (const width of [60, 80, 200]) {
			for (const line of pipelineGrid(entry, width, now, theme, 'Test/Lint').lines) {
				expect(displayWidth(plainText(line.segments))).toBeLessThanOrEqual(width);
			}
		}
	});

	test('the selected action is marked and its lines carry its id', () => {
		const grid = pipelineGrid(entry, 100, now, theme, 'Test/Lint');
		expect(grid.ids).toEqual(['Source/Checkout', 'Test/Unit', 'Test/Lint', 'Test/Report', 'Approve/Review']);
		const marked = grid.lines.filter(line => line.item === 'Test/Lint').map(line => plainText(line.segments));
		expect(marked.some(line => line.includes('›✗ Lint'))).toBe(true);
	});
});

describe('stage conditions', () => {
	test('an entry condition holding the execution is named above the stage with its rules; an overridden one says so', () => {
		const held = pipeline('web', [
			stage('Source', [action('Checkout', {category: 'Source', status: 'Succeeded'})], {status: 'Succeeded', executionId: 'e1'}),
			stage('Deploy', [action('Ship', {category: 'Deploy'})], {
				status: 'InProgress',
				executionId: 'e1',
				conditions: [{type: 'BEFORE_ENTRY', status: 'InProgress', rules: [{name: 'BusinessHours', status: 'InProgress'}, {name: 'NoAlarms', status: 'Succeeded'}]}],
			}),
		]);
		const lines = text(pipelineGrid(held, 100, now, theme, undefined).lines);
		const condition = lines.findIndex(each => each.includes('entry condition'));
		expect(lines[condition]).toBe(' ● entry condition InProgress: BusinessHours InProgress, NoAlarms Succeeded');
		expect(lines[condition + 1]).toMatch(/^● Deploy {2}InProgress/);
		const overridden = {...held, stages: [held.stages[0], {...held.stages[1], conditions: [{type: 'BEFORE_ENTRY' as const, status: 'Overridden', summary: 'Overridden by alice', rules: [{name: 'BusinessHours', status: 'Abandoned'}]}]}]};
		expect(text(pipelineGrid(overridden, 100, now, theme, undefined).lines)).toContain(' » entry condition Overridden: BusinessHours Abandoned — Overridden by alice');
	});

	test("each rule's latest result from ListRuleExecutions under its condition: status, when, its summary, then the earlier ones", () => {
		const held = pipeline('web', [
			stage('Deploy', [action('Ship', {category: 'Deploy'})], {
				status: 'InProgress',
				executionId: 'e2',
				conditions: [{type: 'BEFORE_ENTRY', status: 'InProgress', rules: [{name: 'BusinessHours', status: 'InProgress'}, {name: 'NoAlarms', status: 'Failed'}]}],
			}),
		]);
		const rules = [
			{stageName: 'Deploy', ruleName: 'NoAlarms', status: 'Failed', summary: 'alarm checkout-5xx is in ALARM\nsince 09:12', at: now - 30_000},
			{stageName: 'Deploy', ruleName: 'NoAlarms', status: 'Succeeded', at: now - 3_600_000},
			{stageName: 'Deploy', ruleName: 'BusinessHours', status: 'InProgress', at: now - 45_000},
			{stageName: 'Other', ruleName: 'NoAlarms', status: 'Succeeded', at: now},
		];
		const lines = text(pipelineGrid(held, 100, now, theme, undefined, undefined, rules).lines);
		const condition = lines.findIndex(each => each.includes('entry condition'));
		expect(lines.slice(condition + 1, condition + 3)).toEqual([
			'     BusinessHours InProgress 45s ago',
			'     NoAlarms Failed 30s ago — alarm checkout-5xx is in ALARM; before: Succeeded 1h ago',
		]);
		expect(lines[condition + 3]).toMatch(/^● Deploy {2}InProgress/);
	});
});
