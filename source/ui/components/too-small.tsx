/** Below the minimum size the console shows one line saying what it needs, and nothing else. */
import {Box, Text} from 'ink';
import {minimumSize} from '../shell/size.js';

export const tooSmallMessage = `terminal too small: need at least ${minimumSize.columns}x${minimumSize.rows}`;

export function TooSmall() {
	// The line is laid out at its own width: the terminal soft-wraps it if it must, but it stays one line of output.
	return (
		<Box width={tooSmallMessage.length} flexShrink={0}>
			<Text>{tooSmallMessage}</Text>
		</Box>
	);
}
