/**
 * QUEUED and PARALLEL pipelines: an approval may wait for an older run than the newest. The fleet
 * row and the pipeline header show what waits (its revision, how long it has waited) and how many
 * runs are queued behind it, as the embedded service says, not the newest run's revision and age.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {formatAgo, shortRevision} from '../../source/format/time.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, openPipeline, type OpenConsole} from './open-console.js';

const NAME = 'orders-api-prod';
type Truth = {executionId: string; revision: string; since: number; behind: number; newestStart: number};
let fleet: FleetHarness;
let truth: Truth;

type Latest = {pipelineExecutionId?: string; token?: string; lastStatusChange?: number};
type StateAnswer = {stageStates: Array<{latestExecution?: Latest; actionStates: Array<{latestExecution?: Latest}>}>};
type Summaries = {pipelineExecutionSummaries: Array<{pipelineExecutionId: string; status: string; startTime: number}>};
type Execution = {pipelineExecution: {artifactRevisions: Array<{revisionId: string}>}};

/** What AWS (the embedded service) says waits, read straight from it. */
function readTruth(): Truth {
	const entry = Object.values(fleet.state().pipelines).find(each => each.name === NAME)!;
	const call = <T,>(operation: string, input: Record<string, unknown>) => fleet.world.call(entry.profile, entry.region, operation, input) as T;
	const stage = call<StateAnswer>('GetPipelineState', {name: NAME}).stageStates.find(each => each.actionStates.some(action => action.latestExecution?.token))!;
	const executionId = stage.latestExecution!.pipelineExecutionId!;
	const since = stage.actionStates.find(action => action.latestExecution?.token)!.latestExecution!.lastStatusChange! * 1000;
	const revision = call<Execution>('GetPipelineExecution', {pipelineName: NAME, pipelineExecutionId: executionId}).pipelineExecution.artifactRevisions[0].revisionId;
	const summaries = call<Summaries>('ListPipelineExecutions', {pipelineName: NAME}).pipelineExecutionSummaries;
	const index = summaries.findIndex(summary => summary.pipelineExecutionId === executionId);
	const behind = summaries.slice(0, index).filter(summary => summary.status === 'InProgress').length;
	return {executionId, revision, since, behind, newestStart: summaries[0].startTime * 1000};
}

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo'});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	truth = readTruth();
	// The case worth showing: newer runs queue behind the approval, and the newest started later.
	expect(truth.behind).toBeGreaterThan(0);
	expect(formatAgo(truth.newestStart, fleet.clock.now())).not.toBe(formatAgo(truth.since, fleet.clock.now()));
});
afterAll(async () => {
	await fleet?.close();
});

async function filtered(columns: number, rows: number): Promise<OpenConsole> {
	const console_ = openConsole(fleet, {columns, rows});
	await console_.settle(0);
	await console_.terminal.press('/');
	await console_.terminal.type(NAME);
	await console_.terminal.press('enter');
	await console_.settle(0);
	return console_;
}

const rowOf = (console_: OpenConsole) => console_.terminal.lines().find(line => line.includes(`${NAME} `) && line.includes('Approval'))!;

describe('an approval waiting behind newer runs', () => {
	test('at 200x50 the row shows the waiting run’s revision, its wait and how many are queued behind', async () => {
		const console_ = await filtered(200, 50);
		const row = rowOf(console_);
		expect(row).toMatch(new RegExp(`Approval ?\\+${truth.behind} `));
		expect(row).toContain(` ${formatAgo(truth.since, fleet.clock.now())} `);
		expect(row).not.toContain(` ${formatAgo(truth.newestStart, fleet.clock.now())} `);
		expect(row).toContain(shortRevision(truth.revision));
		expect(row).toContain(`${truth.behind} queued behind`);
		console_.close();
	});

	test('at 80x24 the row still says how many are queued and how long it waited', async () => {
		const console_ = await filtered(80, 24);
		const row = rowOf(console_);
		expect(row).toContain(`Approval+${truth.behind}`);
		expect(row).toContain(` ${formatAgo(truth.since, fleet.clock.now())} `);
		expect(row).not.toContain(` ${formatAgo(truth.newestStart, fleet.clock.now())} `);
		console_.close();
	});

	test('the pipeline header names the run the approval waits for', async () => {
		const console_ = openConsole(fleet, {columns: 160, rows: 50});
		await openPipeline(console_, NAME);
		const header = console_.terminal.lines().slice(0, 10).join('\n');
		expect(header).toMatch(new RegExp(`waits for ${truth.executionId.slice(0, 8)} ${shortRevision(truth.revision)} .*  for \\d+h\\d\\dm  ${truth.behind} queued behind`));
		console_.close();
	});
});
