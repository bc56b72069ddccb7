/** The pure parts behind o, y, ], [, > and the : prompt's Tab and history. */
import {describe, expect, test} from 'vitest';
import {buildConsoleUrl, pipelineArn, pipelineConsoleUrl} from '../../../source/format/console-url.js';
import {stepToFlagged} from '../../../source/ui/model/attention-step.js';
import {nextSort} from '../../../source/ui/model/fleet-sort.js';
import {recallCommand} from '../../../source/ui/model/prompt-history.js';
import {clipboardSequence, hyperlink} from '../../../source/ui/terminal-sequences.js';

describe('addresses', () => {
	test('console URLs and ARNs follow the region\'s partition', () => {
		expect(pipelineConsoleUrl('eu-west-1', 'web')).toBe('https://eu-west-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/web/view?region=eu-west-1');
		expect(pipelineConsoleUrl('cn-north-1', 'web')).toMatch(/^https:\/\/cn-north-1\.console\.amazonaws\.cn\//);
		expect(pipelineArn('us-gov-west-1', '123456789012', 'web')).toBe('arn:aws-us-gov:codepipeline:us-gov-west-1:123456789012:web');
		expect(pipelineArn('us-east-1', undefined, 'web')).toBeUndefined();
		expect(buildConsoleUrl('us-east-1', '123456789012', 'web-build:0b1c')).toBe(
			'https://us-east-1.console.aws.amazon.com/codesuite/codebuild/123456789012/projects/web-build/build/web-build%3A0b1c?region=us-east-1',
		);
	});
});

describe('terminal sequences', () => {
	test('OSC 52 carries the text in base64; inside tmux also through its passthrough, with ESC doubled', () => {
		const payload = Buffer.from('arn:aws:x ✓').toString('base64');
		expect(clipboardSequence('arn:aws:x ✓', {})).toBe(`\u001B]52;c;${payload}\u0007`);
		expect(clipboardSequence('a', {TMUX: '/tmp/t,1,0'})).toBe('\u001B]52;c;YQ==\u0007\u001BPtmux;\u001B\u001B]52;c;YQ==\u0007\u001B\\');
	});

	test('a link is OSC 8 around its text; a URL with control characters is not linked', () => {
		expect(hyperlink('https://x.example/a', 'a', 'id1')).toBe('\u001B]8;id=id1;https://x.example/a\u0007a\u001B]8;;\u0007');
		expect(hyperlink('https://x.example/\u0007evil', 'a')).toBe('a');
	});
});

describe('steps and cycles', () => {
	test('] and [ find the next flagged item either way, wrapping; none when nothing is flagged', () => {
		const flags = [true, false, false, true, false];
		expect(stepToFlagged(flags, 0, 1)).toBe(3);
		expect(stepToFlagged(flags, 3, 1)).toBe(0);
		expect(stepToFlagged(flags, 0, -1)).toBe(3);
		expect(stepToFlagged(flags, 4, -1)).toBe(3);
		expect(stepToFlagged([true], 0, 1)).toBe(0);
		expect(stepToFlagged([false, false], 0, 1)).toBeUndefined();
	});

	test('> cycles attention, age, name, account, region and back', () => {
		const seen = ['attention' as const];
		for (let step = 0; step < 5; step++) seen.push(nextSort(seen.at(-1)!) as never);
		expect(seen).toEqual(['attention', 'age', 'name', 'account', 'region', 'attention']);
	});

	test('the prompt\'s history: up goes older and stops at the oldest; down past the newest is empty', () => {
		const history = ['failed', 'running'];
		expect(recallCommand(history, undefined, 1)).toEqual({text: 'running', index: 0});
		expect(recallCommand(history, 0, 1)).toEqual({text: 'failed', index: 1});
		expect(recallCommand(history, 1, 1)).toEqual({text: 'failed', index: 1});
		expect(recallCommand(history, 0, -1)).toEqual({text: ''});
		expect(recallCommand([], undefined, 1)).toEqual({text: ''});
	});
});
