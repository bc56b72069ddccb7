/**
 * GetPipeline and GetPipelineState answers into the store's stage and action views. The
 * definition gives order, categories and runOrder; the state gives what ran last. Either can be
 * missing: a row can show the state before its definition has been read.
 */

import type {GetPipelineCommandOutput, GetPipelineStateCommandOutput} from '../aws/index.js';
import type {ActionStatus, ActionView, PipelineEntry, StageStatus, StageView, TransitionView} from '../store/types.js';
import {mapConditions} from './map-conditions.js';
import {accountFromArn, arrayField, list, ms, num, obj, str, stringMap} from './map-util.js';

type DefinedAction = Pick<ActionView, 'name' | 'category' | 'owner' | 'provider' | 'runOrder' | 'region' | 'configuration' | 'inputArtifacts' | 'outputArtifacts'>;

export type Definition = {
	name?: string;
	version?: number;
	pipelineType?: string;
	executionMode?: string;
	accountId?: string;
	variables: PipelineEntry['variables'];
	stages: Array<{name: string; actions: DefinedAction[]}>;
	/** The declaration as AWS gave it, for the definition view. */
	declaration: unknown;
};

type ActionRun = Omit<ActionView, keyof DefinedAction> & {name: string};

export type StateSnapshot = {
	version?: number;
	stages: Array<Omit<StageView, 'actions'> & {actions: ActionRun[]}>;
};

/*
 * Statuses are passed through as AWS sends them, even one outside the enums we know (AWS adds
 * values now and then): shown as sent, rather than a stage looking as if it never ran. So the
 * store's status unions are what we expect, not a promise: views keep a default branch.
 */

function artifactNames(value: unknown): string[] {
	return list(value)
		.map(item => str(obj(item).name))
		.filter((name): name is string => name !== undefined);
}

export function mapDefinition(output: GetPipelineCommandOutput): Definition {
	const pipeline = obj(output.pipeline);
	const stages = arrayField(pipeline.stages, 'pipeline.stages').map(rawStage => {
		const stage = obj(rawStage);
		return {
			name: str(stage.name) ?? '',
			actions: arrayField(stage.actions, 'stage.actions').map((rawAction): DefinedAction => {
				const action = obj(rawAction);
				const type = obj(action.actionTypeId);
				return {
					name: str(action.name) ?? '',
					category: str(type.category) ?? '',
					owner: str(type.owner) ?? '',
					provider: str(type.provider) ?? '',
					runOrder: num(action.runOrder) ?? 1,
					region: str(action.region),
					configuration: stringMap(action.configuration),
					inputArtifacts: artifactNames(action.inputArtifacts),
					outputArtifacts: artifactNames(action.outputArtifacts),
				};
			}),
		};
	});
	const variables = list(pipeline.variables).map(rawVariable => {
		const variable = obj(rawVariable);
		return {name: str(variable.name) ?? '', defaultValue: str(variable.defaultValue), description: str(variable.description)};
	});
	return {
		name: str(pipeline.name),
		version: num(pipeline.version),
		pipelineType: str(pipeline.pipelineType),
		executionMode: str(pipeline.executionMode),
		accountId: accountFromArn(str(obj(output.metadata).pipelineArn)),
		variables,
		stages,
		declaration: output.pipeline,
	};
}

function transition(value: unknown): TransitionView {
	const state = obj(value);
	return {
		enabled: state.enabled !== false,
		disabledReason: str(state.disabledReason),
		lastChangedBy: str(state.lastChangedBy),
		lastChangedAt: ms(state.lastChangedAt),
	};
}

function mapActionRun(raw: unknown): ActionRun {
	const state = obj(raw);
	const latest = obj(state.latestExecution);
	const errors = obj(latest.errorDetails);
	const status = str(latest.status);
	return {
		name: str(state.actionName) ?? '',
		status: status as ActionStatus | undefined,
		actionExecutionId: str(latest.actionExecutionId),
		summary: str(latest.summary),
		lastStatusChange: ms(latest.lastStatusChange),
		token: str(latest.token),
		externalExecutionId: str(latest.externalExecutionId),
		externalExecutionUrl: str(latest.externalExecutionUrl),
		percentComplete: num(latest.percentComplete),
		errorCode: str(errors.code),
		errorMessage: str(errors.message),
		lastUpdatedBy: str(latest.lastUpdatedBy),
		entityUrl: str(state.entityUrl),
		revisionUrl: str(state.revisionUrl),
		currentRevision: str(obj(state.currentRevision).revisionId),
	};
}

export function mapState(output: GetPipelineStateCommandOutput): StateSnapshot {
	const stages = arrayField(output.stageStates, 'stageStates').map(rawStage => {
		const stage = obj(rawStage);
		const latest = obj(stage.latestExecution);
		const status = str(latest.status);
		const inbound = [...list(stage.inboundExecutions), ...(stage.inboundExecution ? [stage.inboundExecution] : [])]
			.map(item => ({executionId: str(obj(item).pipelineExecutionId) ?? '', status: str(obj(item).status) ?? ''}))
			.filter((item, index, all) => item.executionId !== '' && all.findIndex(other => other.executionId === item.executionId) === index);
		return {
			name: str(stage.stageName) ?? '',
			status: status as StageStatus | undefined,
			executionId: str(latest.pipelineExecutionId),
			inboundTransition: transition(stage.inboundTransitionState),
			inboundExecutions: inbound,
			conditions: mapConditions(stage),
			actions: arrayField(stage.actionStates, 'actionStates').map(mapActionRun),
		};
	});
	return {version: num(output.pipelineVersion), stages};
}

const NO_DEFINITION: Omit<DefinedAction, 'name'> = {category: '', owner: '', provider: '', runOrder: 1, configuration: {}, inputArtifacts: [], outputArtifacts: []};

/**
 * Stages in definition order with their last runs. Without a definition, the state's own order
 * (which follows the definition) is used and categories stay empty.
 */
export function buildStages(definition: Definition | undefined, state: StateSnapshot | undefined): StageView[] {
	const stateStages = new Map((state?.stages ?? []).map(stage => [stage.name, stage]));
	const shape = definition?.stages ?? (state?.stages ?? []).map(stage => ({name: stage.name, actions: stage.actions.map(action => ({...NO_DEFINITION, name: action.name}))}));
	return shape.map(defined => {
		const run = stateStages.get(defined.name);
		const runs = new Map((run?.actions ?? []).map(action => [action.name, action]));
		return {
			name: defined.name,
			status: run?.status,
			executionId: run?.executionId,
			inboundTransition: run?.inboundTransition ?? {enabled: true},
			inboundExecutions: run?.inboundExecutions ?? [],
			conditions: run?.conditions ?? [],
			actions: defined.actions.map(action => ({...action, ...runs.get(action.name), name: action.name})),
		};
	});
}

/** What changes when anything in the pipeline moves: used to tell whether the latest execution's summary may have changed. */
export function stateFingerprint(state: StateSnapshot): string {
	const parts: string[] = [];
	for (const stage of state.stages) {
		// Waiting executions count: one stopped in front of a stage changes nothing else.
		const waiting = stage.inboundExecutions.map(entry => entry.executionId).join(',');
		parts.push(`${stage.name}:${stage.executionId ?? ''}:${stage.status ?? ''}:${stage.conditions.map(condition => condition.status).join(',')}:${waiting}`);
		for (const action of stage.actions) parts.push(`${action.actionExecutionId ?? ''}:${action.status ?? ''}`);
	}
	return parts.join('|');
}
