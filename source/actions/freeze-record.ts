/**
 * What `freeze` did, so `unfreeze` undoes exactly that: the inbound transitions pipetop disabled,
 * and those it found already disabled by someone else (which unfreeze leaves alone). One JSON
 * file beside the audit log: $XDG_STATE_HOME/pipetop/freeze.json (the demo has its own).
 */
import {mkdir, readFile, rename, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import type {PipelineKey} from '../store/types.js';
import {auditLogPath} from './audit.js';
import type {BulkResult} from './bulk-run.js';

export type FrozenTransition = {
	pipelineKey: PipelineKey;
	profile: string;
	account?: string;
	region: string;
	pipeline: string;
	stage: string;
	/** The freeze's reason (for those pipetop disabled), or the other person's. */
	reason?: string;
	/** Who disabled it, when someone else did. */
	by?: string;
	/** ISO 8601, UTC: when pipetop saw it. */
	at: string;
};

export type FreezeRecord = {frozen: FrozenTransition[]; alreadyDisabled: FrozenTransition[]};

export function emptyFreezeRecord(): FreezeRecord {
	return {frozen: [], alreadyDisabled: []};
}

export function freezeRecordPath(env: NodeJS.ProcessEnv, demo = false): string {
	return join(dirname(auditLogPath(env)), demo ? 'freeze-demo.json' : 'freeze.json');
}

export class FreezeRecordError extends Error {
	override readonly name = 'FreezeRecordError';
}

function isRecord(value: unknown): value is FreezeRecord {
	const candidate = value as Partial<FreezeRecord> | undefined;
	return Array.isArray(candidate?.frozen) && Array.isArray(candidate?.alreadyDisabled);
}

/** The record, or an empty one when there is none yet; a damaged file is an error that names it. */
export async function readFreezeRecord(path: string): Promise<FreezeRecord> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyFreezeRecord();
		throw new FreezeRecordError(`cannot read ${path}: ${(error as Error).message}`);
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}
	if (!isRecord(parsed)) throw new FreezeRecordError(`${path} is not a freeze record pipetop wrote (move it away to start afresh)`);
	return parsed;
}

/** Written whole to a temporary file, then renamed: a crash never leaves half a record. */
export async function writeFreezeRecord(path: string, record: FreezeRecord): Promise<void> {
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	const temporary = `${path}.${process.pid}.tmp`;
	await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`, {encoding: 'utf8', mode: 0o600});
	await rename(temporary, path);
}

const sameTransition = (a: Pick<FrozenTransition, 'pipelineKey' | 'stage'>, b: Pick<FrozenTransition, 'pipelineKey' | 'stage'>) =>
	a.pipelineKey === b.pipelineKey && a.stage === b.stage;

function transitionOf(item: BulkResult, at: string, reason: string | undefined, by?: string): FrozenTransition {
	const {target} = item.row;
	return {
		pipelineKey: target.pipelineKey,
		profile: target.profile,
		...(target.accountId ? {account: target.accountId} : {}),
		region: target.region,
		pipeline: target.pipelineName,
		stage: target.stageName ?? '',
		...(reason ? {reason} : {}),
		...(by ? {by} : {}),
		at,
	};
}

/** After a freeze: what pipetop disabled, and what was disabled already by someone else. */
export function recordFreeze(record: FreezeRecord, results: readonly BulkResult[], at: string, reason: string): FreezeRecord {
	const frozen = [...record.frozen];
	const alreadyDisabled = [...record.alreadyDisabled];
	for (const item of results) {
		if (!item.row.target.stageName) continue;
		const transition = item.row.alreadyDisabled
			? transitionOf(item, at, item.row.alreadyDisabled.reason, item.row.alreadyDisabled.by)
			: item.result.outcome === 'done'
				? transitionOf(item, at, reason)
				: undefined;
		if (!transition) continue;
		// One that pipetop froze earlier is still pipetop's, not someone else's.
		if (frozen.some(entry => sameTransition(entry, transition))) continue;
		const list = item.row.alreadyDisabled ? alreadyDisabled : frozen;
		if (!list.some(entry => sameTransition(entry, transition))) list.push(transition);
	}
	return {frozen, alreadyDisabled};
}

/**
 * After an unfreeze: the transitions enabled (or found enabled by someone else) are pipetop's no
 * longer; those that failed stay, for the next unfreeze. Once nothing is frozen, the others are
 * forgotten too: they were only remembered to be left alone.
 */
export function recordUnfreeze(record: FreezeRecord, results: readonly BulkResult[]): FreezeRecord {
	const released = results.filter(item => item.result.outcome === 'done' || item.row.excluded === 'already enabled').map(item => item.row.target);
	const frozen = record.frozen.filter(entry => !released.some(target => target.pipelineKey === entry.pipelineKey && target.stageName === entry.stage));
	return {frozen, alreadyDisabled: frozen.length === 0 ? [] : record.alreadyDisabled};
}

/** The stages pipetop froze, by pipeline: what unfreeze enables. */
export function frozenStages(record: FreezeRecord): Record<PipelineKey, string[]> {
	const stages: Record<PipelineKey, string[]> = {};
	for (const entry of record.frozen) (stages[entry.pipelineKey] ??= []).push(entry.stage);
	return stages;
}
