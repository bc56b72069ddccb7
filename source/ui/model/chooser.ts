/**
 * A small chooser over the view: which of several things a key should act on (what `y` copies,
 * which link `o` shows, which pipeline an ambiguous `:pipeline NAME` meant). State only; the
 * shell's chooser keys (shell/chooser-keys.ts) act on the choice, render/chooser-lines.ts draws it.
 */
import type {PipelineKey} from '../../store/types.js';

export type ChooserPurpose = 'copy' | 'links' | 'pipeline';

export type ChooserItem = {label: string; value: string; /** Shown as a clickable link (OSC 8). */ link?: boolean};

export type Chooser = {purpose: ChooserPurpose; title: string; items: ChooserItem[]; index: number};

export function pipelineChooser(name: string, keys: readonly PipelineKey[]): Chooser {
	return {purpose: 'pipeline', title: `${keys.length} pipelines match "${name}": which one?`, items: keys.map(key => ({label: key, value: key})), index: 0};
}

/** The chooser with its cursor moved by `delta`, wrapping around. */
export function movedChooser(chooser: Chooser, delta: number): Chooser {
	const count = chooser.items.length;
	return count === 0 ? chooser : {...chooser, index: (((chooser.index + delta) % count) + count) % count};
}
