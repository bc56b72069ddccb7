/**
 * A stage's conditions (V2) in the pipeline view, one line each above the stage: which
 * condition, its status, and its rules', e.g. "entry condition InProgress: BusinessHours
 * InProgress". An entry condition in progress is what holds an execution at the stage's door.
 */
import type {StageConditionView, StageView} from '../../store/types.js';
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

export function conditionLines(stage: StageView, width: number, theme: Theme): Line[] {
	return stage.conditions.flatMap(condition => {
		const tone = conditionTone(condition.status);
		const rules = condition.rules.map(rule => `${rule.name} ${rule.status ?? '?'}${rule.summary ? ` (${firstLine(rule.summary)})` : ''}`).join(', ');
		const summary = condition.summary ? ` — ${firstLine(condition.summary)}` : '';
		const text = `${condition.status ?? 'unknown'}${rules ? `: ${rules}` : ''}${summary}`;
		return labelled(1, `${glyph(tone, theme)} ${names[condition.type]} `, text, width, {color: toneColor(tone)}, 2);
	});
}
