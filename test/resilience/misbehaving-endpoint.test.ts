/**
 * Answers from an endpoint that misbehaves, through the real engine and console: truncated JSON,
 * members of the wrong type, enum values no model knows, names AWS would refuse (unicode, control
 * characters, 100 characters), and a pipeline at AWS's limits (50 stages x 50 actions). Shown as
 * well as possible or as a clear error on that source; never a crash, never a broken frame.
 */

import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {DEFAULT_INTERVALS} from '../../source/engine/defaults.js';
import {outlandishName, UNKNOWN_ENUM_VALUE} from '../../source/sim/http/misbehave.js';
import {hugeScenario, longValidName} from '../../source/sim/scenarios/resilience-huge.js';
import {displayWidth} from '../../source/ui/render/text.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from '../ui/open-console.js';
import {BETA, livelyScenario, SOURCES} from './helpers/fleets.js';
import {allReadSince, keysAnswer} from './helpers/watch.js';

/** A frame a terminal can show as laid out: the right size, no line too wide, no stray control or bidi characters. */
function expectSoundFrame(console_: OpenConsole): void {
	const {columns, rows} = console_.terminal;
	const lines = console_.terminal.lines();
	expect(lines).toHaveLength(rows);
	for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
	// The plain frame (SGR codes removed) must hold no control characters a name could smuggle in.
	// eslint-disable-next-line no-control-regex
	expect(console_.terminal.text()).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
}

const DISCOVERY_MS = 60_000;

describe('damaged and surprising answers on one source', () => {
	let fleet: FleetHarness;
	let console_: OpenConsole;
	const scope = {accountIds: [BETA.accountId]};

	beforeAll(async () => {
		// Renamed pipelines are found by discovery: a shorter discovery interval keeps the test quick.
		fleet = await startFleetHarness({scenario: livelyScenario(), seed: 37, intervals: {discovery: DISCOVERY_MS}});
		await fleet.until(state => !state.initialLoad);
		console_ = openConsole(fleet, {columns: 140, rows: 30});
		await console_.settle(0);
	});

	afterAll(async () => {
		console_?.close();
		await fleet?.close();
	});

	/** Runs a fault on beta for two minutes; alpha must carry on, beta must come back after. */
	async function onBeta(faults: Parameters<FleetHarness['setFaults']>[0], check: () => void | Promise<void>): Promise<void> {
		const start = fleet.clock.now();
		fleet.setFaults({...faults, scope});
		fleet.engine.refresh();
		await fleet.advance(DEFAULT_INTERVALS.idle);
		await console_.settle(0);
		expectSoundFrame(console_);
		await keysAnswer(console_);
		for (const source of SOURCES.filter(key => !key.startsWith('beta/'))) expect(allReadSince(fleet.state(), source, start), source).toBe(true);
		await check();
		fleet.setFaults({});
		const ended = fleet.clock.now();
		await fleet.until(state => state.sources['beta/us-east-1'].health === 'ok' && allReadSince(state, 'beta/us-east-1', ended), {withinMs: DEFAULT_INTERVALS.idle, what: 'beta back'});
		for (const entry of Object.values(fleet.state().pipelines)) expect(entry.error, entry.key).toBeUndefined();
	}

	test('truncated JSON: a clear error on that source', async () => {
		await onBeta({malformedRate: 1}, () => {
			const beta = fleet.state().sources['beta/us-east-1'];
			const shown = beta.error ?? Object.values(fleet.state().pipelines).find(entry => entry.sourceKey === 'beta/us-east-1' && entry.error)?.error;
			expect(shown?.code).toBe('MalformedResponse');
			expect(console_.terminal.text()).toMatch(/MalformedResponse/);
		});
	});

	test('members of the wrong type, everywhere they can be: shown or refused, never a crash', async () => {
		// Two at a time: a list and a scalar of each answer pipetop reads.
		const members = [
			['pipelines', 'version'],
			['stageStates', 'created'],
			['actionStates', 'latestExecution'],
			['status', 'startTime'],
			['lastStatusChange', 'stages'],
			['actions', 'pipelineExecutionSummaries'],
			['inboundTransitionState', 'sourceRevisions'],
			['name', 'stageName'],
			['actionName', 'token'],
			['configuration', 'updated'],
		];
		for (const pair of members) {
			fleet.setFaults({misbehave: {wrongTypes: pair}, scope});
			fleet.engine.refresh();
			await fleet.advance(3000);
			await console_.terminal.settle();
			expectSoundFrame(console_);
		}
		await onBeta({misbehave: {wrongTypes: ['stageStates', 'startTime']}}, () => undefined);
	});

	test('enum values no model knows: rows keep being read, the console does not break', async () => {
		await onBeta({misbehave: {unknownEnums: 1}}, () => {
			const entries = Object.values(fleet.state().pipelines).filter(entry => entry.sourceKey === 'beta/us-east-1');
			expect(entries.length).toBeGreaterThan(0);
			for (const entry of entries) expect(entry.fetchedAt).toBeDefined();
		});
	});

	test('an enum value no model knows is shown as such, not dropped', async () => {
		// Dropped, a stage would look as if it never ran, and an execution with a new status would
		// leave the row showing the previous one.
		fleet.setFaults({misbehave: {unknownEnums: 1}, scope});
		fleet.engine.refresh();
		await fleet.advance(DEFAULT_INTERVALS.active * 2);
		try {
			const entries = Object.values(fleet.state().pipelines).filter(entry => entry.sourceKey === 'beta/us-east-1');
			expect(JSON.stringify(entries)).toContain(UNKNOWN_ENUM_VALUE);
		} finally {
			fleet.setFaults({});
			fleet.engine.refresh();
			await fleet.advance(DEFAULT_INTERVALS.active * 2);
		}
	});

	test('names AWS would refuse (unicode, escapes, bidi overrides, 100 characters): the frame stays sound and the pipeline opens', async () => {
		const name = 'beta-us-east-1-0';
		const shown = outlandishName('beta');
		// U+202E would reverse what follows it on screen: a name could disguise itself.
		const disguised = '\u202Edrowssap-teser';
		fleet.setFaults({misbehave: {renames: {[name]: shown, 'beta-us-east-1-1': disguised, Build: 'Build\u001B[2J\u0007', Compile: '\u202Eelipmoc'}}, scope});
		await fleet.advance(DISCOVERY_MS + DEFAULT_INTERVALS.active);
		await console_.settle(0);
		const key = `beta/us-east-1/${shown}`;
		expect(fleet.state().pipelines[key]?.fetchedAt).toBeDefined();
		expectSoundFrame(console_);
		expect(console_.terminal.text()).toContain('drowssap-teser');
		expect(console_.terminal.lastFrame()).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
		// Open it: every call names it by the name shown, which the endpoint understands.
		fleet.engine.setFocus([key]);
		fleet.engine.refresh(key);
		await fleet.advance(DEFAULT_INTERVALS.active);
		expect(fleet.state().pipelines[key].error).toBeUndefined();
		fleet.setFaults({});
		await fleet.advance(DISCOVERY_MS + DEFAULT_INTERVALS.active);
		expect(fleet.state().pipelines[key]).toBeUndefined();
		expect(fleet.state().pipelines[`beta/us-east-1/${name}`]?.fetchedAt).toBeDefined();
	});
});

