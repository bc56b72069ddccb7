/**
 * The help overlay and docs/keys.md, both generated from the keymap the dispatcher uses.
 */
import {keyLabel, type AvailabilityContext, type CommandSpec, type Keymap} from '../keymap.js';
import {displayKey} from '../input/keys.js';
import type {ViewKind} from '../views/registry.js';
import {line, type Line} from './lines.js';
import {fit} from './text.js';

/** `title` is how the view names itself (its registry entry). */
export function helpLines(
	keymap: Keymap,
	view: ViewKind,
	title: string,
	context: AvailabilityContext | undefined,
	ascii: boolean,
	configFile?: {path: string; found: boolean},
): Line[] {
	const specs = keymap.specs.filter(spec => spec.views.includes(view));
	const layers = (scope: 'prompt' | 'dialog') => keymap.specs.filter(spec => spec.views.includes(scope));
	const keyWidth = Math.max(...[...specs, ...layers('prompt'), ...layers('dialog')].map(spec => keyLabel(spec, ascii).length), 4);
	const lines: Line[] = [line({text: `Keys in the ${title} view`, bold: true}), line({text: ''})];
	const section = (title: string, members: CommandSpec[]) => {
		if (members.length === 0) return;
		lines.push(line({text: title, bold: true, color: 'cyan'}));
		for (const spec of members) {
			const reason = context ? spec.disabled?.(context) : undefined;
			lines.push(
				line(
					{text: `  ${fit(keyLabel(spec, ascii), keyWidth)}  `, bold: true, dim: Boolean(reason)},
					{text: spec.description, dim: Boolean(reason)},
					{text: spec.dangerous && spec.operator ? '  (asks to confirm)' : '', color: 'yellow'},
					{text: reason ? `  — not now: ${reason}` : '', color: 'magenta'},
				),
			);
		}
		lines.push(line({text: ''}));
	};
	section('Move', specs.filter(spec => ['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'].includes(spec.command)));
	section(
		'View',
		specs.filter(spec => !spec.operator && !['up', 'down', 'pageUp', 'pageDown', 'top', 'bottom'].includes(spec.command)),
	);
	section('Operator actions', specs.filter(spec => spec.operator));
	section('At a prompt (filter, command, search): other keys type', layers('prompt'));
	section('In an action dialog: in a text field other keys type', layers('dialog'));
	lines.push(line({text: 'Filter: words match profile, account, region, name or status; all must match; !word excludes.', dim: true}));
	lines.push(line({text: 'Keys can be changed in the config file ("keys": {"approve": "A"}); every setting: docs/config.md.', dim: true}));
	if (configFile) lines.push(line({text: 'Config file: ', dim: true}, {text: configFile.path}, {text: configFile.found ? '' : ' (not present: defaults apply)', dim: true}));
	return lines;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

/** docs/keys.md: every command, its default keys, the views it applies in. */
export function keysMarkdown(keymap: Keymap): string {
	const rows = keymap.specs.map(spec => {
		const keys = spec.keys.map(key => `\`${escapeCell(displayKey(key, true))}\``).join(' ');
		const views = spec.views.length === keymap.views.length ? 'all' : spec.views.join(', ');
		const notes = [spec.dangerous ? (spec.operator ? 'asks to confirm' : 'sends') : '', spec.fixed ? 'cannot be rebound' : ''].filter(Boolean).join('; ');
		return `| ${keys} | \`${spec.command}\` | ${escapeCell(spec.description)} | ${views} | ${notes} |`;
	});
	return [
		'# pipetop keys',
		'',
		'<!-- Generated from source/ui/keymap.ts by test/ui/keys-doc.test.ts; do not edit by hand. -->',
		'',
		'Every key binding of the console. The help overlay (`?`) shows the same table for the view you are in,',
		'with the reason a key does nothing right now. Change a binding in the config file under `keys`,',
		'with the command name: `{"keys": {"approve": "A", "down": ["j", "ctrl+n"]}}`.',
		'Key names: one character, `ctrl+LETTER`, or enter, esc, up, down, left, right, pgup, pgdn, home, end, tab, backspace, delete, space.',
		'',
		'| Keys | Command | What it does | Views | Notes |',
		'|---|---|---|---|---|',
		...rows,
		'',
	].join('\n');
}
