/**
 * The one status vocabulary: each status as a tone with its glyph (Unicode, and the ASCII
 * fallback for TERM=dumb and non-UTF-8 locales), its colour name and its word. The console, the
 * headless text (`pipetop status`) and the ASCII fallback all read this table, so a glyph means
 * the same everywhere. The glyph carries the meaning on its own, so the console reads the same
 * without colour (NO_COLOR, screenshots, colour-blind users). UI-free: no theme, no React.
 */
import {waitingApproval} from '../store/attention.js';
import type {
	ActionStatus,
	PipelineEntry,
	PipelineExecutionStatus,
	SourceHealth,
	StageStatus,
	StageView,
} from '../store/types.js';

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

/** A terminal's 16 colours, by name. */
export type ToneColor = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'gray' | 'white';

/** `?` would read as the help key: a waiting approval is `!` in ASCII. */
export const toneGlyphs: Readonly<Record<Tone, {unicode: string; ascii: string; color?: ToneColor}>> = {
	ok: {unicode: '✓', ascii: '+', color: 'green'},
	failed: {unicode: '✗', ascii: 'x', color: 'red'},
	running: {unicode: '●', ascii: '*', color: 'cyan'},
	approval: {unicode: '‖', ascii: '!', color: 'yellow'},
	stopped: {unicode: '■', ascii: '#', color: 'magenta'},
	cancelled: {unicode: '⊘', ascii: '/', color: 'gray'},
	superseded: {unicode: '↷', ascii: '>', color: 'gray'},
	skipped: {unicode: '»', ascii: '-', color: 'gray'},
	stale: {unicode: '~', ascii: '~', color: 'yellow'},
	none: {unicode: '·', ascii: '.', color: 'gray'},
};

/**
 * Whether glyphs must be ASCII: a dumb terminal, or an explicit non-UTF-8 locale (C, POSIX,
 * latin1), where tmux and many terminals mangle symbols; PIPETOP_ASCII=1 asks for it.
 */
export function wantsAscii(env: Record<string, string | undefined>): boolean {
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
	const nonUtf8Locale = locale !== undefined && locale !== '' && !/utf-?8/i.test(locale);
	return env.TERM === 'dumb' || nonUtf8Locale || env.PIPETOP_ASCII === '1';
}

/** The glyph of a tone, Unicode or ASCII. */
export function toneGlyph(tone: Tone, ascii: boolean): string {
	return ascii ? toneGlyphs[tone].ascii : toneGlyphs[tone].unicode;
}

const executionTones: Readonly<Record<PipelineExecutionStatus | StageStatus | ActionStatus, Tone>> = {
	Succeeded: 'ok',
	Failed: 'failed',
	InProgress: 'running',
	Stopped: 'stopped',
	Stopping: 'stopped',
	Cancelled: 'cancelled',
	Abandoned: 'cancelled',
	Superseded: 'superseded',
	Skipped: 'skipped',
};

export function executionTone(status: PipelineExecutionStatus | StageStatus | ActionStatus | undefined): Tone {
	return (status && executionTones[status]) ?? 'none';
}

/** A source still loading reads as running. */
export function healthTone(health: SourceHealth): Tone {
	return health === 'ok' || health === 'failed' || health === 'stale' ? health : 'running';
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
