/**
 * Pre-painted lines, one Text node each. Rows arrive fitted to the width and no taller than the
 * block, so no clipping is asked of Ink (its clip path re-measures every line), and a line that
 * did not change keeps the text whose measure Ink has cached.
 */
import {Box, Text} from 'ink';
import {memo} from 'react';

// Ink's Text itself, memoised: an unchanged line costs no render, and no wrapper component per
// line (each element and fiber counts when a screen has fifty lines).
const Line = memo(Text);

export const Rows = memo(function Rows({lines, height}: {lines: readonly string[]; height: number}) {
	return (
		<Box height={height} flexDirection="column" flexShrink={0}>
			{lines.slice(0, height).map((text, index) => (
				// Keyed by position: row n of the screen stays row n, only its text changes. An empty
				// Text takes no row at all: a blank line must still hold its place.
				// eslint-disable-next-line react/no-array-index-key
				<Line key={index} wrap="truncate-end">
					{text === '' ? ' ' : text}
				</Line>
			))}
		</Box>
	);
});

/** One painted line. */
export const Row = memo(function Row({text}: {text: string}) {
	return (
		<Box height={1} flexShrink={0}>
			<Text wrap="truncate-end">{text === '' ? ' ' : text}</Text>
		</Box>
	);
});
