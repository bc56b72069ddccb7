/** Types for pristine-tree.js (imported by test/perf/patched-output.test.ts). */
export const ROOT: string;
export type PatchFile = {file: string; packageName: string};
export type PristineTree = {dir: string; dist: string; close(): Promise<void>};
export function patchFiles(): Promise<PatchFile[]>;
export function pristineTree(): Promise<PristineTree>;
