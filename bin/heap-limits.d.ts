/** Types for heap-limits.js (the launcher is plain JavaScript; test/perf/heap-limits.test.ts imports it). */
export const GROWING_PERCENT: number;
export const SEMI_SPACE_MB: number;
export const CEILING_MB: number;
export function heapFlags(options?: {execArgv?: string[]; nodeOptions?: string; memoryBytes?: number}): string[];
