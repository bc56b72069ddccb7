import type {FleetState, PipelineEntry} from '../store/types.js';
import type {SourceRevisionType, StartInput} from './api.js';
import {isV2, targetOf} from './lookup.js';
import {intentId, refuse, type ActionModule, type PlanContext, type Prepared} from './plan.js';
import type {ActionRequest, ActionStep, Answers} from './types.js';
import {revisionValue, variableValue} from './validate.js';

/** Answer ids: one per pipeline variable, then the optional source revision pin. */
export const variableStepId = (name: string): string => `var:${name}`;
export const pinStepId = 'pin';
export const revisionStepId = 'revision';
const noPin = '-';

/** The kind of revision id each source provider takes (StartPipelineExecution sourceRevisions). */
function revisionTypeFor(provider: string): SourceRevisionType {
	if (provider === 'ECR') return 'IMAGE_DIGEST';
	if (provider === 'S3') return 'S3_OBJECT_VERSION_ID';
	// CodeCommit, CodeStarSourceConnection (GitHub, GitLab, Bitbucket) and GitHub (v1) take commits.
	return 'COMMIT_ID';
}

type SourceAction = {name: string; provider: string};
/** What a start needs from the definition: the variables with their defaults, and the source actions. */
type Declared = {variables: PipelineEntry['variables']; sources: SourceAction[]};

type RawDeclaration = {
	variables?: Array<{name?: string; defaultValue?: string; description?: string}>;
	stages?: Array<{actions?: Array<{name?: string; actionTypeId?: {category?: string; provider?: string}}>}>;
};

/**
 * From the pipeline's declaration (GetPipeline), which the engine keeps in `definitions`: the
 * entry's own variables stay empty until that read, and a start must not lose their defaults.
 */
function declaredOf(state: FleetState, entry: PipelineEntry): Declared | undefined {
	const raw = state.definitions[entry.key] as RawDeclaration | undefined;
	if (!raw) return undefined;
	return {
		variables: (raw.variables ?? []).flatMap(variable =>
			variable.name ? [{name: variable.name, defaultValue: variable.defaultValue, description: variable.description}] : [],
		),
		sources: (raw.stages ?? []).flatMap(stage =>
			(stage.actions ?? []).flatMap(action =>
				action.name && action.actionTypeId?.category === 'Source' ? [{name: action.name, provider: action.actionTypeId.provider ?? ''}] : [],
			),
		),
	};
}

function check(state: FleetState, request: ActionRequest): string | undefined {
	return state.pipelines[request.pipelineKey] ? undefined : 'pipeline not loaded yet';
}

function steps(entry: PipelineEntry, declared: Declared, answers: Answers): ActionStep[] {
	const list: ActionStep[] = [];
	// Variables exist on V2 pipelines only; V1 refuses them.
	if (isV2(entry)) {
		for (const variable of declared.variables) {
			list.push({
				kind: 'text',
				id: variableStepId(variable.name),
				label: `Variable ${variable.name}`,
				...(variable.defaultValue === undefined ? {} : {initial: variable.defaultValue}),
				...(variable.description ? {hint: variable.description} : {}),
				validate: variableValue,
			});
		}
	}
	const sources = declared.sources;
	if (sources.length > 0) {
		list.push({
			kind: 'choice',
			id: pinStepId,
			label: 'Source revision',
			options: [
				{value: noPin, label: 'Latest revisions', hint: 'what each source action finds now'},
				...sources.map(action => ({value: action.name, label: `Pin ${action.name}`, hint: `${action.provider}: give a ${revisionTypeFor(action.provider).toLowerCase().replaceAll('_', ' ')}`})),
			],
		});
		if (answers[pinStepId] && answers[pinStepId] !== noPin) {
			list.push({kind: 'text', id: revisionStepId, label: `Revision for ${answers[pinStepId]}`, validate: revisionValue});
		}
	}
	return list;
}

async function prepare(context: PlanContext, request: ActionRequest): Promise<Prepared> {
	let state = context.getState();
	const entry = state.pipelines[request.pipelineKey];
	if (!entry) return refuse('pipeline not loaded yet');
	let declared = declaredOf(state, entry);
	if (!declared) {
		// Variables and their defaults come from the definition, which may not have been read yet.
		await context.engine.loadDefinition(entry.key).catch(() => undefined);
		state = await context.waitFor(latest => latest.definitions[entry.key] !== undefined);
		declared = declaredOf(state, entry);
		if (!declared) return refuse('the pipeline definition could not be read (variables and sources unknown): try again');
	}
	const known = declared;
	const details = [`${entry.pipelineType ?? 'V1'} pipeline${entry.executionMode ? `, ${entry.executionMode} mode` : ''}`];
	if (entry.latestExecution) details.push(`Latest execution: ${entry.latestExecution.status}`);
	if (isV2(entry) && known.variables.length > 0) details.push('Edit the variables (defaults from the definition).');

	// One token per dialog: resending this request (after a timeout) can never start a second run.
	const clientRequestToken = request.clientRequestToken ?? context.newId();
	const planId = context.newId();
	const target = targetOf(state, entry);
	return {
		ok: true,
		plan: {
			command: 'start',
			target,
			title: `Start ${entry.name}`,
			details,
			steps: answers => steps(entry, known, answers),
			build: answers => {
				const input: StartInput = {name: entry.name, clientRequestToken};
				if (isV2(entry) && known.variables.length > 0) {
					input.variables = known.variables.map(variable => ({name: variable.name, value: answers[variableStepId(variable.name)] ?? ''}));
				}
				const pinned = known.sources.find(action => action.name === answers[pinStepId]);
				if (pinned && answers[revisionStepId]) {
					input.sourceRevisions = [{actionName: pinned.name, revisionType: revisionTypeFor(pinned.provider), revisionValue: answers[revisionStepId].trim()}];
				}
				return {
					id: intentId(planId, answers),
					command: 'start',
					target,
					summary: `Start a new execution of ${entry.name}${pinned ? ` at ${pinned.name} ${answers[revisionStepId]}` : ''}`,
					// Pipeline variables are visible to anyone who can read the execution: not secrets.
					parameters: {
						clientRequestToken,
						...(input.variables ? {variables: Object.fromEntries(input.variables.map(variable => [variable.name, variable.value]))} : {}),
						...(input.sourceRevisions ? {sourceRevisions: input.sourceRevisions} : {}),
					},
					resendSafe: true,
					invoke: api => api.startPipelineExecution(input),
					observe: latest => {
						const now = latest.pipelines[entry.key]?.latestExecution;
						return now
							? `The latest execution is now ${now.executionId} (${now.status}). Sending again reuses the same request token, so it cannot start a second run.`
							: undefined;
					},
				};
			},
		},
	};
}

export const startAction: ActionModule = {check, prepare};
