/**
 * The terminal size every view lays out against. Live, it follows the terminal's resize events;
 * for benchmarks and frame exports it is fixed.
 */
import {useStdout} from 'ink';
import {createContext, useContext, useMemo, useSyncExternalStore, type ReactNode} from 'react';

export type TerminalSize = {columns: number; rows: number};

const SizeContext = createContext<TerminalSize>({columns: 80, rows: 24});

/**
 * The terminal's size as an external store on stdout's resize event (Ink's useWindowSize keeps
 * it in state, which React repaints at default priority, later than a resize deserves).
 */
function useLiveSize(): TerminalSize {
	const stdout = useStdout().stdout as NodeJS.WriteStream;
	const store = useMemo(() => {
		let current: TerminalSize = {columns: stdout.columns || 80, rows: stdout.rows || 24};
		return {
			subscribe(listener: () => void) {
				stdout.on('resize', listener);
				return () => {
					stdout.off('resize', listener);
				};
			},
			getSnapshot(): TerminalSize {
				const columns = stdout.columns || 80;
				const rows = stdout.rows || 24;
				if (columns !== current.columns || rows !== current.rows) current = {columns, rows};
				return current;
			},
		};
	}, [stdout]);
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

function LiveSize({children}: {children: ReactNode}) {
	const size = useLiveSize();
	return <SizeContext.Provider value={size}>{children}</SizeContext.Provider>;
}

export function SizeProvider({fixed, children}: {fixed?: TerminalSize; children: ReactNode}) {
	if (fixed) return <SizeContext.Provider value={fixed}>{children}</SizeContext.Provider>;
	return <LiveSize>{children}</LiveSize>;
}

export function useTerminalSize(): TerminalSize {
	return useContext(SizeContext);
}

/** The smallest terminal the console lays out in; below it one line says so. */
export const minimumSize: TerminalSize = {columns: 60, rows: 12};
