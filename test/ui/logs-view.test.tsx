import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';
import {openConsole, type OpenConsole} from './open-console.js';
import {slowBuildScenario} from './scenarios.js';

let fleet: FleetHarness;
let scratch: string;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: slowBuildScenario()});
	await fleet.until(state => !state.initialLoad, {what: 'the first load'});
	scratch = await mkdtemp(join(tmpdir(), 'pipetop-logs-test-'));
});
afterAll(async () => {
	await fleet?.close();
	await rm(scratch, {recursive: true, force: true});
});

const entry = () => fleet.state().pipelines[fleet.state().order[0]];
const buildAction = () => entry().stages[1].actions[0];

/** Opens the pipeline and the log of its Build action. */
async function openBuildLog(console_: OpenConsole): Promise<void> {
	await console_.settle(0);
	await console_.terminal.press('enter');
	await console_.settle();
	await console_.terminal.press('j', 'l');
	await console_.settle();
}

describe('logs view', () => {
	test('l on a CodeBuild action shows its build log from CloudWatch Logs', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 30});
		await openBuildLog(console_);
		const buildId = buildAction().externalExecutionId!;
		const log = fleet.state().logs[buildId];
		expect(log.lines.length).toBeGreaterThan(10);
		const lines = console_.terminal.lines();
		expect(lines[2]).toMatch(new RegExp(`^Build log Build/Build {2}${buildId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} {2}SUCCEEDED`));
		expect(lines[3]).toBe(`follow on  ${log.lines.length} lines`);
		// Following: the end of the log is on screen.
		const last = log.lines.at(-1)!.message.trim();
		expect(console_.terminal.text()).toContain(last.slice(0, 60));
		console_.close();
	});

	test('/ searches the log; n and N go from match to match', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 30});
		await openBuildLog(console_);
		await console_.terminal.press('g', '/');
		await console_.terminal.type('Phase complete');
		await console_.terminal.press('enter');
		await console_.terminal.settle();
		const matches = fleet.state().logs[buildAction().externalExecutionId!].lines.filter(line => line.message.includes('Phase complete')).length;
		expect(matches).toBeGreaterThan(2);
		expect(console_.terminal.lines()[3]).toBe(`follow off  ${fleet.state().logs[buildAction().externalExecutionId!].lines.length} lines  search "Phase complete": match 1 of ${matches}`);
		expect(console_.terminal.lines()[4]).toContain('Phase complete');
		const firstTop = console_.terminal.lines()[4];
		// The current match is inverted and bold; the others on screen only underlined.
		const rawLines = console_.terminal.lastFrame().split('\n');
		expect(rawLines[4]).toMatch(/\u001B\[7m[^\u001B]*(\u001B\[[0-9;]*m)*Phase complete/);
		const others = rawLines.slice(5).filter(line => line.includes('Phase complete'));
		expect(others.length).toBeGreaterThan(0);
		for (const line of others) {
			expect(line).toContain('\u001B[4m');
			expect(line).not.toContain('\u001B[7m');
		}
		await console_.terminal.press('n');
		expect(console_.terminal.lines()[4]).toContain('Phase complete');
		expect(console_.terminal.lines()[4]).not.toBe(firstTop);
		expect(console_.terminal.lines()[3]).toContain(`match 2 of ${matches}`);
		await console_.terminal.press('N');
		expect(console_.terminal.lines()[4]).toBe(firstTop);
		expect(console_.terminal.lines()[3]).toContain(`match 1 of ${matches}`);
		// Back from the first wraps to the last.
		await console_.terminal.press('N');
		expect(console_.terminal.lines()[3]).toContain(`match ${matches} of ${matches}`);
		console_.close();
	});

	test('p hands the whole log to $PAGER and takes the screen back', async () => {
		const out = join(scratch, 'paged.txt');
		const pager = join(scratch, 'pager.sh');
		await writeFile(pager, `#!/bin/sh\ncp "$1" "${out}"\n`);
		await chmod(pager, 0o755);
		const console_ = openConsole(fleet, {columns: 120, rows: 30, env: {TERM: 'xterm-256color', PAGER: pager, PATH: process.env.PATH}});
		await openBuildLog(console_);
		await console_.terminal.press('p');
		await console_.terminal.waitFor(() => true);
		await expect.poll(async () => readFile(out, 'utf8').catch(() => ''), {timeout: 5000}).toContain('Phase complete');
		const paged = await readFile(out, 'utf8');
		expect(paged.split('\n').filter(Boolean)).toHaveLength(fleet.state().logs[buildAction().externalExecutionId!].lines.length);
		expect(console_.terminal.lines()[2]).toMatch(/^Build log Build\/Build/);
		console_.close();
	});

	test('a running build is followed as it grows; moving up stops following, f resumes', async () => {
		const source = entry().sourceKey;
		await fleet.engine.apiFor(source)!.startPipelineExecution({name: entry().name});
		await fleet.until(() => buildAction().status === 'InProgress' && buildAction().externalExecutionId !== undefined, {what: 'the build to start'});
		const console_ = openConsole(fleet, {columns: 120, rows: 30});
		await openBuildLog(console_);
		const buildId = buildAction().externalExecutionId!;
		await console_.settle(30_000);
		expect(console_.terminal.lines()[2]).toContain('IN_PROGRESS');
		expect(console_.terminal.lines()[3]).toMatch(/^● live {2}follow on {2}\d+ lines/);
		const before = fleet.state().logs[buildId].lines.length;
		await console_.settle(120_000);
		const after = fleet.state().logs[buildId].lines.length;
		expect(after).toBeGreaterThan(before);
		expect(console_.terminal.text()).toContain(fleet.state().logs[buildId].lines.at(-1)!.message.trim().slice(0, 50));
		await console_.terminal.press('k');
		expect(console_.terminal.lines()[3]).toMatch(/follow off/);
		const top = console_.terminal.lines()[4];
		await console_.settle(120_000);
		expect(console_.terminal.lines()[4]).toBe(top);
		await console_.terminal.press('f');
		expect(console_.terminal.lines()[3]).toMatch(/follow on/);
		expect(console_.terminal.text()).toContain(fleet.state().logs[buildId].lines.at(-1)!.message.trim().slice(0, 50));
		console_.close();
	});

	test('l on an action without a build log shows its summary instead', async () => {
		const console_ = openConsole(fleet, {columns: 120, rows: 30});
		await console_.settle(0);
		await console_.terminal.press('enter');
		await console_.settle();
		await console_.terminal.press('l');
		await console_.settle();
		const text = console_.terminal.text();
		expect(console_.terminal.lines()[2]).toBe('Action Source/Source');
		expect(text).toContain('provider: CodeCommit');
		expect(text).toContain('This action has no build log: only CodeBuild actions do.');
		console_.close();
	});
});
