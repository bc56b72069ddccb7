import {mkdtemp, readFile, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {AuditLog, auditLogPath} from '../../source/actions/audit.js';
import type {AuditEntry} from '../../source/actions/types.js';

describe('audit log location', () => {
	it('defaults to ~/.local/state/pipetop/audit.jsonl', () => {
		expect(auditLogPath({HOME: '/home/ops'})).toBe('/home/ops/.local/state/pipetop/audit.jsonl');
	});
	it('follows XDG_STATE_HOME, ignoring a relative one as the XDG spec says', () => {
		expect(auditLogPath({HOME: '/home/ops', XDG_STATE_HOME: '/var/state'})).toBe('/var/state/pipetop/audit.jsonl');
		expect(auditLogPath({HOME: '/home/ops', XDG_STATE_HOME: 'state'})).toBe('/home/ops/.local/state/pipetop/audit.jsonl');
	});
	it('takes the config auditLog first, with ~ for home', () => {
		expect(auditLogPath({HOME: '/home/ops', XDG_STATE_HOME: '/var/state'}, '~/audit/pipetop.jsonl')).toBe('/home/ops/audit/pipetop.jsonl');
	});
});

describe('audit log file', () => {
	it('appends one JSON line per entry, creating the directory owner-only', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'pipetop-audit-'));
		const log = new AuditLog(join(dir, 'nested', 'audit.jsonl'));
		const entry: AuditEntry = {
			time: '2026-11-01T09:00:00.000Z',
			via: 'console',
			profile: 'dev',
			region: 'eu-west-1',
			pipeline: 'web',
			action: 'stop',
			parameters: {abandon: false},
			outcome: 'done',
			message: 'Done',
		};
		await Promise.all([log.append(entry), log.append({...entry, outcome: 'refused'})]);
		const lines = (await readFile(log.path, 'utf8')).trimEnd().split('\n');
		expect(lines.map(line => JSON.parse(line).outcome)).toEqual(['done', 'refused']);
		expect((await stat(log.path)).mode & 0o777).toBe(0o600);
	});
});
