/**
 * `:commit REV`: every pipeline whose recent executions carry a revision (a commit id or prefix,
 * a branch or a tag), grouped by pipeline with what each stage last ran. The view reads the store
 * (store/revisions) and asks the engine for what the answer still lacks (each pipeline's history,
 * the action executions of runs that newer ones passed over), under the request budget. The cursor
 * moves from pipeline to pipeline; Enter opens the pipeline.
 */
import {useEffect, useMemo} from 'react';
import {useStore} from 'zustand';
import {useShallow} from 'zustand/react/shallow';
import {parseRevisionQuery, type RevisionQuery} from '../../store/revisions/query.js';
import {revisionReport, type RevisionReport, type RevisionState} from '../../store/revisions/report.js';
import {requestWanted} from '../../store/revisions/wants.js';
import type {FleetState} from '../../store/types.js';
import {useNow, useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useFocusSync} from '../hooks/use-focus-sync.js';
import {useItemRows} from '../hooks/use-item-list.js';
import {commitLines} from '../render/commit-lines.js';
import {resolveCursor} from '../model/window.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import {movementCommands, everywhereCommands} from '../keymap.js';

export type CommitEntry = {kind: 'commit'; revision: string} & Scroll;

const pickRevisionState = (state: FleetState): RevisionState => ({order: state.order, pipelines: state.pipelines, histories: state.histories, actionExecutions: state.actionExecutions});

/** The query of an entry (the prompt checked it before opening the view). */
function queryOf(entry: CommitEntry): RevisionQuery {
	const query = parseRevisionQuery(entry.revision);
	return 'error' in query ? {text: entry.revision, lower: entry.revision.toLowerCase(), commitPrefix: false} : query;
}

/**
 * The report of the last state and revision asked: the component, the selection and the status
 * line all ask for it, and a big fleet makes it worth computing once per store change.
 */
let last: {state: RevisionState; revision: string; report: RevisionReport} | undefined;

function reportOf(fleet: RevisionState, entry: CommitEntry): RevisionReport {
	const state = last?.state;
	const same = state && state.order === fleet.order && state.pipelines === fleet.pipelines && state.histories === fleet.histories && state.actionExecutions === fleet.actionExecutions;
	if (!same || last?.revision !== entry.revision) last = {state: pickRevisionState(fleet as FleetState), revision: entry.revision, report: revisionReport(fleet, queryOf(entry))};
	return last.report;
}

function CommitView({entry, width, height}: {entry: CommitEntry; width: number; height: number}) {
	const {store, engine, theme} = useServices();
	const now = useNow();
	const state = useStore(store, useShallow(pickRevisionState));
	const report = useMemo(() => reportOf(state, entry), [state, entry]);
	const keys = useMemo(() => report.pipelines.map(pipeline => pipeline.key), [report]);
	useFocusSync(keys);
	const wantedKey = JSON.stringify(report.wanted);
	useEffect(() => {
		if (report.wanted.length > 0) void requestWanted(engine, report.wanted);
		// Keyed by what is wanted: the same wants again (a store update elsewhere) ask nothing twice.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [engine, wantedKey]);

	const index = resolveCursor(keys, entry.cursor);
	const selectedKey = keys[index];
	const lines = useMemo(() => commitLines(report, now, theme, selectedKey), [report, now, theme, selectedKey]);
	const rows = useItemRows('commit', entry, lines, {
		selectedId: selectedKey,
		index,
		height,
		width,
		page: Math.max(1, Math.floor(height / 4)),
		live(current) {
			const liveKeys = reportOf(store.getState(), current).pipelines.map(pipeline => pipeline.key);
			return {ids: liveKeys, from: resolveCursor(liveKeys, current.cursor)};
		},
	});
	return <Rows height={height} lines={rows} />;
}

function pipelineKeys(entry: CommitEntry, fleet: FleetState): string[] {
	return reportOf(fleet, entry).pipelines.map(pipeline => pipeline.key);
}

export const commitView = defineView<CommitEntry>({
	kind: 'commit',
	title: 'commit',
	keys: [...movementCommands, 'open', ...everywhereCommands, 'history', 'definition', 'sources'],
	component: CommitView,
	selection(entry, _ui, fleet) {
		const keys = pipelineKeys(entry, fleet);
		const pipelineKey = keys[resolveCursor(keys, entry.cursor)];
		return {pipelineKey, openUnavailable: pipelineKey ? undefined : 'no pipeline carries this revision (yet)'};
	},
	position(entry, _ui, fleet) {
		const keys = pipelineKeys(entry, fleet);
		return keys.length === 0 ? '' : `pipeline ${resolveCursor(keys, entry.cursor) + 1}/${keys.length}`;
	},
});
