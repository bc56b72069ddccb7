/** The chooser (model/chooser.ts) in the body, in place of the view under it. */
import {useStore} from 'zustand';
import {useServices} from '../shell/services.js';
import {firstKeyLabel} from '../keymap.js';
import {chooserLines, chooserWindow} from '../render/chooser-lines.js';
import {Rows} from './rows.js';

const actionWord = {copy: 'copy it', links: 'copy it', pipeline: 'open it'} as const;

export function ChooserPanel({width, height}: {width: number; height: number}) {
	const {ui, theme, keymap} = useServices();
	const chooser = useStore(ui, state => state.chooser);
	if (!chooser) return null;
	const key = (command: Parameters<typeof firstKeyLabel>[1]) => firstKeyLabel(keymap, command, theme.ascii);
	const footnote = `${key('dialogUp')} ${key('dialogDown')} choose  ${key('dialogNext')} ${actionWord[chooser.purpose]}  ${key('dialogCancel')} close`;
	const rendered = chooserLines(chooser, width, theme, footnote);
	return <Rows height={height} lines={chooserWindow(rendered, chooser.index, height)} />;
}
