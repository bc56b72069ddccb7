/**
 * paint()'s style changes, worked out once. A row is ~20 segments, and each one used to build
 * the codes it needs, the transition from the codes in force and the codes in force after it:
 * ~18 KB of short-lived arrays a row, ~1 MB a fleet frame painted from scratch (every second,
 * when ages move), most of a frame's garbage. The styles a console paints are few, so each
 * state (the codes in force, interned by their order) keeps the step to every style asked of it.
 */
import {applyCodes, transition, type SgrCode} from './sgr.js';

export type Step = {text: string; next: StyleState};

export type StyleState = {
	readonly codes: readonly SgrCode[];
	/** The step to each style asked of this state, by the caller's key for that style. */
	readonly steps: Map<number, Step>;
	/** The codes that close everything in force (cached on first use). */
	closing?: string;
};

const states = new Map<string, StyleState>();

function stateOf(codes: readonly SgrCode[]): StyleState {
	// The open code names a code among those painted (a closing code opens nothing it keeps).
	const key = codes.map(code => code.open).join('');
	let state = states.get(key);
	if (!state) {
		state = {codes, steps: new Map()};
		states.set(key, state);
	}
	return state;
}

/** No codes in force: where every line starts. */
export const plainState: StyleState = stateOf([]);

/**
 * The step from `state` to the style `key` stands for; `target` gives that style's codes (over
 * the line's base) the first time it is asked.
 */
export function stepTo(state: StyleState, key: number, target: () => SgrCode[]): Step {
	let step = state.steps.get(key);
	if (!step) {
		const change = transition(state.codes, target());
		step = {text: change.text, next: stateOf(applyCodes(state.codes, change.codes))};
		state.steps.set(key, step);
	}
	return step;
}

/** The codes that end every style in force. */
export function closingOf(state: StyleState): string {
	state.closing ??= transition(state.codes, []).text;
	return state.closing;
}
