import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		exclude: ['test/soak/**', 'node_modules/**'],
		// Tests drive real HTTP on loopback and real processes; give them room on a 2-core machine.
		testTimeout: 30_000,
		hookTimeout: 30_000,
		pool: 'forks',
	},
});
