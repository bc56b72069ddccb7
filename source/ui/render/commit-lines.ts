/**
 * The `:commit REV` view as a pure function: a title saying where the revision is and how much was
 * read, then per pipeline its headline (the furthest stage the revision reached, the status there,
 * how long ago) and one line per stage with the revision that stage last ran, `=>` where it is this
 * one. Every line of a pipeline carries its key: the cursor moves from pipeline to pipeline.
 */
import {revisionHeadline, stageRows} from '../../format/revision-rows.js';
import type {RevisionReport} from '../../store/revisions/report.js';
import {blank, fit, line, type Line} from './lines.js';
import {glyphSegment} from './status.js';
import type {Theme} from './theme.js';

function title(report: RevisionReport): Line {
	const found = report.pipelines.length;
	const reading = report.wanted.length > 0 ? `  reading… (history of ${report.read} of ${report.searched})` : '';
	return line({text: 'Revision ', dim: true}, {text: report.query, bold: true}, {text: `: in ${found === 0 ? 'none' : found} of ${report.searched} pipelines${reading}`, dim: true});
}

export function commitLines(report: RevisionReport, now: number, theme: Theme, selectedKey: string | undefined): Line[] {
	const lines: Line[] = [title(report), blank()];
	if (report.pipelines.length === 0) {
		lines.push(line({text: report.wanted.length > 0 ? ' looking through each pipeline’s recent executions…' : ' no recent execution of any pipeline carries it', dim: true}));
		return lines;
	}
	const nameWidth = Math.max(...report.pipelines.map(pipeline => pipeline.name.length));
	for (const pipeline of report.pipelines) {
		const head = revisionHeadline(pipeline, now);
		const item = (each: Line): Line => ({...each, item: pipeline.key});
		const marker = pipeline.key === selectedKey ? (theme.ascii ? '>' : '›') : ' ';
		lines.push(
			item(line(
				{text: marker},
				glyphSegment(head.tone, theme),
				{text: ` ${fit(head.pipeline, nameWidth)}  `, bold: true},
				{text: `${head.stage} ${head.status}`},
				{text: `  ${head.ago} ago  ${head.place}  `, dim: true},
				{text: head.revision, color: 'blue'},
				{text: ` ${head.message}`},
			)),
		);
		const rows = stageRows(pipeline);
		const stageWidth = Math.max(...rows.map(row => row.stage.length));
		for (const row of rows) {
			lines.push(
				item(line(
					{text: row.carries ? '   => ' : '      ', color: row.carries ? 'blue' : undefined},
					{text: `${fit(row.stage, stageWidth)} `, dim: !row.carries},
					glyphSegment(row.tone, theme),
					{text: ` ${row.revision}`, color: 'blue', dim: !row.carries},
					{text: ` ${row.message}`, dim: !row.carries},
				)),
			);
		}
	}
	return lines;
}
