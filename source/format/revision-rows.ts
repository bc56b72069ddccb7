/**
 * A revision report (store/revisions) as rows of words, for `pipetop where` and the `:commit`
 * view alike: per pipeline one headline (the furthest stage its commit reached, the status there,
 * how long ago) and one row per stage with the revision it last ran. No layout, no colour.
 */

import type {PipelineRevision, StageRevision} from '../store/revisions/report.js';
import type {PipelineExecutionStatus, StageStatus} from '../store/types.js';
import {commitHeadline} from './commit-message.js';
import {executionTone, type Tone} from './status.js';
import {formatAgo, shortId, shortRevision} from './time.js';

export type RevisionHeadline = {
	pipeline: string;
	/** profile/region, and the account when known. */
	place: string;
	tone: Tone;
	/** The furthest stage reached (or held in front of), "?" while unknown. */
	stage: string;
	status: string;
	ago: string;
	execution: string;
	revision: string;
	message: string;
};

export type StageRow = {stage: string; tone: Tone; revision: string; message: string; carries: boolean};

type AnyStatus = PipelineExecutionStatus | StageStatus;

export function revisionHeadline(pipeline: PipelineRevision, now: number): RevisionHeadline {
	const {furthest} = pipeline;
	const {reach} = furthest;
	const stageStatus = reach.stageStatus ?? furthest.status;
	// A run stopped, superseded or cancelled after a stage it passed says so beside the stage's own word.
	const status = furthest.status !== stageStatus && furthest.status !== 'InProgress' ? `${stageStatus} (${furthest.status})` : stageStatus;
	return {
		pipeline: pipeline.name,
		place: `${pipeline.profile}/${pipeline.region}${pipeline.accountId ? ` ${pipeline.accountId}` : ''}`,
		tone: reach.known ? executionTone(stageStatus as AnyStatus) : 'none',
		stage: reach.stage ? `${reach.stage}${reach.waitingFor ? ` (waiting for ${reach.waitingFor})` : ''}` : '?',
		status: reach.known ? status : 'reading…',
		ago: formatAgo(reach.at ?? furthest.lastUpdateTime, now),
		execution: shortId(furthest.executionId),
		revision: shortRevision(furthest.revisionId),
		message: commitHeadline(furthest.revisionSummary),
	};
}

function stageRow(stage: StageRevision): StageRow {
	return {
		stage: stage.stage,
		tone: executionTone(stage.status as AnyStatus),
		revision: stage.executionId === undefined ? '' : stage.known ? shortRevision(stage.revisionId) : '?',
		message: stage.executionId === undefined ? 'never ran' : stage.known ? commitHeadline(stage.revisionSummary) : 'an older execution',
		carries: stage.carries,
	};
}

export function stageRows(pipeline: PipelineRevision): StageRow[] {
	return pipeline.stages.map(stageRow);
}
