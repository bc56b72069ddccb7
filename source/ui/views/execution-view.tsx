/**
 * One execution in detail: each action execution with artifacts, configuration, summaries,
 * links, errors and output variables. The cursor moves between action executions.
 */
import {useEffect, useMemo, useRef} from 'react';
import {useStore} from 'zustand';
import {useNow, useServices} from '../app/services.js';
import {Rows} from '../components/rows.js';
import {movementOf, useViewKeys} from '../hooks/use-view-keys.js';
import {executionLines} from '../render/execution-lines.js';
import {paint} from '../render/theme.js';
import {itemRange, moveIndex, scrollToRange} from '../render/window.js';
import type {ViewEntry} from '../state/ui-store.js';
import {executionCursorIndex, executionRuns, executionSummary} from '../state/view-selection.js';

export function ExecutionView({entry, width, height}: {entry: Extract<ViewEntry, {kind: 'execution'}>; width: number; height: number}) {
	const {store, engine, ui, theme} = useServices();
	const now = useNow();
	const runs = useStore(store, state => executionRuns(state, entry.key, entry.executionId));
	const paged = useStore(store, state => state.actionExecutions[`${entry.key}#${entry.executionId}`]);
	const summary = useStore(store, state => executionSummary(state, entry.key, entry.executionId));
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
	const [first, last] = itemRange(
		lines.map(line => line.item),
		selectedId,
	);
	const offset = scrollToRange(index === 0 ? 0 : first, last, entry.offset, height, lines.length);

	// Where the detail was scrolled to on screen: the next move starts from there.
	const scrolled = useRef(offset);
	scrolled.current = offset;
	useViewKeys('execution', (spec, current) => {
		const movement = movementOf(spec.command);
		if (!movement) return false;
		const liveRuns = executionRuns(store.getState(), current.key, current.executionId);
		const from = executionCursorIndex(current, liveRuns);
		const next = moveIndex(from, movement, liveRuns.length, Math.max(1, Math.floor(height / 6)));
		ui.dispatch({type: 'update', patch: {cursor: {index: next, id: liveRuns[next]?.actionExecutionId}, offset: scrolled.current}});
		return true;
	});

	const shown = lines.slice(offset, offset + height).map(line => paint(line.segments, theme));
	if (runs.length === 0) {
		const note = paged?.error ? `${paged.error.code}: ${paged.error.message}` : paged && !paged.loading ? 'no action executions recorded' : 'loading action executions…';
		shown.push(paint([{text: note, color: paged?.error ? 'red' : undefined, dim: !paged?.error}], theme));
	}
	return <Rows height={height} lines={shown.slice(0, height)} />;
}
