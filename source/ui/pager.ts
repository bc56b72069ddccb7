/**
 * Hands text to the operator's $PAGER (default `less`): written to a private temporary file, the
 * terminal released to the pager through Ink's suspendTerminal, and taken back when it exits.
 */
import {spawn} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

export type Suspend = (callback: () => Promise<void>) => Promise<void>;

/** Resolves with an error message when the pager could not run, else undefined. */
export async function openInPager(text: string, name: string, env: Record<string, string | undefined>, suspend: Suspend): Promise<string | undefined> {
	const directory = await mkdtemp(join(tmpdir(), 'pipetop-'));
	const file = join(directory, name.replace(/[^\w.-]+/g, '_') || 'pipetop.txt');
	await writeFile(file, text, {mode: 0o600});
	const pager = env.PAGER?.trim() || 'less';
	let failure: string | undefined;
	try {
		await suspend(
			async () =>
				new Promise<void>(resolve => {
					// Through sh so that PAGER may carry options ("less -S"), as git and man allow.
					const child = spawn('/bin/sh', ['-c', `${pager} "$1"`, 'pager', file], {stdio: 'inherit', env: env as NodeJS.ProcessEnv});
					child.on('error', error => {
						failure = `pager ${pager}: ${error.message}`;
						resolve();
					});
					child.on('exit', code => {
						if (code !== 0 && code !== null) failure = `pager ${pager} exited with ${code}`;
						resolve();
					});
				}),
		);
	} finally {
		await rm(directory, {recursive: true, force: true});
	}
	return failure;
}
