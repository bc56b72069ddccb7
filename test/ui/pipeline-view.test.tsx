import {describe, expect, test} from 'vitest';
import type {PipelineEntry} from '../../source/store/types.js';
import {displayWidth} from '../../source/ui/render/text.js';
import {loadedFleetPerFile} from '../helpers/fleet-per-file.js';
import {openConsole, type OpenConsole} from './open-console.js';

const fleet = loadedFleetPerFile({scenario: 'demo'});

const byName = (name: string): PipelineEntry => Object.values(fleet().state().pipelines).find(entry => entry.name === name)!;

async function openPipeline(console_: OpenConsole, name: string): Promise<void> {
	await console_.settle(0);
	await console_.terminal.press(':');
	await console_.terminal.type(`pipeline ${name}`);
	await console_.terminal.press('enter');
	await console_.settle();
}

describe('pipeline view', () => {
	test.each([
		[80, 24],
		[200, 50],
	])('at %ix%i: stages in order, parallel actions side by side, type and mode', async (columns, rows) => {
		const console_ = openConsole(fleet(), {columns, rows});
		await openPipeline(console_, 'orders-api-prod');
		// The grid opens on the approval waiting; the top shows the header.
		await console_.terminal.press('g');
		const lines = console_.terminal.lines();
		expect(lines).toHaveLength(rows);
		for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
		expect(lines[2]).toBe('orders-api-prod  V2 · QUEUED mode · v1  prod (471120983365) us-east-1');
		expect(lines[3]).toMatch(/^‖ Approval [0-9a-f]{8} {2}/);
		const stageLines = lines.slice(2).filter(line => /^[✓✗●‖·■] \S+ {2}/.test(line)).map(line => line.split(' ')[1]);
		const stages = byName('orders-api-prod').stages.map(stage => stage.name);
		expect(stages.slice(0, stageLines.length)).toEqual(stageLines);
		// Build runs Compile, UnitTests and Lint in parallel: on one line when there is room.
		const parallel = lines.find(line => line.includes('Compile'))!;
		expect(parallel).toContain('UnitTests');
		if (columns >= 100) expect(parallel).toContain('Lint');
		expect(lines.find(line => line.includes('Package'))).not.toContain('Compile');
		expect(lines.at(-1)).toContain('a approve');
		console_.close();
	});

	test('an approval shows its note and review URL, and the executions waiting in front of it', async () => {
		const console_ = openConsole(fleet(), {columns: 200, rows: 50});
		await openPipeline(console_, 'orders-api-prod');
		await console_.terminal.press('G');
		const text = console_.terminal.text();
		expect(text).toContain('waiting for approval: Review');
		expect(text).toContain('review: https://grafana.acme.example/d/orders-api/release?var-env=prod');
		expect(text).toMatch(/waiting to enter: [0-9a-f]{8} \(InProgress\)/);
		expect(console_.terminal.lines().at(-2)).toMatch(/^action (\d+)\/\1$/);
		console_.close();
	});

	test('a disabled transition shows its reason and who disabled it', async () => {
		const console_ = openConsole(fleet(), {columns: 160, rows: 50});
		await openPipeline(console_, 'billing-reports-prod');
		const transition = byName('billing-reports-prod').stages.find(stage => !stage.inboundTransition.enabled)!.inboundTransition;
		expect(console_.terminal.text()).toContain(`inbound transition disabled: Change freeze until the quarter close (FIN-2291) (by ${transition.lastChangedBy}`);
		console_.close();
	});

	test('a failed action shows its error message', async () => {
		const failed = Object.values(fleet().state().pipelines).find(
			entry => entry.attention === 'failed' && entry.stages.some(stage => stage.actions.some(action => action.status === 'Failed' && action.errorMessage)),
		)!;
		const action = failed.stages.flatMap(stage => stage.actions).find(each => each.status === 'Failed' && each.errorMessage)!;
		const console_ = openConsole(fleet(), {columns: 200, rows: 60});
		await openPipeline(console_, failed.name);
		expect(console_.terminal.text()).toContain(`✗ ${action.name}`);
		expect(console_.terminal.text()).toContain(action.errorMessage!.slice(0, 40));
		console_.close();
	});

	test('j/k walk the actions and the grid scrolls under its header to keep the selected one in view', async () => {
		const console_ = openConsole(fleet(), {columns: 80, rows: 24});
		await openPipeline(console_, 'orders-api-prod');
		const ids = byName('orders-api-prod').stages.flatMap(stage => stage.actions.map(action => action.name));
		await console_.terminal.press('G');
		expect(console_.terminal.text()).toContain(`›· ${ids.at(-1)}`);
		expect(console_.terminal.lines().at(-3)).toMatch(/│ {3}ECS not run/);
		// The stages scroll under the header: it stays on top, saying whose grid this is.
		expect(console_.terminal.lines()[2]).toContain('orders-api-prod  V2');
		const firstStage = byName('orders-api-prod').stages[0].name;
		expect(console_.terminal.lines().some(line => line.startsWith(`✓ ${firstStage}  `))).toBe(false);
		await console_.terminal.press('g');
		expect(console_.terminal.lines()[2]).toContain('orders-api-prod  V2');
		await console_.terminal.press('j');
		expect(console_.terminal.lines().at(-2)).toBe(`action 2/${ids.length}`);
		console_.close();
	});

	test('Enter opens the execution detail: artifacts with S3 locations, configuration, summaries', async () => {
		const console_ = openConsole(fleet(), {columns: 160, rows: 50});
		await openPipeline(console_, 'checkout-web-prod');
		await console_.terminal.press('j', 'enter');
		await console_.settle();
		const text = console_.terminal.text();
		const entry = byName('checkout-web-prod');
		expect(text).toContain(entry.stages[1].executionId!);
		expect(text).toMatch(/›✓ Build\/Build {2}CodeBuild {2}Succeeded/);
		expect(text).toMatch(/input: {2}SourceArtifact {2}s3:\/\/codepipeline-us-east-1-471120983365\//);
		expect(text).toMatch(/output: BuildArtifact {2}s3:\/\/codepipeline-us-east-1-471120983365\//);
		expect(text).toContain('config: ProjectName=checkout-web-build');
		expect(text).toContain('Source/Source');
		expect(text).toContain('Deploy/Deploy');
		console_.close();
	});
});
