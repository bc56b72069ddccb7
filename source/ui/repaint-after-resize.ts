/**
 * A whole new frame once a storm of resizes is over. Ink redraws on each resize, but while the
 * terminal is being resized a frame laid out for the old size can land after the terminal has
 * already shrunk: it is then taller than the screen, the screen scrolls by a line or more, and
 * the incremental renderer (which rewrites only the lines it thinks changed) keeps that shifted,
 * doubled picture (seen in tmux after a few dozen resize-window calls: the header gone, a row
 * twice). When the size has been still for a moment, the screen is cleared and painted afresh.
 */

/** The screen cleared and the cursor home: the next frame is drawn from the top, whole. */
export const CLEAR_SCREEN = '\u001B[2J\u001B[H';

export type Repaintable = {on(event: 'resize', listener: () => void): unknown; off(event: 'resize', listener: () => void): unknown};

/** Calls `repaint` once the terminal has had no resize for `quietMs`; returns the stop function. */
export function repaintAfterResize(stdout: Repaintable, repaint: () => void, quietMs = 120): () => void {
	let timer: NodeJS.Timeout | undefined;
	const onResize = () => {
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = undefined;
			repaint();
		}, quietMs);
		// A pending repaint never keeps the process alive after the console quits.
		timer.unref?.();
	};
	stdout.on('resize', onResize);
	return () => {
		if (timer) clearTimeout(timer);
		stdout.off('resize', onResize);
	};
}
