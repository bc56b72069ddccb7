/**
 * A bulk plan and its results as lines of text: the pre-flight table (what will be sent where,
 * and what is left out and why) and one result per target. The console's dialog and the headless
 * commands print the same lines.
 */
import type {BulkPlan, BulkRow} from './bulk-plan.js';
import type {BulkResult} from './bulk-run.js';
import {shortId} from './lookup.js';
import type {ActionOutcome} from './types.js';

const headings = ['PROFILE', 'ACCOUNT', 'REGION', 'PIPELINE', 'STAGE', 'EXECUTION'];

function cells(row: BulkRow): string[] {
	const {target} = row;
	const stage = target.actionName ? `${target.stageName}/${target.actionName}` : (target.stageName ?? '-');
	return [target.profile, target.accountId ?? 'unknown', target.region, target.pipelineName, stage, shortId(target.executionId)];
}

/** Columns padded to their widest cell; the last column is left as long as it is. */
function table(rows: string[][]): string[] {
	const widths: number[] = [];
	for (const row of rows) row.slice(0, -1).forEach((cell, index) => (widths[index] = Math.max(widths[index] ?? 0, [...cell].length)));
	return rows.map(row => row.map((cell, index) => (index < row.length - 1 ? cell.padEnd(widths[index]) : cell)).join('  ').trimEnd());
}

function count(n: number, what: string): string {
	return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** The pre-flight table: the targets that will be sent, then those left out with the reason. */
export function preflightLines(plan: BulkPlan): string[] {
	const sent = plan.rows.filter(row => row.excluded === undefined);
	const left = plan.rows.filter(row => row.excluded !== undefined);
	const lines = [`${plan.spec.command}: ${count(sent.length, 'target')} to send, ${left.length} left out`];
	if (sent.length > 0) lines.push(...table([[...headings, 'SENDS'], ...sent.map(row => [...cells(row), row.sends])]));
	if (left.length > 0) {
		lines.push('Left out (nothing is sent to these):');
		lines.push(...table([[...headings, 'WHY'], ...left.map(row => [...cells(row), row.excluded ?? ''])]));
	}
	return lines;
}

const outcomeWords: Record<ActionOutcome, string> = {
	done: 'done',
	refused: 'refused',
	failed: 'failed',
	unknown: 'unknown',
	blocked: 'left out',
};

/** A bulk run counts as failed when any target it sent to was not done. */
export function bulkFailed(results: readonly BulkResult[]): boolean {
	return results.some(({row, result}) => row.excluded === undefined && result.outcome !== 'done');
}

/** One line per target: what became of it and why, in the layer's own words. */
export function resultLines(results: readonly BulkResult[]): string[] {
	const done = results.filter(item => item.result.outcome === 'done').length;
	const sent = results.filter(item => item.row.excluded === undefined).length;
	const lines = [`${done} of ${count(sent, 'target')} done${results.length > sent ? `, ${results.length - sent} left out` : ''}`];
	const rows = results.map(({row, result}) => [outcomeWords[result.outcome], ...cells(row), result.message]);
	lines.push(...table([['RESULT', ...headings, 'MESSAGE'], ...rows]));
	return lines;
}
