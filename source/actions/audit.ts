import {appendFile, mkdir} from 'node:fs/promises';
import {homedir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import type {AuditEntry} from './types.js';

/**
 * Where operator actions are recorded: the config's `auditLog` when set (a leading ~ is the home
 * directory), else $XDG_STATE_HOME/pipetop/audit.jsonl, else ~/.local/state/pipetop/audit.jsonl.
 */
export function auditLogPath(env: NodeJS.ProcessEnv, configured?: string): string {
	const home = env.HOME ?? homedir();
	if (configured) return resolve(configured.startsWith('~/') ? join(home, configured.slice(2)) : configured);
	const stateHome = env.XDG_STATE_HOME && env.XDG_STATE_HOME.startsWith('/') ? env.XDG_STATE_HOME : join(home, '.local', 'state');
	return join(stateHome, 'pipetop', 'audit.jsonl');
}

/**
 * Where `--demo` records its actions: beside the default log, never in it nor in a configured
 * one, so made-up accounts and a profile called prod can never be taken for real actions.
 */
function demoAuditLogPath(env: NodeJS.ProcessEnv): string {
	return join(dirname(auditLogPath(env)), 'audit-demo.jsonl');
}

export interface AuditSink {
	append(entry: AuditEntry): Promise<void>;
}

/** Appends one JSON line per attempt. Writes are chained so lines never interleave. */
export class AuditLog implements AuditSink {
	private queue: Promise<void> = Promise.resolve();

	constructor(readonly path: string) {}

	append(entry: AuditEntry): Promise<void> {
		const line = `${JSON.stringify(entry)}\n`;
		const write = this.queue.then(async () => {
			await mkdir(dirname(this.path), {recursive: true, mode: 0o700});
			// Owner-only: the log names accounts, pipelines and who approved what.
			await appendFile(this.path, line, {encoding: 'utf8', mode: 0o600});
		});
		// A failed write must not block the ones after it; the caller still sees this one fail.
		this.queue = write.catch(() => undefined);
		return write;
	}
}
/** The demo's log: its own file, and every line says `"demo": true`. */
export class DemoAuditLog implements AuditSink {
	private readonly log: AuditLog;

	constructor(env: NodeJS.ProcessEnv) {
		this.log = new AuditLog(demoAuditLogPath(env));
	}

	get path(): string {
		return this.log.path;
	}

	append(entry: AuditEntry): Promise<void> {
		return this.log.append({...entry, demo: true});
	}
}
