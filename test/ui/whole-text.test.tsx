/**
 * Long text is shown whole (issue 12, items 5 and 6): the approval review shows the approver's
 * note wrapped and scrollable, who started the run and when the approval expires; the retry
 * dialog shows the error whole; links and ARNs are never cut with `…`; errors in the grid wrap on
 * words at the terminal's width. The real console, engine and embedded service, in frames.
 */
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {Scenario} from '../../source/sim/contract.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, openPipeline, type OpenConsole} from './open-console.js';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const NOTE =
	'Before approving, check the canary dashboard for the checkout flow: the p99 latency must stay under 800 ms and the error rate under 0.5% for a full hour. ' +
	'Then read the release notes of this build, confirm with the on-call engineer of the payments team that the feature flags for the new tax engine are still off, ' +
	'and make sure no incident is open in the status page. If any of this fails, reject with the reason. LAST-WORDS-OF-THE-NOTE';
const LINK = `https://grafana.example.com/d/checkout-canary/release-health?orgId=1&var-env=prod&var-service=checkout&from=now-6h&to=now&refresh=30s&viewPanel=12`;

function act(name: string, category: string, provider: string, configuration: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
	return {name, actionTypeId: {category, owner: 'AWS', provider, version: '1'}, configuration, ...extra};
}

function pipeline(name: string, stages: unknown[]) {
	return {pipeline: {name, roleArn: `arn:aws:iam::${ACCOUNT}:role/pipetop-test`, artifactStore: {type: 'S3', location: `codepipeline-${REGION}-${ACCOUNT}`}, stages}};
}

const source = act('Checkout', 'Source', 'CodeCommit', {RepositoryName: 'shop', BranchName: 'main'}, {outputArtifacts: [{name: 'Src'}]});

function scenario(): Scenario {
	return {
		accounts: [{profile: 'ops', accountId: ACCOUNT, regions: [REGION]}],
		pipelines: [
			{
				profile: 'ops',
				region: REGION,
				definition: pipeline('gatekeeper', [
					{name: 'Source', actions: [source]},
					{name: 'Approve', actions: [act('Manual', 'Approval', 'Manual', {CustomData: NOTE, ExternalEntityLink: LINK})]},
				]),
			},
			{
				profile: 'ops',
				region: REGION,
				definition: pipeline('deployer', [
					{name: 'Source', actions: [source]},
					{name: 'Deploy', actions: [act('Fleet', 'Deploy', 'CodeDeploy', {ApplicationName: 'shop', DeploymentGroupName: 'shop-prod'}, {inputArtifacts: [{name: 'Src'}]})]},
				]),
				behaviour: {'Deploy/Fleet': {seconds: 30, outcomes: ['Failed']}},
			},
		],
	};
}

let fleet: FleetHarness;
const entry = (name: string) => Object.values(fleet.state().pipelines).find(each => each.name === name)!;
const action = (name: string, stage: string) => entry(name).stages.find(each => each.name === stage)!.actions[0];

beforeAll(async () => {
	fleet = await startFleetHarness({scenario: scenario()});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	fleet.world.startExecution('ops', REGION, 'gatekeeper');
	fleet.world.startExecution('ops', REGION, 'deployer');
	await fleet.until(() => action('gatekeeper', 'Approve')?.status === 'InProgress' && action('deployer', 'Deploy')?.status === 'Failed', {what: 'approval waiting, deploy failed', withinMs: 600_000});
});
afterAll(async () => {
	await fleet?.close();
});

/** The dialog's text as one string: its rows joined, the border and padding taken off. */
function dialogText(console_: OpenConsole): string {
	return console_.terminal
		.lines()
		.map(line => line.replace(/^│ ?/, '').replace(/ ?│$/, '').trim())
		.join(' ')
		.replaceAll(/\s+/g, ' ');
}

const noCut = (console_: OpenConsole) => expect(console_.terminal.text()).not.toContain('…');

