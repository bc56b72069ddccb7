/**
 * A stage's conditions (V2) in the pipeline view, one line each above the stage: which
 * condition, its status, and its rules', e.g. "entry condition InProgress: BusinessHours
 * InProgress". An entry condition in progress is what holds an execution at the stage's door.
 * Under it, once ListRuleExecutions was read, each rule's latest results: what it found, and when.
 */
import type {RuleResultView} from '../../store/rule-types.js';
import type {StageConditionView, StageView} from '../../store/types.js';
import {formatAgo} from '../../format/time.js';
import {labelled, type Line} from './lines.js';
import {glyph, toneColor} from './status.js';
import {executionTone, type Tone} from '../../format/status.js';
import {firstLine} from './text.js';
import type {Theme} from './theme.js';

const names: Record<StageConditionView['type'], string> = {
	BEFORE_ENTRY: 'entry condition',
	ON_SUCCESS: 'success condition',
	ON_FAILURE: 'failure condition',
};

function conditionTone(status: string | undefined): Tone {
	if (status === 'Overridden') return 'skipped';
	if (status === 'Errored') return 'failed';
	return executionTone(status as Parameters<typeof executionTone>[0]);
}

/** Results shown per rule: the latest in full, a few before it by status and time. */
const RESULTS_PER_RULE = 3;

function when(at: number | undefined, now: number): string {
	const ago = formatAgo(at, now);
	return ago === '' ? 'at an unknown time' : ago === 'now' ? 'just now' : `${ago} ago`;
}

/** "Succeeded 2m ago — in the window; before: Failed 9m ago, Failed 20m ago", newest first. */
function ruleResultLines(stage: StageView, ruleName: string, results: readonly RuleResultView[], width: number, now: number): Line[] {
	const mine = results
		.filter(result => result.stageName === stage.name && result.ruleName === ruleName)
		.sort((one, two) => (two.at ?? 0) - (one.at ?? 0))
		.slice(0, RESULTS_PER_RULE);
	const [latest, ...before] = mine;
	if (!latest) return [];
	const summary = latest.summary ? ` — ${firstLine(latest.summary)}` : '';
	const earlier = before.length > 0 ? `; before: ${before.map(result => `${result.status ?? '?'} ${when(result.at, now)}`).join(', ')}` : '';
	const tone = conditionTone(latest.status);
	return labelled(5, `${ruleName} `, `${latest.status ?? '?'} ${when(latest.at, now)}${summary}${earlier}`, width, {color: toneColor(tone)}, 2);
}

export function conditionLines(stage: StageView, width: number, theme: Theme, now = 0, results: readonly RuleResultView[] = []): Line[] {
	return stage.conditions.flatMap(condition => {
		const tone = conditionTone(condition.status);
		const rules = condition.rules.map(rule => `${rule.name} ${rule.status ?? '?'}${rule.summary ? ` (${firstLine(rule.summary)})` : ''}`).join(', ');
		const summary = condition.summary ? ` — ${firstLine(condition.summary)}` : '';
		const text = `${condition.status ?? 'unknown'}${rules ? `: ${rules}` : ''}${summary}`;
		const head = labelled(1, `${glyph(tone, theme)} ${names[condition.type]} `, text, width, {color: toneColor(tone)}, 2);
		return [...head, ...condition.rules.flatMap(rule => ruleResultLines(stage, rule.name, results, width, now))];
	});
}