describe('a pipeline at the limits: 50 stages of 50 actions, names of 100 characters', () => {
	let fleet: FleetHarness;

	beforeAll(async () => {
		fleet = await startFleetHarness({scenario: hugeScenario(), seed: 41});
		await fleet.until(state => !state.initialLoad);
	});

	afterAll(async () => {
		await fleet?.close();
	});

	test.each([
		[80, 24],
		[200, 60],
	])('at %ix%i the fleet and the pipeline view fit, and the cursor reaches the last action', async (columns, rows) => {
		const giant = `huge/eu-west-1/${longValidName('giant-')}`;
		expect(fleet.state().pipelines[giant].stages).toHaveLength(50);
		expect(fleet.state().pipelines[giant].stages.every(stage => stage.actions.length === 50)).toBe(true);
		const console_ = openConsole(fleet, {columns, rows});
		try {
			await console_.settle(0);
			expectSoundFrame(console_);
			expect(console_.terminal.text()).toMatch(/giant-/);
			// Open the giant (the others are named small-*).
			for (let index = 0; index < 4 && !/^›.*giant-/m.test(console_.terminal.text()); index++) await console_.terminal.press('j');
			await console_.terminal.press('enter');
			await console_.settle(0);
			expectSoundFrame(console_);
			const started = performance.now();
			await console_.terminal.press('G');
			await console_.settle(0);
			expect(performance.now() - started).toBeLessThan(3000);
			expectSoundFrame(console_);
			expect(console_.terminal.text()).toMatch(/S50A50/);
			await console_.terminal.press('g');
			await console_.terminal.settle();
			expect(console_.terminal.text()).toMatch(/Checkout01/);
		} finally {
			console_.close();
		}
	});
});
