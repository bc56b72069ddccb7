/**
 * The phase plan of a CodeBuild build: when each phase starts and ends. It is a pure function of
 * the build (seed, start, planned end, outcome), so nothing per phase is stored; a stopped build
 * cuts the plan at the moment it was stopped.
 */

import {Rng} from '../random.js';

const PHASES = ['SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING', 'COMPLETED'] as const;
export type PhaseType = (typeof PHASES)[number];
export type PhaseStatus = 'SUCCEEDED' | 'FAILED' | 'STOPPED' | 'IN_PROGRESS';

export type PlannedPhase = {type: PhaseType; start: number; end: number; status: PhaseStatus};

export type PlanInput = {seed: number; startTime: number; plannedEnd: number; outcome: 'SUCCEEDED' | 'FAILED'};

/** Share of the variable part of the build each phase takes (PROVISIONING..POST_BUILD). */
const WEIGHTS: Array<[PhaseType, number]> = [
	['PROVISIONING', 0.12],
	['DOWNLOAD_SOURCE', 0.03],
	['INSTALL', 0.14],
	['PRE_BUILD', 0.14],
	['BUILD', 0.5],
	['POST_BUILD', 0.07],
];

/** The full plan, COMPLETED included (start = end = plannedEnd). */
export function planPhases(input: PlanInput): PlannedPhase[] {
	const rng = new Rng(input.seed ^ 0x5eed);
	const total = Math.max(1000, input.plannedEnd - input.startTime);
	// Fixed-length bookends, shrunk for very short builds so the plan always fits.
	let fixed = [rng.int(300, 900), rng.int(500, 3000), rng.int(1000, 3000), rng.int(1000, 4000)];
	const fixedSum = fixed.reduce((sum, ms) => sum + ms, 0);
	if (fixedSum > total * 0.3) fixed = fixed.map(ms => Math.floor((ms * total * 0.3) / fixedSum));
	const variable = total - fixed.reduce((sum, ms) => sum + ms, 0);
	const jittered = WEIGHTS.map(([type, weight]) => [type, weight * rng.real(0.7, 1.3)] as const);
	const weightSum = jittered.reduce((sum, [, weight]) => sum + weight, 0);

	const lengths = new Map<PhaseType, number>([
		['SUBMITTED', fixed[0]],
		['QUEUED', fixed[1]],
		['UPLOAD_ARTIFACTS', fixed[2]],
		['FINALIZING', fixed[3]],
	]);
	let assigned = 0;
	for (const [type, weight] of jittered) {
		const ms = Math.floor((variable * weight) / weightSum);
		lengths.set(type, ms);
		assigned += ms;
	}
	// Rounding leftovers go to BUILD so the plan ends exactly at plannedEnd.
	lengths.set('BUILD', (lengths.get('BUILD') ?? 0) + variable - assigned);

	const plan: PlannedPhase[] = [];
	let at = input.startTime;
	for (const type of PHASES) {
		if (type === 'COMPLETED') {
			plan.push({type, start: at, end: at, status: 'SUCCEEDED'});
			break;
		}
		const end = at + (lengths.get(type) ?? 0);
		const failed = input.outcome === 'FAILED' && type === 'BUILD';
		plan.push({type, start: at, end, status: failed ? 'FAILED' : 'SUCCEEDED'});
		at = end;
	}
	return plan;
}

/** The plan as it stands at `now`, cut at `stoppedAt` for a stopped build. */
export function phasesAt(plan: PlannedPhase[], now: number, stoppedAt?: number): PlannedPhase[] {
	const visible: PlannedPhase[] = [];
	for (const phase of plan) {
		if (stoppedAt !== undefined && phase.start >= stoppedAt && phase.type !== 'COMPLETED') continue;
		if (phase.type === 'COMPLETED') {
			const end = stoppedAt ?? phase.start;
			if (now >= end) visible.push({...phase, start: end, end});
			break;
		}
		if (phase.start > now) break;
		if (stoppedAt !== undefined && phase.end > stoppedAt) {
			visible.push({...phase, end: stoppedAt, status: 'STOPPED'});
			continue;
		}
		visible.push(phase.end <= now ? phase : {...phase, status: 'IN_PROGRESS'});
	}
	return visible;
}
