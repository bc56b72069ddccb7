/**
 * Why an action failed: the headline pinned at the top (the failed phase, the failed resource
 * and its reason, the failed targets...), then the details, the links and the lines around the
 * failure, opened at the first error of the failed part. `]`/`[` step between errors, `F` keeps
 * only the failed part, `/` searches and `p` pages the whole cause.
 */
import {useApp} from 'ink';
import {useEffect, useMemo} from 'react';
import {useStore} from 'zustand';
import {causeId} from '../../engine/why/cause-id.js';
import type {CauseSubject} from '../../engine/why/types.js';
import {Rows} from '../components/rows.js';
import {useTextPane} from '../hooks/use-text-pane.js';
import {useViewKeys} from '../hooks/use-view-keys.js';
import {everywhereCommands, movementCommands, textCommands} from '../keymap.js';
import type {Scroll} from '../model/ui-store.js';
import {clampOffset} from '../model/window.js';
import {openInPager} from '../pager.js';
import {causeRows, type CauseRow} from '../render/cause-lines.js';
import {clip} from '../render/lines.js';
import {sanitize, wrapWords} from '../render/text.js';
import {highlight} from '../render/text-view.js';
import {paint, type Segment} from '../render/theme.js';
import {nextMatch} from '../render/text-view.js';
import {useServices} from '../shell/services.js';
import {defineView} from './view.js';

export type CauseEntry = {
	kind: 'cause';
	subject: CauseSubject;
	failedOnly: boolean;
	/** Set once the view has moved to the first error (later reads must not pull it back). */
	placed?: boolean;
	search?: string;
} & Scroll;

/** Lines of context kept above the error the view opens at. */
const CONTEXT_ABOVE = 3;
const HEADLINE_ROWS = 3;

const TONES: Record<NonNullable<CauseRow['tone']>, Omit<Segment, 'text'>> = {
	headline: {color: 'red', bold: true},
	error: {color: 'red'},
	title: {bold: true},
	dim: {dim: true},
	failed: {},
};

function CauseView({entry, width, height}: {entry: CauseEntry; width: number; height: number}) {
	const {store, engine, ui, theme, env, now} = useServices();
	const {suspendTerminal} = useApp();
	const {subject} = entry;
	const state = useStore(store, fleet => fleet.causes[causeId(subject)]);
	useEffect(() => {
		void engine.readCause(subject).catch(() => undefined);
	}, [engine, subject]);
	const cause = state?.cause;
	const headline = wrapWords(sanitize(cause?.headline ?? (state?.error ? 'the cause could not be read' : 'reading why it failed…')), width).slice(0, HEADLINE_ROWS);
	const bodyHeight = Math.max(1, height - 2 - headline.length);
	const laid = useMemo(() => (cause ? causeRows(cause, width, entry.failedOnly) : {rows: [], errorRows: [], openAt: 0}), [cause, width, entry.failedOnly]);
	const texts = useMemo(() => laid.rows.map(row => row.text), [laid]);
	const pane = useTextPane(texts, bodyHeight, entry);

	useEffect(() => {
		if (!cause || entry.placed) return;
		ui.dispatch({type: 'update', patch: {placed: true, offset: clampOffset(laid.openAt - CONTEXT_ABOVE, bodyHeight, texts.length)}});
	}, [cause, entry.placed, laid, bodyHeight, texts.length, ui]);

	useViewKeys('cause', (spec, current) => {
		if (pane.handle(spec, current)) return true;
		if (spec.command === 'failedOnly') {
			ui.dispatch({type: 'update', patch: {failedOnly: !current.failedOnly, placed: false}});
			return true;
		}
		if (spec.command === 'nextError' || spec.command === 'prevError') {
			const at = nextMatch(laid.errorRows, pane.offset + CONTEXT_ABOVE, spec.command === 'nextError' ? 1 : -1);
			if (at === undefined) ui.dispatch({type: 'message', text: 'no error lines', kind: 'error', at: now()});
			else ui.dispatch({type: 'update', patch: {offset: clampOffset(at - CONTEXT_ABOVE, bodyHeight, texts.length)}});
			return true;
		}
		if (spec.command !== 'pager') return false;
		void openInPager(`${[cause?.headline ?? '', ...texts].join('\n')}\n`, `why-${subject.stageName}-${subject.actionName}.txt`, env, suspendTerminal).then(failure => {
			if (failure) ui.dispatch({type: 'message', text: failure, kind: 'error', at: now()});
		});
		return true;
	});

	const title: Segment[] = [
		{text: 'Why ', dim: true},
		{text: `${subject.stageName}/${subject.actionName}`, bold: true},
		{text: `  ${subject.provider}`, color: 'blue'},
		{text: subject.status ? `  ${subject.status}` : '', color: subject.status === 'Failed' ? 'red' : undefined},
		{text: `  ${subject.pipelineName}`, dim: true},
	];
	const facts: Segment[] = [];
	if (cause) facts.push({text: `${laid.errorRows.length} error lines`, dim: true});
	if (entry.failedOnly) facts.push({text: '  failed part only', color: 'yellow'});
	if (state?.loading) facts.push({text: '  reading…', dim: true});
	if (state?.error) facts.push({text: `  ${state.error.code}: ${state.error.message}`, color: 'red'});
	if (entry.search) facts.push({text: `  search "${entry.search}": ${pane.matches.length} matches`, color: 'yellow'});
	const shown = laid.rows.slice(pane.offset, pane.offset + bodyHeight).map(row => {
		const tone = row.tone ? TONES[row.tone] : {};
		return paint(entry.search ? highlight(row.text, entry.search) : [{text: row.text, ...tone}], theme);
	});
	const head = headline.map(row => paint([{text: row, ...(cause ? TONES.headline : {dim: true})}], theme));
	return <Rows height={height} lines={[paint(clip(title, width), theme), ...head, paint(clip(facts, width), theme), ...shown]} />;
}

export const causeView = defineView<CauseEntry>({
	kind: 'cause',
	title: 'why',
	keys: [...movementCommands, ...everywhereCommands, 'sources', 'nextError', 'prevError', 'failedOnly', ...textCommands],
	component: CauseView,
	selection: (entry, _ui, fleet) => ({
		pipelineKey: entry.subject.key,
		stageName: entry.subject.stageName,
		actionName: entry.subject.actionName,
		executionId: entry.subject.executionId,
		actionExecutionId: entry.subject.actionExecutionId,
		lineCount: fleet.causes[causeId(entry.subject)]?.cause ? 1 : 0,
		search: entry.search,
	}),
});
