/**
 * A CodeBuild action's build log, read from CloudWatch Logs through the engine (which tails it
 * while the build runs and the view is open), with follow mode, search and a key that hands it
 * to $PAGER. Other actions show their summary and error instead.
 */
import {useApp} from 'ink';
import {useEffect, useMemo} from 'react';
import {useStore} from 'zustand';
import {useServices} from '../shell/services.js';
import {Rows} from '../components/rows.js';
import {useTextPane} from '../hooks/use-text-pane.js';
import {useViewKeys} from '../hooks/use-view-keys.js';
import {openInPager} from '../pager.js';
import {actionDetailRows} from '../render/action-details.js';
import {clip} from '../render/lines.js';
import {glyph} from '../render/status.js';
import {sanitize} from '../render/text.js';
import {highlight, logRows} from '../render/text-view.js';
import {paint, type Segment} from '../render/theme.js';
import {formatTimestamp} from '../../format/time.js';
import {executionRuns} from '../model/fleet-queries.js';
import type {Scroll} from '../model/ui-store.js';
import {defineView} from './view.js';
import type {PipelineKey} from '../../store/types.js';
import {movementCommands, everywhereCommands, textCommands} from '../keymap.js';
import {selectionCommands} from '../act-bindings.js';

export type LogsEntry = {
	kind: 'logs';
	key: PipelineKey;
	stageName: string;
	actionName: string;
	/** Set when opened from an execution: that run's action execution, not the latest state. */
	executionId?: string;
	actionExecutionId?: string;
	/** The CodeBuild build, when there is one. */
	buildId?: string;
	follow: boolean;
	search?: string;
	/** The row of the current search match. */
	match?: number;
} & Scroll;

function LogsView({entry, width, height}: {entry: LogsEntry; width: number; height: number}) {
	const {store, engine, ui, theme, env, now} = useServices();
	const {suspendTerminal} = useApp();
	const {buildId, key, stageName, actionName} = entry;
	const log = useStore(store, state => (buildId ? state.logs[buildId] : undefined));
	const action = useStore(store, state => state.pipelines[key]?.stages.find(stage => stage.name === stageName)?.actions.find(each => each.name === actionName));
	const run = useStore(store, state =>
		entry.executionId && entry.actionExecutionId
			? executionRuns(state, key, entry.executionId).find(each => each.actionExecutionId === entry.actionExecutionId)
			: undefined,
	);
	useEffect(() => {
		if (!buildId) return;
		void engine.openLog(key, buildId, {follow: true}).catch(() => undefined);
		return () => engine.closeLog(buildId);
	}, [engine, key, buildId]);

	const bodyHeight = Math.max(1, height - 2);
	const lines = log?.lines;
	const rows = useMemo(
		() => (buildId ? logRows(lines ?? [], width) : actionDetailRows(action, run, width)),
		[buildId, lines, width, action, run],
	);
	const pane = useTextPane(rows, bodyHeight, entry);

	useViewKeys('logs', (spec, current) => {
		if (pane.handle(spec, current)) return true;
		if (spec.command !== 'pager') return false;
		const text = buildId
			? (lines ?? []).map(line => `${formatTimestamp(line.timestamp)} ${sanitize(line.message.replace(/\s+$/, ''))}`).join('\n')
			: rows.join('\n');
		void openInPager(`${text}\n`, `${buildId ?? `${stageName}-${actionName}`}.log`, env, suspendTerminal).then(failure => {
			if (failure) ui.dispatch({type: 'message', text: failure, kind: 'error', at: now()});
		});
		return true;
	});

	const title: Segment[] = [
		{text: buildId ? 'Build log ' : 'Action ', dim: true},
		{text: `${stageName}/${actionName}`, bold: true},
		{text: buildId ? `  ${buildId}` : '', color: 'blue'},
		{text: log?.buildStatus ? `  ${log.buildStatus}${log.currentPhase && log.currentPhase !== 'COMPLETED' ? ` (${log.currentPhase})` : ''}` : ''},
		{text: log?.groupName ? `  ${log.groupName}` : '', dim: true},
	];
	const facts: Segment[] = [];
	if (buildId) {
		if (log?.live) facts.push({text: `${glyph('running', theme)} live  `, color: 'cyan'});
		facts.push({text: entry.follow ? 'follow on' : 'follow off', color: entry.follow ? 'green' : undefined, dim: !entry.follow});
		facts.push({text: `  ${log?.lines.length ?? 0} lines`, dim: true});
		if (log?.loading) facts.push({text: '  loading…', dim: true});
		if (log?.error) facts.push({text: `  ${log.error.code}: ${log.error.message}`, color: 'red'});
	}
	if (entry.search) facts.push({text: `  search "${entry.search}": ${pane.matchLabel}`, color: 'yellow'});
	const shown = rows.slice(pane.offset, pane.offset + bodyHeight).map((row, index) => paint(highlight(row, entry.search, pane.offset + index === pane.current), theme));
	if (buildId && rows.length === 0) shown.push(paint([{text: log?.loading || !log ? 'reading the log…' : 'the log is empty so far', dim: true}], theme));
	return <Rows height={height} lines={[paint(clip(title, width), theme), paint(clip(facts, width), theme), ...shown]} />;
}

export const logsView = defineView<LogsEntry>({
	kind: 'logs',
	title: 'logs',
	keys: [...movementCommands, ...everywhereCommands, 'sources', 'follow', ...textCommands, ...selectionCommands],
	component: LogsView,
	selection: (entry, _ui, fleet) => ({
		pipelineKey: entry.key,
		stageName: entry.stageName,
		actionName: entry.actionName,
		executionId: entry.executionId,
		actionExecutionId: entry.actionExecutionId,
		lineCount: entry.buildId ? (fleet.logs[entry.buildId]?.lines.length ?? 0) : 0,
		search: entry.search,
	}),
});
