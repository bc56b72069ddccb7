/**
 * Runs a bulk plan: each target is one single action, prepared, built and sent through the same
 * action layer as a dialog's confirm (read-only, precheck on the latest state, once-only sends,
 * the audit log, the re-read), one after another, each under its source's request budget.
 */
import type {ActionLayer} from './layer.js';
import type {BulkPlan, BulkRow} from './bulk-plan.js';
import {answersWithDefaults, checkAnswers} from './plan.js';
import type {ActionResult} from './types.js';

export type BulkResult = {row: BulkRow; result: ActionResult};

/** A slot in the source's request budget; the returned function says how the write ended. */
export type WriteSlot = (sourceKey: string) => Promise<(outcome: 'ok' | 'throttle' | 'error') => void>;

export type BulkRunOptions = {
	slot?: WriteSlot;
	/** Each target's result as soon as it is known (the console shows them as they come). */
	onResult?(result: BulkResult, index: number): void;
};

type Layer = Pick<ActionLayer, 'prepare' | 'run' | 'refuse'>;

// One plan, one run: a second confirm (key repeat, a pasted `yy`) gets the first run's promise.
const runs = new WeakMap<BulkPlan, Promise<BulkResult[]>>();

export function runBulk(layer: Layer, plan: BulkPlan, options: BulkRunOptions = {}): Promise<BulkResult[]> {
	let run = runs.get(plan);
	if (!run) {
		run = sendAll(layer, plan, options);
		runs.set(plan, run);
	}
	return run;
}

async function sendAll(layer: Layer, plan: BulkPlan, options: BulkRunOptions): Promise<BulkResult[]> {
	const results: BulkResult[] = [];
	for (const row of plan.rows) {
		const result = row.excluded ? await layer.refuse(row.request, row.excluded, auditParameters(plan)) : await sendUnderBudget(layer, plan, row, options.slot);
		const item = {row, result};
		results.push(item);
		options.onResult?.(item, results.length - 1);
	}
	return results;
}

async function sendUnderBudget(layer: Layer, plan: BulkPlan, row: BulkRow, slot: WriteSlot | undefined): Promise<ActionResult> {
	const release = slot ? await slot(row.target.sourceKey) : undefined;
	let result: ActionResult | undefined;
	try {
		result = await sendOne(layer, plan, row);
		return result;
	} finally {
		release?.(result?.code === 'ThrottlingException' ? 'throttle' : result?.outcome === 'done' ? 'ok' : 'error');
	}
}

function auditParameters(plan: BulkPlan): Record<string, unknown> {
	return {...plan.spec.answers, bulk: true, ...(plan.spec.note ? {note: plan.spec.note} : {})};
}

async function sendOne(layer: Layer, plan: BulkPlan, row: BulkRow): Promise<ActionResult> {
	const prepared = await layer.prepare(row.request);
	if (!prepared.ok) return layer.refuse(row.request, prepared.reason, auditParameters(plan));
	const answers = answersWithDefaults(prepared.plan, plan.spec.answers);
	const problem = checkAnswers(prepared.plan, answers);
	if (problem) return layer.refuse(row.request, problem, auditParameters(plan));
	const intent = prepared.plan.build(answers);
	const parameters = {...intent.parameters, bulk: true, ...(plan.spec.note ? {note: plan.spec.note} : {})};
	return layer.run({...intent, parameters});
}
