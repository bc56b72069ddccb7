/**
 * `o` and `y` on what is selected, through the real engine on the embedded service: the links
 * are the AWS console's, shown whole and clickable (OSC 8), and a copy reaches the terminal as
 * an OSC 52 sequence with the value in base64 (wrapped for tmux's passthrough inside tmux).
 */
import {expect, test} from 'vitest';
import type {PipelineEntry} from '../../../source/store/types.js';
import {displayWidth} from '../../../source/ui/render/text.js';
import {demoFleet} from './demo-fleet.js';
import {openConsole, openPipeline} from '../open-console.js';

const demo = demoFleet();

const byName = (name: string): PipelineEntry => Object.values(demo.fleet.state().pipelines).find(entry => entry.name === name)!;
const copied = (raw: readonly string[]) =>
	raw.flatMap(chunk => [...chunk.matchAll(/\u001B\]52;c;([A-Za-z0-9+/=]*)\u0007/g)].map(match => Buffer.from(match[1], 'base64').toString('utf8')));

test('o in the pipeline view: every console link of the selection, whole at 60 columns, each an OSC 8 link; Enter copies it', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 60, rows: 30});
	await openPipeline(console_, 'orders-api-prod');
	const entry = byName('orders-api-prod');
	// The grid opens on the waiting approval; the first action (the source) is the selection here.
	await console_.terminal.press('g', 'o');
	const pipelineUrl = `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/orders-api-prod/view?region=us-east-1`;
	const lines = console_.terminal.lines();
	for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(60);
	expect(lines.join('\n')).toContain('AWS console links');
	// Wrapped, never cut: the pieces put together are the URL.
	expect(lines.map(line => line.trim()).join('')).toContain(pipelineUrl);
	expect(console_.terminal.text()).not.toContain('…');
	expect(console_.terminal.lastFrame()).toMatch(/\u001B\]8;id=pipetop-\d+;https:\/\/us-east-1\.console\.aws\.amazon\.com\/codesuite\/codepipeline\/pipelines\/orders-api-prod\/view\?region=us-east-1\u0007/);
	const executionId = entry.stages[0].executionId!;
	expect(lines.map(line => line.trim()).join('')).toContain(`/pipelines/orders-api-prod/executions/${executionId}/timeline?region=us-east-1`);
	// Up from the first wraps to the last link (the pipeline's); Enter copies it and closes the chooser.
	await console_.terminal.press('up');
	await console_.terminal.press('enter');
	expect(copied(console_.raw)).toEqual([pipelineUrl]);
	expect(console_.terminal.text()).not.toContain('AWS console links');
	expect(console_.terminal.lines().at(-2)).toContain('copied');
	console_.close();
});

test('y in the fleet: a chooser of id, ARN, URLs and commit; Enter writes the chosen one as OSC 52', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 100, rows: 30});
	await openPipeline(console_, 'orders-api-prod');
	await console_.terminal.press('esc');
	await console_.terminal.press('y');
	const text = console_.terminal.text();
	expect(text).toContain('Copy which?');
	expect(text).toContain('pipeline ARN');
	const entry = byName('orders-api-prod');
	const arn = `arn:aws:codepipeline:us-east-1:${entry.accountId}:orders-api-prod`;
	expect(text).toContain(arn);
	// Up from the first wraps to the last (the pipeline's name), then up to the ARN.
	await console_.terminal.press('up', 'up');
	await console_.terminal.press('enter');
	expect(copied(console_.raw)).toEqual([arn]);
	expect(console_.terminal.lines().at(-2)).toContain(`copied pipeline ARN: ${arn}`);
	console_.close();
});

test('inside tmux the copy is sent plain and through tmux passthrough, and Esc closes the chooser copying nothing', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 100, rows: 30, env: {TERM: 'screen-256color', LANG: 'C.UTF-8', TMUX: '/tmp/tmux-1000/default,1,0'}});
	await openPipeline(console_, 'orders-api-prod');
	await console_.terminal.press('y');
	await console_.terminal.press('esc');
	expect(console_.raw).toEqual([]);
	expect(console_.terminal.text()).not.toContain('Copy which?');
	await console_.terminal.press('y');
	await console_.terminal.press('enter');
	const [sequence] = console_.raw;
	const payload = /\u001B\]52;c;([A-Za-z0-9+/=]+)\u0007/.exec(sequence)![1];
	expect(sequence).toContain(`\u001BPtmux;\u001B\u001B]52;c;${payload}\u0007\u001B\\`);
	expect(console_.terminal.lines().at(-2)).toContain('set-clipboard on');
	console_.close();
});

test('? names the config file in use, or the one pipetop would read and that it is absent', {timeout: 60_000}, async () => {
	const inUse = openConsole(demo.fleet, {columns: 120, rows: 30, configFile: {path: '/home/ops/.config/pipetop/config.json', found: true}});
	await inUse.settle(0);
	await inUse.terminal.press('?', 'G');
	expect(inUse.terminal.text()).toContain('Config file: /home/ops/.config/pipetop/config.json');
	expect(inUse.terminal.text()).toContain('docs/config.md');
	inUse.close();
	const absent = openConsole(demo.fleet, {columns: 120, rows: 30, configFile: {path: '/home/ops/.config/pipetop/config.json', found: false}});
	await absent.settle(0);
	await absent.terminal.press('?', 'G');
	expect(absent.terminal.text()).toContain('Config file: /home/ops/.config/pipetop/config.json (not present: defaults apply)');
	absent.close();
});

test('o on a build log: the build\'s console page, from its id and the account', {timeout: 60_000}, async () => {
	const console_ = openConsole(demo.fleet, {columns: 200, rows: 40});
	await openPipeline(console_, 'checkout-web-prod');
	await console_.terminal.press('j', 'l');
	await console_.settle();
	await console_.terminal.waitFor('Build log Build/Build');
	await console_.terminal.press('o');
	const entry = byName('checkout-web-prod');
	const buildId = entry.stages.find(stage => stage.name === 'Build')!.actions.find(action => action.name === 'Build')!.externalExecutionId!;
	const text = console_.terminal.text();
	expect(text).toContain('build URL');
	expect(text).toContain(`https://us-east-1.console.aws.amazon.com/codesuite/codebuild/${entry.accountId}/projects/${buildId.split(':')[0]}/build/${encodeURIComponent(buildId)}?region=us-east-1`);
	console_.close();
});
