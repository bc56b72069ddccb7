/**
 * One pipeline: its stages in order with their actions side by side per runOrder, transitions,
 * approvals and waiting executions. The cursor moves from action to action; the grid scrolls
 * to keep the selected action (and its stage header) in view.
 */
import {useEffect, useMemo, useRef} from 'react';
import {useStore} from 'zustand';
import type {ActionExecutionView, FleetState, PipelineEntry} from '../../store/types.js';
import {useNow, useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useFocusSync} from '../hooks/use-focus-sync.js';
import {movementOf, useViewKeys} from '../hooks/use-view-keys.js';
import {pipelineGrid, type RunLookup} from '../render/pipeline-grid.js';
import {paint} from '../render/theme.js';
import {itemRange, moveIndex, scrollToRange} from '../model/window.js';
import {pipelineCursorIndex} from '../model/pipeline-cursor.js';
import {pipelineActionIds} from '../model/fleet-queries.js';
import {actionFlags, attentionDirection, nothingToStepTo, stepToFlagged} from '../model/attention-step.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import type {PipelineKey} from '../../store/types.js';
import {movementCommands, everywhereCommands} from '../keymap.js';
import {attentionCommands, selectionCommands} from '../act-bindings.js';
import {actionId} from '../model/action-order.js';
import {executionKeyOf} from '../../format/keys.js';

/** The executions the stages last ran: their action executions give each action's duration. */
function stageExecutions(entry: PipelineEntry | undefined): string[] {
	if (!entry) return [];
	const ids = new Set<string>();
	for (const stage of entry.stages) if (stage.executionId) ids.add(stage.executionId);
	return [...ids].slice(0, 3);
}

/** Changes whenever any stage or action changes status: then durations are worth reading again. */
function statusSignature(entry: PipelineEntry | undefined): string {
	if (!entry) return '';
	return entry.stages.map(stage => `${stage.executionId}:${stage.status}:${stage.actions.map(action => action.status).join(',')}`).join('|');
}

/** Changes whenever a stage condition or one of its rules changes status: then its results are worth reading again. */
function conditionSignature(entry: PipelineEntry | undefined): string {
	if (!entry) return '';
	return entry.stages.flatMap(stage => stage.conditions.map(condition => `${stage.name}:${condition.type}:${condition.status}:${condition.rules.map(rule => rule.status).join(',')}`)).join('|');
}

function runLookup(state: FleetState, key: string): RunLookup {
	return (stage, action) => {
		if (!stage.executionId) return undefined;
		const runs = state.actionExecutions[executionKeyOf(key, stage.executionId)]?.items;
		if (!runs) return undefined;
		let best: ActionExecutionView | undefined;
		for (const run of runs) {
			if (run.stageName !== stage.name || run.actionName !== action.name) continue;
			if (!best || (run.startTime ?? 0) > (best.startTime ?? 0)) best = run;
		}
		return best;
	};
}

export type PipelineViewEntry = {kind: 'pipeline'; key: PipelineKey} & Scroll;

