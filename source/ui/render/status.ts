/**
 * Statuses as glyph + colour + word. The glyph carries the meaning on its own, so the console
 * reads the same without colour (NO_COLOR, screenshots, colour-blind users).
 */
import type {
	ActionStatus,
	ActionView,
	Attention,
	PipelineEntry,
	PipelineExecutionStatus,
	SourceHealth,
	StageStatus,
	StageView,
} from '../../store/types.js';
import type {Color, Segment, Theme} from './theme.js';

export type Tone =
	| 'ok'
	| 'failed'
	| 'running'
	| 'approval'
	| 'stopped'
	| 'cancelled'
	| 'superseded'
	| 'skipped'
	| 'stale'
	| 'none';

const glyphs: Record<Tone, {unicode: string; ascii: string; color?: Color}> = {
	ok: {unicode: '✓', ascii: '+', color: 'green'},
	failed: {unicode: '✗', ascii: 'x', color: 'red'},
	running: {unicode: '●', ascii: '*', color: 'cyan'},
	approval: {unicode: '‖', ascii: '?', color: 'yellow'},
	stopped: {unicode: '■', ascii: '#', color: 'magenta'},
	cancelled: {unicode: '⊘', ascii: '/', color: 'gray'},
	superseded: {unicode: '↷', ascii: '>', color: 'gray'},
	skipped: {unicode: '»', ascii: '-', color: 'gray'},
	stale: {unicode: '~', ascii: '~', color: 'yellow'},
	none: {unicode: '·', ascii: '.', color: 'gray'},
};

export function glyph(tone: Tone, theme: Theme): string {
	return theme.ascii ? glyphs[tone].ascii : glyphs[tone].unicode;
}

export function toneColor(tone: Tone): Color | undefined {
	return glyphs[tone].color;
}

/** A glyph as a coloured segment. */
export function glyphSegment(tone: Tone, theme: Theme): Segment {
	return {text: glyph(tone, theme), color: toneColor(tone)};
}

export function executionTone(status: PipelineExecutionStatus | StageStatus | ActionStatus | undefined): Tone {
	switch (status) {
		case 'Succeeded':
			return 'ok';
		case 'Failed':
			return 'failed';
		case 'InProgress':
			return 'running';
		case 'Stopped':
		case 'Stopping':
			return 'stopped';
		case 'Cancelled':
		case 'Abandoned':
			return 'cancelled';
		case 'Superseded':
			return 'superseded';
		case 'Skipped':
			return 'skipped';
		default:
			return 'none';
	}
}

export function attentionTone(attention: Attention): Tone {
	switch (attention) {
		case 'failed':
			return 'failed';
		case 'approval':
			return 'approval';
		case 'running':
			return 'running';
		case 'idle':
			return 'ok';
		default:
			return 'none';
	}
}

export function healthTone(health: SourceHealth): Tone {
	switch (health) {
		case 'ok':
			return 'ok';
		case 'failed':
			return 'failed';
		case 'stale':
			return 'stale';
		default:
			return 'running';
	}
}

/** Whether an action is a manual approval waiting for a decision (a token, or an Approval in PARALLEL mode). */
export function isWaitingApproval(action: ActionView): boolean {
	return action.status === 'InProgress' && (action.token !== undefined || action.category === 'Approval');
}

/** An approval action of this stage that waits for a decision. */
export function waitingApproval(stage: StageView): ActionView | undefined {
	return stage.actions.find(isWaitingApproval);
}

/** A stage's tone, with a waiting approval shown as such rather than as "running". */
export function stageTone(stage: StageView): Tone {
	if (stage.status === 'InProgress' && waitingApproval(stage)) return 'approval';
	return executionTone(stage.status);
}

/**
 * The word for a pipeline's state in the fleet: the latest execution's status, or "Approval".
 * Until the execution summary is read, the state's own verdict (failed, running) stands in.
 */
export function pipelineStatusWord(entry: PipelineEntry): string {
	if (entry.attention === 'approval') return 'Approval';
	if (entry.latestExecution) return entry.latestExecution.status;
	if (entry.attention === 'failed') return 'Failed';
	if (entry.attention === 'running') return 'InProgress';
	const ran = entry.stages.some(stage => stage.status !== undefined);
	return entry.attention === 'unknown' || ran ? 'loading' : 'never run';
}

/** The tone matching pipelineStatusWord. */
export function pipelineTone(entry: PipelineEntry): Tone {
	if (entry.attention === 'approval') return 'approval';
	if (entry.latestExecution) return executionTone(entry.latestExecution.status);
	if (entry.attention === 'failed') return 'failed';
	if (entry.attention === 'running') return 'running';
	return 'none';
}
