/** Durations and ages in the fewest cells that stay readable: 42s, 12m03s, 1h02m, 3d04h. */
import type {ExecutionSummaryView} from '../store/types.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

const two = (value: number) => String(value).padStart(2, '0');

export function formatDuration(ms: number | undefined): string {
	if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
	if (ms < minute) return `${Math.floor(ms / second)}s`;
	if (ms < hour) return `${Math.floor(ms / minute)}m${two(Math.floor((ms % minute) / second))}s`;
	if (ms < day) return `${Math.floor(ms / hour)}h${two(Math.floor((ms % hour) / minute))}m`;
	return `${Math.floor(ms / day)}d${two(Math.floor((ms % day) / hour))}h`;
}

/** How long ago, in at most 4 cells: now, 42s, 12m, 3h, 5d, 2y. */
export function formatAgo(then: number | undefined, now: number): string {
	if (then === undefined) return '';
	const ms = Math.max(0, now - then);
	if (ms < second) return 'now';
	if (ms < minute) return `${Math.floor(ms / second)}s`;
	if (ms < hour) return `${Math.floor(ms / minute)}m`;
	if (ms < day) return `${Math.floor(ms / hour)}h`;
	if (ms < 365 * day) return `${Math.floor(ms / day)}d`;
	return `${Math.floor(ms / (365 * day))}y`;
}

/** A timestamp as UTC `YYYY-MM-DD HH:MM:SS` (operators across regions compare these). */
export function formatTimestamp(ms: number | undefined): string {
	if (ms === undefined) return '';
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `HH:MM:SS` of a log line (UTC). */
export function formatClock(ms: number): string {
	return new Date(ms).toISOString().slice(11, 19);
}

const finished = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded', 'Abandoned']);

/** How long something took (finished) or has taken so far (running). */
export function elapsed(
	start: number | undefined,
	lastUpdate: number | undefined,
	status: string | undefined,
	now: number,
): number | undefined {
	if (start === undefined) return undefined;
	const end = status && finished.has(status) ? (lastUpdate ?? start) : now;
	return Math.max(0, end - start);
}

export function executionElapsed(execution: ExecutionSummaryView | undefined, now: number): number | undefined {
	if (!execution) return undefined;
	return elapsed(execution.startTime, execution.lastUpdateTime, execution.status, now);
}

/** The short form of a revision id: 7 characters of a commit sha, digest or version id; short ones whole. */
export function shortRevision(revision: string | undefined): string {
	if (!revision) return '';
	// Image digests (sha256:...) and S3 version ids are as unreadable as commit ids: 7 characters tell them apart.
	const bare = revision.replace(/^sha256:/, '');
	return bare.length > 12 ? bare.slice(0, 7) : bare;
}

/** The short form of an execution id (UUIDs): the first 8 characters. */
export function shortId(id: string | undefined): string {
	if (!id) return '';
	return id.length > 8 ? id.slice(0, 8) : id;
}
