/**
 * Escape sequences that reach the terminal itself rather than the screen: OSC 52 (set the
 * clipboard; the terminal does it, so it works over SSH) and OSC 8 (a clickable link). Neither
 * moves the cursor, so writing one between Ink's frames leaves the frame intact.
 */

const esc = '\u001B';
const st = `${esc}\\`;

/**
 * Inside tmux an application's OSC 52 is taken by tmux only with `set-clipboard on` (the default,
 * `external`, ignores it); wrapped in tmux's DCS passthrough it reaches the outer terminal when
 * `allow-passthrough` is on. Both are sent, so either setting works; the same text set twice is
 * harmless. GNU screen ($STY) has its own passthrough.
 */
export function clipboardSequence(text: string, env: Record<string, string | undefined>): string {
	const osc = `${esc}]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	if (env.TMUX) return `${osc}${esc}Ptmux;${osc.replaceAll(esc, `${esc}${esc}`)}${st}`;
	if (env.STY) return `${osc}${esc}P${osc}${st}`;
	return osc;
}

/** Text that is a link to `url` (OSC 8). Pieces of one link share an id, so terminals hover them as one. */
export function hyperlink(url: string, text: string, id?: string): string {
	// A URL with control characters would end the sequence early: such a link is shown, not linked.
	if (/[\u0000-\u001F\u007F]/.test(url)) return text;
	// Ended by BEL, as OSC 9 and 52 are here: every terminal that knows OSC 8 accepts it.
	return `${esc}]8;${id ? `id=${id}` : ''};${url}\u0007${text}${esc}]8;;\u0007`;
}

/** Where the clipboard may not follow, the reason to say so (tmux drops OSC 52 by default). */
export function clipboardCaveat(env: Record<string, string | undefined>): string {
	return env.TMUX ? ' (in tmux: needs set-clipboard on, or allow-passthrough on)' : '';
}