function PipelineView({entry, width, height}: {entry: PipelineViewEntry; width: number; height: number}) {
	const {store, engine, ui, theme} = useServices();
	const now = useNow();
	const pipeline = useStore(store, state => state.pipelines[entry.key]);
	const actionExecutions = useStore(store, state => state.actionExecutions);
	const ids = useStore(store, state => pipelineActionIds(state, entry.key));
	useFocusSync(useMemo(() => [entry.key], [entry.key]));

	const executions = stageExecutions(pipeline).join(',');
	const signature = statusSignature(pipeline);
	useEffect(() => {
		for (const executionId of executions.split(',').filter(Boolean)) {
			void engine.loadActionExecutions(entry.key, executionId, {force: true}).catch(() => undefined);
		}
	}, [engine, entry.key, executions, signature]);

	// The rules' results, read for this pipeline only, while on screen: when it opens and when a condition moves.
	const conditions = conditionSignature(pipeline);
	const ruleResults = useStore(store, state => state.ruleResults[entry.key]?.items);
	useEffect(() => {
		if (conditions !== '') void engine.loadRuleResults(entry.key, {force: true}).catch(() => undefined);
	}, [engine, entry.key, conditions]);

	const index = useStore(store, state => pipelineCursorIndex(state, entry.key, entry.cursor));
	const selectedId = ids[index];
	const grid = useMemo(() => {
		if (!pipeline) return undefined;
		return pipelineGrid(pipeline, width, now, theme, selectedId, runLookup(store.getState(), entry.key), ruleResults);
		// actionExecutions is what runLookup reads.
	}, [pipeline, width, now, theme, selectedId, actionExecutions, store, entry.key, ruleResults]);

	// The header (name, status, revision) stays on top while the stages scroll under it: the grid
	// opens on the failed or waiting action, often far down, and the header says whose it is.
	const pinned = Math.min(grid?.header ?? 0, Math.floor(height / 2));
	const body = grid?.lines.slice(pinned) ?? [];
	const bodyHeight = height - pinned;
	const [first, last] = itemRange(body.map(line => line.item), selectedId);
	const offset = scrollToRange(index === 0 ? 0 : first, last, entry.offset, bodyHeight, body.length);

	// Where the grid was scrolled to on screen: the next move starts from there.
	const shown = useRef(offset);
	shown.current = offset;
	useViewKeys('pipeline', (spec, current) => {
		const movement = movementOf(spec.command);
		const direction = attentionDirection(spec.command);
		if (!movement && !direction) return false;
		const liveIds = pipelineActionIds(store.getState(), current.key);
		const from = pipelineCursorIndex(store.getState(), current.key, current.cursor);
		const next = movement
			? moveIndex(from, movement, liveIds.length, Math.max(1, Math.floor(height / 4)))
			: stepToFlagged(actionFlags(store.getState(), current.key, liveIds), from, direction!);
		if (next === undefined) {
			ui.dispatch({type: 'message', text: nothingToStepTo, kind: 'error', at: now});
			return true;
		}
		ui.dispatch({type: 'update', patch: {cursor: {index: next, id: liveIds[next]}, offset: shown.current}});
		return true;
	});

	if (!pipeline) return <Rows height={height} lines={[paint([{text: `pipeline ${entry.key} is gone (deleted, or its source failed)`, color: 'yellow'}], theme)]} />;
	const lines = [...grid!.lines.slice(0, pinned), ...body.slice(offset, offset + bodyHeight)].map(line => paint(line.segments, theme));
	return <Rows height={height} lines={lines} />;
}

export const pipelineView = defineView<PipelineViewEntry>({
	kind: 'pipeline',
	title: 'pipeline',
	keys: [
		...movementCommands,
		'open',
		...everywhereCommands,
		'history',
		'logs',
		'why',
		'definition',
		'sources',
		'approve',
		'retry',
		'stop',
		'start',
		'transition',
		'rollback',
		'override',
		...selectionCommands,
		...attentionCommands,
	],
	component: PipelineView,
	selection(entry, _ui, fleet) {
		const pipeline = fleet.pipelines[entry.key];
		const ids = pipelineActionIds(fleet, entry.key);
		const id = ids[pipelineCursorIndex(fleet, entry.key, entry.cursor)];
		if (!pipeline || id === undefined) return {pipelineKey: entry.key, openUnavailable: 'no action selected', logUnavailable: 'no action selected'};
		for (const stage of pipeline.stages) {
			for (const action of stage.actions) {
				if (actionId(stage.name, action.name) !== id) continue;
				const ran = action.status !== undefined;
				return {
					pipelineKey: entry.key,
					stageName: stage.name,
					actionName: action.name,
					executionId: stage.executionId ?? pipeline.latestExecution?.executionId,
					logUnavailable: ran ? undefined : 'this action has not run yet',
					openUnavailable: stage.executionId ? undefined : 'this stage has not run yet',
				};
			}
		}
		return {pipelineKey: entry.key};
	},
	position(entry, _ui, fleet) {
		const ids = pipelineActionIds(fleet, entry.key);
		return ids.length === 0 ? '' : `action ${pipelineCursorIndex(fleet, entry.key, entry.cursor) + 1}/${ids.length}`;
	},
});