describe('the approval review shows everything needed to decide', () => {
	async function review(columns: number, rows: number): Promise<OpenConsole> {
		const console_ = openConsole(fleet, {columns, rows});
		await openPipeline(console_, 'gatekeeper');
		await console_.terminal.press('a');
		await console_.settle();
		await console_.terminal.waitFor('Decision');
		return console_;
	}
	const inside = (console_: OpenConsole) => console_.terminal.lines().map(row => row.replace(/^│ ?/, '').replace(/ ?│$/, '').trim());

	test('the note whole and wrapped on words; who started the run; when the approval expires', async () => {
		const console_ = await review(80, 60);
		const text = dialogText(console_);
		expect(text).toContain(`Note: ${NOTE}`);
		// Words are never split across rows: every row of the note ends on a whole word.
		const noteRows = inside(console_).slice(inside(console_).findIndex(row => row.startsWith('Note:')));
		for (const row of noteRows.slice(0, 4)) expect(NOTE.includes(`${row.replace(/^Note: /, '')} `) || NOTE.endsWith(row)).toBe(true);
		// Longer than the dialog is wide: the link is split over rows of its own, never cut.
		expect(inside(console_).join('')).toContain(LINK);
		expect(text).toMatch(/Started by: StartPipelineExecution: \S+/);
		const since = action('gatekeeper', 'Approve').lastStatusChange!;
		const expires = new Date(since + 7 * 24 * 3600 * 1000).toISOString().slice(0, 19).replace('T', ' ');
		expect(text).toContain(`Expires: ${expires} UTC (in 6d 23h) unless answered`);
		expect(text).not.toMatch(/more {2}PgUp\/PgDn scroll/);
		noCut(console_);
		console_.close();
	});

	test('a note longer than the space scrolls with PgDn and PgUp, and says how much is left', async () => {
		const console_ = await review(80, 24);
		expect(dialogText(console_)).toContain('Note: Before approving, check the canary dashboard');
		expect(console_.terminal.text()).toMatch(/↓ \d+ more {2}PgUp\/PgDn scroll/);
		expect(console_.terminal.lines().at(-1)).toContain('PgDn more');
		expect(dialogText(console_)).not.toContain('LAST-WORDS-OF-THE-NOTE');
		for (let page = 0; page < 6; page++) await console_.terminal.press('pgdn');
		expect(dialogText(console_)).toMatch(/Started by: StartPipelineExecution/);
		expect(console_.terminal.text()).toMatch(/↑ \d+ above {2}PgUp\/PgDn scroll/);
		for (let page = 0; page < 6; page++) await console_.terminal.press('pgup');
		expect(dialogText(console_)).toContain('Note: Before approving');
		// The choice is still there to make.
		expect(dialogText(console_)).toContain('> Approve');
		noCut(console_);
		console_.close();
	});

	test('the retry dialog shows the error whole', async () => {
		const failed = action('deployer', 'Deploy');
		const console_ = openConsole(fleet, {columns: 80, rows: 30});
		await openPipeline(console_, 'deployer');
		await console_.terminal.press('r');
		await console_.settle();
		await console_.terminal.waitFor('Failed actions only');
		expect(dialogText(console_)).toContain(`Failed Fleet: ${failed.errorCode}: ${failed.errorMessage}`.replaceAll(/\s+/g, ' '));
		noCut(console_);
		console_.close();
	});
});

describe('links and errors in the grid', () => {
	test.each([80, 200])('at %i columns the review link is whole and never cut', async columns => {
		const console_ = openConsole(fleet, {columns, rows: 40});
		await openPipeline(console_, 'gatekeeper');
		const text = console_.terminal.lines().join('\n');
		if (columns >= LINK.length) expect(console_.terminal.lines().some(row => row.includes(LINK))).toBe(true);
		else expect(text.replaceAll(/\n/g, '')).toContain(LINK);
		for (const row of console_.terminal.lines().filter(each => each.includes('https://'))) expect(row).not.toContain('…');
		// The trigger (an ARN) keeps its place on the status line when it fits, else gets a line of its own.
		await console_.terminal.press('g');
		expect(console_.terminal.text()).toMatch(/StartPipelineExecution: arn:aws:iam::123456789012:user\/ops( |$)/m);
		noCut(console_);
		console_.close();
	});

	test('at 200 columns the error wraps at the terminal width on word boundaries, whole', async () => {
		const failed = action('deployer', 'Deploy');
		const message = `${failed.errorCode}: ${failed.errorMessage}`;
		expect(message.length).toBeGreaterThan(200);
		const console_ = openConsole(fleet, {columns: 200, rows: 40});
		await openPipeline(console_, 'deployer');
		const rows = console_.terminal.lines();
		const start = rows.findIndex(row => row.includes(`${failed.errorCode}: Deployment`));
		expect(start).toBeGreaterThan(-1);
		const errorRows = [rows[start], rows[start + 1]].map(row => row.replace(/^ *│ */, '').trimEnd());
		// Wider than the old ~70-column cell, and broken between words.
		expect(errorRows[0].length).toBeGreaterThan(150);
		expect(errorRows.join(' ')).toBe(message);
		noCut(console_);
		console_.close();
	});
});
