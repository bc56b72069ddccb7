/**
 * The project as it was before patches/ and the launcher's heap limits: a temp dir with a copy
 * of dist/ and bin/ (so their imports resolve there) and a node_modules/ holding a symlink to
 * every installed package except the patched ones, which are copied with their patches taken
 * back out (`git apply -R`, last patch first). Symlinked packages resolve to the same real files, so React and the rest
 * stay one instance each. The A side of the benchmarks' A/B (bench/run.js) and the reference
 * of test/perf/patched-output.test.ts.
 */
import {execFileSync} from 'node:child_process';
import {cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PATCHES = join(ROOT, 'patches');

/** patches/*.patch in the order patch-package applies them, with the package each one patches. */
export async function patchFiles() {
	const names = (await readdir(PATCHES)).filter(name => name.endsWith('.patch')).sort();
	return names.map(name => {
		// patch-package's names: name+version[+NNN+what].patch, @scope+name+version... for scoped packages.
		const parts = name.split('+');
		return {file: join(PATCHES, name), packageName: name.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]};
	});
}

async function linkPackages(dir, patched) {
	const modules = join(ROOT, 'node_modules');
	for (const entry of await readdir(modules)) {
		if (entry.startsWith('.')) continue;
		const names = entry.startsWith('@') ? (await readdir(join(modules, entry))).map(name => `${entry}/${name}`) : [entry];
		for (const name of names) {
			const target = join(dir, 'node_modules', name);
			await mkdir(dirname(target), {recursive: true});
			if (patched.has(name)) await cp(join(modules, name), target, {recursive: true});
			else await symlink(join(modules, name), target);
		}
	}
}

/** Builds the tree; `close()` removes it. */
export async function pristineTree() {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-pristine-'));
	const patches = await patchFiles();
	await linkPackages(dir, new Set(patches.map(patch => patch.packageName)));
	for (const {file} of [...patches].reverse()) {
		execFileSync('git', ['apply', '-R', '--whitespace=nowarn', file], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']});
	}
	await cp(join(ROOT, 'dist'), join(dir, 'dist'), {recursive: true});
	await cp(join(ROOT, 'bin'), join(dir, 'bin'), {recursive: true});
	// The launcher as it was before it set heap limits (bin/heap-limits.js): V8's defaults.
	await writeFile(join(dir, 'bin', 'heap-limits.js'), 'export function heapFlags() {\n\treturn [];\n}\n');
	await cp(join(ROOT, 'package.json'), join(dir, 'package.json'));
	return {dir, dist: join(dir, 'dist'), close: () => rm(dir, {recursive: true, force: true})};
}
