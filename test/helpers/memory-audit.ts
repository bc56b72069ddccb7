import type {AuditSink} from '../../source/actions/audit.js';
import type {AuditEntry} from '../../source/actions/types.js';

/** Keeps entries in memory (tests). */
export class MemoryAudit implements AuditSink {
	readonly entries: AuditEntry[] = [];

	async append(entry: AuditEntry): Promise<void> {
		this.entries.push(entry);
	}
}
