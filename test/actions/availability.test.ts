import {describe, expect, it} from 'vitest';
import {disabledReason} from '../../source/actions/availability.js';
import type {ActionRequest, OperatorCommand} from '../../source/actions/types.js';
import {action, fleet, pipeline, stage, typicalPipeline} from './fixture-state.js';

const key = 'dev/eu-west-1/web';
const request = (command: OperatorCommand, fields: Partial<ActionRequest> = {}): ActionRequest => ({command, pipelineKey: key, ...fields});
const allowed = {readOnly: false};

describe('disabledReason: why a key is disabled right now', () => {
	it('refuses every action in read-only mode, whatever the state', () => {
		const state = fleet([typicalPipeline()]);
		for (const command of ['approve', 'retry', 'stop', 'start', 'transition', 'rollback', 'override'] as const) {
			expect(disabledReason(request(command, {stageName: 'Build'}), state, {readOnly: true})).toBe('read-only mode');
		}
	});

	it('names the read-only profile when only that profile is read-only', () => {
		const state = fleet([typicalPipeline()], {readOnly: true});
		expect(disabledReason(request('start'), state, allowed)).toBe('profile dev is read-only');
	});

	it('approve: finds the waiting approval from the pipeline row, refuses elsewhere', () => {
		const state = fleet([typicalPipeline()]);
		expect(disabledReason(request('approve'), state, allowed)).toBeUndefined();
		expect(disabledReason(request('approve', {stageName: 'Approve'}), state, allowed)).toBeUndefined();
		expect(disabledReason(request('approve', {stageName: 'Build'}), state, allowed)).toBe('no pending approval');
		expect(disabledReason(request('approve', {stageName: 'Build', actionName: 'Compile'}), state, allowed)).toBe('no pending approval');
		const none = fleet([pipeline('web', {stages: [stage('Build', {status: 'Succeeded'})]})]);
		expect(disabledReason(request('approve'), none, allowed)).toBe('no pending approval');
	});

	it('retry: only a failed stage, only its latest execution', () => {
		const state = fleet([typicalPipeline()]);
		expect(disabledReason(request('retry'), state, allowed)).toBe('select a stage first');
		expect(disabledReason(request('retry', {stageName: 'Build'}), state, allowed)).toBeUndefined();
		expect(disabledReason(request('retry', {stageName: 'Deploy'}), state, allowed)).toBe('nothing failed in Deploy');
		expect(disabledReason(request('retry', {stageName: 'Approve'}), state, allowed)).toBe('Approve is still running');
		expect(disabledReason(request('retry', {stageName: 'Build', executionId: 'exec-1'}), state, allowed)).toBe('not the latest execution in Build (that is exec-2)');
	});

	it('stop: only a running or stopping execution', () => {
		expect(disabledReason(request('stop'), fleet([typicalPipeline()]), allowed)).toBe('execution exec-2 is Failed: nothing to stop');
		const running = typicalPipeline({latestExecution: {executionId: 'exec-3', status: 'InProgress', sourceRevisions: []}});
		expect(disabledReason(request('stop'), fleet([running]), allowed)).toBeUndefined();
	});

	it('transition: any stage but the first', () => {
		const state = fleet([typicalPipeline()]);
		expect(disabledReason(request('transition', {stageName: 'Source'}), state, allowed)).toBe('the first stage has no inbound transition');
		expect(disabledReason(request('transition', {stageName: 'Deploy'}), state, allowed)).toBeUndefined();
	});

	it('rollback: V2 only, never in PARALLEL mode, never while the stage runs', () => {
		expect(disabledReason(request('rollback', {stageName: 'Deploy'}), fleet([typicalPipeline()]), allowed)).toBeUndefined();
		expect(disabledReason(request('rollback', {stageName: 'Approve'}), fleet([typicalPipeline()]), allowed)).toBe('Approve is running');
		expect(disabledReason(request('rollback', {stageName: 'Deploy'}), fleet([typicalPipeline({pipelineType: 'V1'})]), allowed)).toBe('rollback needs a V2 pipeline');
		expect(disabledReason(request('rollback', {stageName: 'Deploy'}), fleet([typicalPipeline({executionMode: 'PARALLEL'})]), allowed)).toBe(
			'rollback is not available in PARALLEL mode',
		);
	});

	it('override: V2, and the stage must have run', () => {
		const never = typicalPipeline();
		never.stages.push(stage('Later', {actions: [action('Noop')]}));
		expect(disabledReason(request('override', {stageName: 'Later'}), fleet([never]), allowed)).toBe('Later has not run yet');
		expect(disabledReason(request('override', {stageName: 'Deploy'}), fleet([typicalPipeline({pipelineType: 'V1'})]), allowed)).toBe(
			'stage conditions need a V2 pipeline',
		);
	});

	it('start: always, once the pipeline is known', () => {
		expect(disabledReason(request('start'), fleet([typicalPipeline()]), allowed)).toBeUndefined();
		expect(disabledReason(request('start', {pipelineKey: 'dev/eu-west-1/gone'}), fleet([typicalPipeline()]), allowed)).toBe('pipeline not loaded yet');
	});
});
