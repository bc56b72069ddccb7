/**
 * Why an action failed, in one shape for every provider: a headline (the first thing to read at
 * 3 a.m.), detail lines, the events or log lines around the failure and links to the console.
 * The engine's readers (engine/why/) fill it; the cause view and `pipetop why` print it.
 */

import type {SourceError} from './types.js';

export type CauseLine = {
	/** Epoch ms, when the line has a time (log lines, stack events). */
	timestamp?: number;
	text: string;
	/** An error line: the view opens at the first one and `]` goes to the next. */
	error?: boolean;
	/** Inside the failed part (the failed build phase, the failed update): what "failed part only" keeps. */
	failedPart?: boolean;
};

export type Cause = {
	provider: string;
	/** What the lines are: "Build log", "Stack events", "Function log"... */
	linesTitle: string;
	headline: string;
	details: string[];
	lines: CauseLine[];
	links: Array<{label: string; url: string}>;
};

export type CauseState = {loading: boolean; cause?: Cause; error?: SourceError};
