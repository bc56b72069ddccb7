import {defineConfig} from 'vitest/config';

/** `npm run soak`: the long runs under test/soak/, one file at a time, with a real GC to measure against. */
export default defineConfig({
	test: {
		include: ['test/soak/**/*.test.ts'],
		pool: 'forks',
		fileParallelism: false,
		// Heap figures are taken after a full collection.
		execArgv: ['--expose-gc'],
		testTimeout: 3 * 60 * 60 * 1000,
		hookTimeout: 60_000,
	},
});
