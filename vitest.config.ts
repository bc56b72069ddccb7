import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		exclude: ['test/soak/**', 'node_modules/**'],
		// Tests drive real HTTP on loopback and real processes, and wait on conditions, not on time:
		// the timeout only catches a hang (the virtual-time driver names the source that hangs), so it
		// is generous enough for a 2-core machine with other work beside it.
		testTimeout: 120_000,
		hookTimeout: 120_000,
		pool: 'forks',
	},
});
