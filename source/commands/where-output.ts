/**
 * How `pipetop where REV` prints: a text block per pipeline for people, one JSON document for
 * scripts (schema in docs/status-json.md, "pipetop where --json"). Fields are always present
 * (null when unknown); times are ISO 8601.
 */

import {toneGlyph} from '../format/status.js';
import {revisionHeadline, stageRows} from '../format/revision-rows.js';
import type {CarryingExecution, PipelineRevision, RevisionReport} from '../store/revisions/report.js';
import type {SourceState} from '../store/types.js';

const WHERE_SCHEMA_VERSION = 1;

const iso = (time: number | undefined): string | null => (time === undefined ? null : new Date(time).toISOString());
const orNull = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

function executionJson(execution: CarryingExecution) {
	const {reach} = execution;
	return {
		executionId: execution.executionId,
		status: execution.status,
		match: execution.match,
		revisionId: orNull(execution.revisionId),
		revisionSummary: orNull(execution.revisionSummary),
		startTime: iso(execution.startTime),
		lastUpdateTime: iso(execution.lastUpdateTime),
		furthestStage: orNull(reach.stage),
		furthestStageIndex: reach.stageIndex >= 0 ? reach.stageIndex : null,
		stageStatus: orNull(reach.stageStatus),
		waitingFor: orNull(reach.waitingFor),
		at: iso(reach.at),
		known: reach.known,
	};
}

function pipelineJson(pipeline: PipelineRevision) {
	return {
		key: pipeline.key,
		name: pipeline.name,
		profile: pipeline.profile,
		region: pipeline.region,
		accountId: orNull(pipeline.accountId),
		furthest: executionJson(pipeline.furthest),
		executions: pipeline.executions.map(executionJson),
		moreExecutions: pipeline.moreExecutions,
		stages: pipeline.stages.map(stage => ({
			name: stage.stage,
			status: orNull(stage.status),
			executionId: orNull(stage.executionId),
			revisionId: orNull(stage.revisionId),
			revisionSummary: orNull(stage.revisionSummary),
			carriesRevision: stage.carries,
			known: stage.known,
		})),
	};
}

export type WhereDocument = ReturnType<typeof whereDocument>;

export function whereDocument(report: RevisionReport, failed: SourceState[], now: number, loaded: boolean) {
	return {
		schemaVersion: WHERE_SCHEMA_VERSION,
		generatedAt: new Date(now).toISOString(),
		revision: report.query,
		/** Every pipeline's history was read and nothing more was wanted. */
		complete: loaded && report.wanted.length === 0 && failed.length === 0,
		searched: report.searched,
		historyRead: report.read,
		pipelines: report.pipelines.map(pipelineJson),
		failedSources: failed.map(source => ({key: source.key, code: source.error?.code ?? null, message: source.error?.message ?? 'no answer'})),
	};
}

function table(rows: string[][], indent: string): string[] {
	const widths = rows[0].map((_, column) => Math.max(...rows.map(row => row[column].length)));
	return rows.map(row => indent + row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd());
}

export function whereText(report: RevisionReport, failed: SourceState[], now: number, ascii: boolean): string {
	const lines: string[] = [];
	const found = report.pipelines.length;
	lines.push(`${report.query}: ${found === 0 ? 'in none' : `in ${found}`} of ${report.searched} pipelines${report.read < report.searched ? ` (history read for ${report.read})` : ''}`);
	for (const pipeline of report.pipelines) {
		const head = revisionHeadline(pipeline, now);
		lines.push('', `${head.pipeline}  ${head.place}`);
		const more = pipeline.moreExecutions + pipeline.executions.length - 1;
		lines.push(`  ${toneGlyph(head.tone, ascii)} ${head.stage}  ${head.status}  ${head.ago} ago  execution ${head.execution}  ${head.revision} ${head.message}${more > 0 ? `  (+${more} more executions)` : ''}`.trimEnd());
		// `=>` marks the stages whose last run carries the revision: what is where.
		lines.push(...table(stageRows(pipeline).map(row => [row.carries ? '=>' : '  ', row.stage, toneGlyph(row.tone, ascii), row.revision, row.message]), '  '));
	}
	for (const source of failed) lines.push('', `${source.key}: FAILED ${source.error ? `${source.error.code}: ${source.error.message}` : 'no answer yet'}`);
	return `${lines.join('\n')}\n`;
}
