/**
 * A copy of the project's module tree with the dependencies as published: patches/ reversed.
 * In a temp dir: dist/ copied (so its imports resolve there), node_modules/ with a symlink to
 * every installed package except the patched ones, which are copied and have their patches
 * taken back out (`git apply -R`, last patch first). Symlinked packages resolve to the same real
 * files, so React and the rest stay one instance each.
 */
import {execFileSync} from 'node:child_process';
import {cp, mkdir, mkdtemp, readdir, readFile, rm, symlink} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const PATCHES = join(ROOT, 'patches');

export type PatchFile = {file: string; packageName: string};

/** patches/*.patch with the package each one patches (patch-package's names: name+version[+NNN+what].patch). */
export async function patchFiles(): Promise<PatchFile[]> {
	const names = (await readdir(PATCHES)).filter(name => name.endsWith('.patch')).sort();
	return names.map(name => {
		const parts = name.split('+');
		return {file: join(PATCHES, name), packageName: name.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]};
	});
}

export type PristineTree = {dist: string; dir: string; close(): Promise<void>};

export async function pristineTree(): Promise<PristineTree> {
	const dir = await mkdtemp(join(tmpdir(), 'pipetop-pristine-'));
	const patches = await patchFiles();
	const patched = new Set(patches.map(patch => patch.packageName));
	const modules = join(ROOT, 'node_modules');
	await mkdir(join(dir, 'node_modules'));
	for (const entry of await readdir(modules)) {
		if (entry.startsWith('.')) continue;
		const scoped = entry.startsWith('@') ? (await readdir(join(modules, entry))).map(name => `${entry}/${name}`) : [entry];
		for (const name of scoped) {
			const target = join(dir, 'node_modules', name);
			await mkdir(join(target, '..'), {recursive: true});
			if (patched.has(name)) await cp(join(modules, name), target, {recursive: true});
			else await symlink(join(modules, name), target);
		}
	}
	for (const {file} of [...patches].reverse()) {
		execFileSync('git', ['apply', '-R', '--whitespace=nowarn', file], {cwd: dir, stdio: ['ignore', 'ignore', 'pipe']});
	}
	await cp(join(ROOT, 'dist'), join(dir, 'dist'), {recursive: true});
	return {dist: join(dir, 'dist'), dir, close: () => rm(dir, {recursive: true, force: true})};
}

/** The text of a file as installed in the project and in the pristine tree. */
export async function bothCopies(tree: PristineTree, path: string): Promise<{installed: string; pristine: string}> {
	return {installed: await readFile(join(ROOT, 'node_modules', path), 'utf8'), pristine: await readFile(join(tree.dir, 'node_modules', path), 'utf8')};
}
