/**
 * What `o` (links) and `y` (copy) act on: the console URLs, ARNs, ids and commits of what is
 * selected, most specific first (the action before its execution before its pipeline), so the
 * first is the one a person most likely wants.
 */
import type {ActionExecutionView, ActionView, FleetState, PipelineEntry} from '../../store/types.js';
import {buildArn, buildConsoleUrl, executionConsoleUrl, pipelineArn, pipelineConsoleUrl} from '../../format/console-url.js';
import {executionRuns, executionSummary} from './fleet-queries.js';
import type {Selection} from './selection.js';
import type {ViewEntry} from '../views/registry.js';

export type TargetKind = 'url' | 'arn' | 'id' | 'commit';

/** One thing to open or copy: what it is ("build URL") and its whole value. */
export type Target = {kind: TargetKind; label: string; value: string};

function buildTargets(entry: PipelineEntry, buildId: string): Target[] {
	const region = entry.region;
	const out: Target[] = [];
	const url = buildConsoleUrl(region, entry.accountId, buildId);
	if (url) out.push({kind: 'url', label: 'build URL', value: url});
	const arn = buildArn(region, entry.accountId, buildId);
	if (arn) out.push({kind: 'arn', label: 'build ARN', value: arn});
	out.push({kind: 'id', label: 'build id', value: buildId});
	return out;
}

/** The action's own links, as AWS gives them (a build, a stack's events, a deployment). */
function actionTargets(entry: PipelineEntry, action: ActionView | undefined, run: ActionExecutionView | undefined): Target[] {
	const out: Target[] = [];
	const provider = run?.provider ?? action?.provider;
	const externalUrl = run?.externalExecutionUrl ?? action?.externalExecutionUrl;
	const externalId = run?.externalExecutionId ?? action?.externalExecutionId;
	if (externalUrl) out.push({kind: 'url', label: `${provider ?? 'action'} run URL`, value: externalUrl});
	if (action?.entityUrl) out.push({kind: 'url', label: `${provider ?? 'action'} resource URL`, value: action.entityUrl});
	if (provider === 'CodeBuild' && externalId) out.push(...buildTargets(entry, externalId).filter(target => target.value !== externalUrl));
	else if (externalId) out.push({kind: 'id', label: `${provider ?? 'action'} run id`, value: externalId});
	if (action?.currentRevision) out.push({kind: 'commit', label: `${action.name} revision`, value: action.currentRevision});
	const stack = (run?.configuration ?? action?.configuration)?.StackName;
	if (provider === 'CloudFormation' && stack) out.push({kind: 'id', label: 'stack name', value: stack});
	return out;
}

function executionTargets(entry: PipelineEntry, executionId: string, state: FleetState): Target[] {
	const out: Target[] = [
		{kind: 'url', label: 'execution URL', value: executionConsoleUrl(entry.region, entry.name, executionId)},
		{kind: 'id', label: 'execution id', value: executionId},
	];
	for (const revision of executionSummary(state, entry.key, executionId)?.sourceRevisions ?? []) {
		if (revision.revisionId) out.push({kind: 'commit', label: `commit (${revision.actionName})`, value: revision.revisionId});
		if (revision.revisionUrl) out.push({kind: 'url', label: `commit URL (${revision.actionName})`, value: revision.revisionUrl});
	}
	return out;
}

function pipelineTargets(entry: PipelineEntry): Target[] {
	const out: Target[] = [{kind: 'url', label: 'pipeline URL', value: pipelineConsoleUrl(entry.region, entry.name)}];
	const arn = pipelineArn(entry.region, entry.accountId, entry.name);
	if (arn) out.push({kind: 'arn', label: 'pipeline ARN', value: arn});
	out.push({kind: 'id', label: 'pipeline name', value: entry.name});
	return out;
}

/** Every target of the selection in the view on top, without repeats. */
export function targetsFor(top: ViewEntry, selection: Selection, state: FleetState): Target[] {
	const entry = selection.pipelineKey ? state.pipelines[selection.pipelineKey] : undefined;
	if (!entry) return [];
	const out: Target[] = [];
	if (top.kind === 'logs' && top.buildId) out.push(...buildTargets(entry, top.buildId));
	if (selection.stageName && selection.actionName && top.kind !== 'history' && top.kind !== 'definition') {
		const action = entry.stages.find(stage => stage.name === selection.stageName)?.actions.find(each => each.name === selection.actionName);
		const run = selection.executionId && selection.actionExecutionId
			? executionRuns(state, entry.key, selection.executionId).find(each => each.actionExecutionId === selection.actionExecutionId)
			: undefined;
		out.push(...actionTargets(entry, action, run));
	}
	if (selection.executionId) out.push(...executionTargets(entry, selection.executionId, state));
	out.push(...pipelineTargets(entry));
	const seen = new Set<string>();
	return out.filter(target => !seen.has(target.value) && Boolean(seen.add(target.value)));
}
