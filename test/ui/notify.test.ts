import {describe, expect, test} from 'vitest';
import {alertSequence, detectAlerts} from '../../source/ui/notify.js';
import {initialFleetState} from '../../source/store/index.js';
import type {FleetState, PipelineEntry} from '../../source/store/types.js';
import {pipeline} from './render/fixtures.js';

function fleet(entries: PipelineEntry[], initialLoad = false): FleetState {
	const state = initialFleetState();
	state.pipelines = Object.fromEntries(entries.map(entry => [entry.key, entry]));
	state.order = entries.map(entry => entry.key);
	state.initialLoad = initialLoad;
	return state;
}

const idle = pipeline('web', []);
const failed = {...idle, attention: 'failed' as const};
const approval = {...idle, attention: 'approval' as const};
const everything = () => true;

describe('notifications', () => {
	test('a pipeline that starts to fail or wait for approval alerts once', () => {
		expect(detectAlerts(fleet([idle]), fleet([failed]), everything)).toEqual([
			{key: idle.key, name: 'web', where: 'prod/us-east-1', kind: 'failed'},
		]);
		expect(detectAlerts(fleet([idle]), fleet([approval]), everything)[0].kind).toBe('approval');
		expect(detectAlerts(fleet([failed]), fleet([{...failed}]), everything)).toEqual([]);
	});

	test('never during the first load, nor for pipelines seen for the first time', () => {
		expect(detectAlerts(fleet([idle], true), fleet([failed]), everything)).toEqual([]);
		expect(detectAlerts(fleet([]), fleet([failed]), everything)).toEqual([]);
		expect(detectAlerts(fleet([{...idle, attention: 'unknown'}]), fleet([failed]), everything)).toEqual([]);
	});

	test('only pipelines in view', () => {
		expect(detectAlerts(fleet([idle]), fleet([failed]), () => false)).toEqual([]);
	});

	test('a bell and an OSC 9 per alert, as configured; tmux gets its passthrough', () => {
		const alerts = detectAlerts(fleet([idle]), fleet([failed]), everything);
		expect(alertSequence(alerts, {bell: true, desktop: true})).toBe('\u0007\u001B]9;pipetop: web failed (prod/us-east-1)\u0007');
		expect(alertSequence(alerts, {bell: true, desktop: false})).toBe('\u0007');
		expect(alertSequence(alerts, {bell: false, desktop: false})).toBe('');
		expect(alertSequence(alerts, {bell: false, desktop: true}, {TMUX: '/tmp/tmux'})).toMatch(/^\u001BPtmux;\u001B\u001B\]9;pipetop: web failed/);
	});
});
