/**
 * One execution in detail: each action execution with artifacts, configuration, summaries,
 * links, errors and output variables. The cursor moves between action executions.
 */
import {useEffect, useMemo} from 'react';
import {useStore} from 'zustand';
import {useNow, useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useItemList} from '../hooks/use-item-list.js';
import {executionLines} from '../render/execution-lines.js';
import {paint} from '../render/theme.js';
import {executionCursorIndex, executionRuns, executionSummary} from '../model/fleet-queries.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import type {PipelineKey} from '../../store/types.js';
import {movementCommands, everywhereCommands} from '../keymap.js';
import {selectionCommands} from '../act-bindings.js';
import {executionKeyOf} from '../../format/keys.js';

export type ExecutionEntry = {
	kind: 'execution';
	key: PipelineKey;
	executionId: string;
	/** The action it was opened from: the cursor starts there once the runs are loaded. */
	focus?: {stageName: string; actionName: string};
} & Scroll;

function ExecutionView({entry, width, height}: {entry: ExecutionEntry; width: number; height: number}) {
	const {store, engine, theme} = useServices();
	const now = useNow();
	const runs = useStore(store, state => executionRuns(state, entry.key, entry.executionId));
	const paged = useStore(store, state => state.actionExecutions[executionKeyOf(entry.key, entry.executionId)]);
	const listed = useStore(store, state => executionSummary(state, entry.key, entry.executionId));
	const variables = useStore(store, state => state.executionVariables[executionKeyOf(entry.key, entry.executionId)]);
	// The values this run got: ListPipelineExecutions does not say, GetPipelineExecution does.
	const summary = useMemo(() => (listed && variables && !listed.variables ? {...listed, variables} : listed), [listed, variables]);
	const running = summary?.status === 'InProgress' || summary?.status === 'Stopping';
	const lastUpdate = summary?.lastUpdateTime;
	useEffect(() => {
		// While it runs, each change of the execution is worth a fresh read of its actions.
		void engine.loadActionExecutions(entry.key, entry.executionId, {force: running}).catch(() => undefined);
	}, [engine, entry.key, entry.executionId, running, lastUpdate]);

	const index = executionCursorIndex(entry, runs);
	const selectedId = runs[index]?.actionExecutionId;
	const lines = useMemo(
		() => executionLines(summary, entry.executionId, runs, width, now, theme, selectedId),
		[summary, entry.executionId, runs, width, now, theme, selectedId],
	);
	const {offset} = useItemList('execution', entry, {
		items: lines.map(line => line.item),
		selectedId,
		index,
		height,
		page: Math.max(1, Math.floor(height / 6)),
		live(current) {
			const liveRuns = executionRuns(store.getState(), current.key, current.executionId);
			return {ids: liveRuns.map(run => run.actionExecutionId), from: executionCursorIndex(current, liveRuns)};
		},
	});

	const shown = lines.slice(offset, offset + height).map(line => paint(line.segments, theme));
	if (runs.length === 0) {
		const note = paged?.error ? `${paged.error.code}: ${paged.error.message}` : paged && !paged.loading ? 'no action executions recorded' : 'loading action executions…';
		shown.push(paint([{text: note, color: paged?.error ? 'red' : undefined, dim: !paged?.error}], theme));
	}
	return <Rows height={height} lines={shown.slice(0, height)} />;
}

export const executionView = defineView<ExecutionEntry>({
	kind: 'execution',
	title: 'execution detail',
	keys: [...movementCommands, ...everywhereCommands, 'logs', 'why', 'sources', 'stop', ...selectionCommands],
	component: ExecutionView,
	selection(entry, _ui, fleet) {
		const runs = executionRuns(fleet, entry.key, entry.executionId);
		const run = runs[executionCursorIndex(entry, runs)];
		return {
			pipelineKey: entry.key,
			executionId: entry.executionId,
			stageName: run?.stageName,
			actionName: run?.actionName,
			actionExecutionId: run?.actionExecutionId,
			logUnavailable: run ? undefined : 'no action execution selected',
		};
	},
	position(entry, _ui, fleet) {
		const runs = executionRuns(fleet, entry.key, entry.executionId);
		return runs.length === 0 ? '' : `action execution ${executionCursorIndex(entry, runs) + 1}/${runs.length}`;
	},
});
