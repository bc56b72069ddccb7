/**
 * Words for the world: commit messages, authors, approvers and test names, picked with the
 * pipeline's seeded generator. Built from parts so that a long demo does not repeat itself.
 */

import type {Rng} from './random.js';

const TYPES = ['feat', 'fix', 'fix', 'chore', 'refactor', 'perf', 'test', 'ci', 'docs', 'build'] as const;
const SCOPES = ['api', 'auth', 'billing', 'checkout', 'orders', 'ui', 'infra', 'db', 'worker', 'search', 'deps', 'config', 'metrics', 'cache'];
const SUBJECTS: Record<(typeof TYPES)[number], string[]> = {
	feat: ['add pagination to invoice export', 'support idempotency keys on POST /orders', 'expose retry budget in health endpoint', 'add dark mode toggle to settings', 'stream search results as they arrive', 'add per-tenant rate limits', 'emit audit events for role changes', 'allow partial refunds from the admin panel'],
	fix: ['handle null shipping address in reconciliation', 'stop double-charging on client retry', 'race between cache warm-up and first request', 'timezone drift in daily report cutoff', 'release DB connection when the handler throws', 'escape user input in CSV export', 'off-by-one in page token decoding', 'memory leak in websocket heartbeat'],
	chore: ['bump node base image to 22.20', 'remove unused feature flags', 'tidy logging in payment worker', 'rotate staging certificates', 'update CODEOWNERS'],
	refactor: ['split order service into read and write paths', 'move pricing rules into their own module', 'replace hand-rolled retry with shared helper', 'extract tenant resolution middleware'],
	perf: ['batch DynamoDB writes in the importer', 'cache compiled templates', 'avoid N+1 queries on the orders list', 'lazy-load the charts bundle'],
	test: ['cover refund edge cases', 'make checkout e2e suite less flaky', 'add contract tests for the billing API'],
	ci: ['cache npm in CodeBuild', 'run integration tests in parallel', 'fail the build on new lint warnings'],
	docs: ['document the release checklist', 'explain rollback steps in the runbook'],
	build: ['pin esbuild to 0.25', 'produce source maps for the worker bundle'],
};
const PLAIN = [
	'Merge pull request #{pr} from acme/{branch}',
	'Bump {dep} from {v1} to {v2}',
	'Revert "{subject}"',
	'Hotfix: {subject}',
	'{Subject}',
	'{Subject}',
];
const DEPS = ['axios', '@aws-sdk/client-s3', 'express', 'react', 'zod', 'pg', 'jackson-databind', 'boto3', 'golang.org/x/net', 'lodash'];
const BRANCH_WORDS = ['retry-budget', 'invoice-export', 'tenant-limits', 'refund-flow', 'search-v2', 'ci-cache', 'audit-log', 'db-pool'];

export const AUTHORS = ['Priya Raman', 'Mateo Alvarez', 'Hannah Schmidt', 'Kenji Watanabe', 'Amara Okafor', 'Liam O\'Connor', 'Sofia Rossi', 'Noah Kim', 'Fatima Zahra', 'Lucas Martin'];
export const APPROVERS = ['release-manager', 'oncall-lead', 'qa-signoff', 'security-review', 'product-owner'];

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function commitMessage(rng: Rng): string {
	if (rng.chance(0.55)) {
		const type = rng.pick(TYPES);
		return `${type}(${rng.pick(SCOPES)}): ${rng.pick(SUBJECTS[type])}`;
	}
	const subject = rng.pick(SUBJECTS[rng.pick(TYPES)]);
	const minor = rng.int(1, 40);
	return rng
		.pick(PLAIN)
		.replace('{pr}', String(rng.int(120, 4800)))
		.replace('{branch}', `${rng.pick(['feature', 'fix', 'chore'])}/${rng.pick(BRANCH_WORDS)}`)
		.replace('{dep}', rng.pick(DEPS))
		.replace('{v1}', `${rng.int(1, 5)}.${minor}.${rng.int(0, 9)}`)
		.replace('{v2}', `${rng.int(1, 5)}.${minor + 1}.0`)
		.replace('{Subject}', capitalize(subject))
		.replace('{subject}', subject);
}

/** Test file and case names for build logs: [file, case]. */
export const TEST_CASES: Array<[string, string]> = [
	['orders/service', 'creates an order with a client-supplied idempotency key'],
	['orders/service', 'rejects an order when stock is reserved elsewhere'],
	['payments/refund', 'rejects partial refunds over the captured amount'],
	['payments/refund', 'refunds in the original currency'],
	['billing/invoice', 'rounds tax per line, not per invoice'],
	['billing/invoice', 'exports invoices as CSV with escaped fields'],
	['auth/session', 'expires sessions after the idle timeout'],
	['auth/session', 'refreshes tokens before they expire'],
	['search/query', 'paginates with an opaque cursor'],
	['search/query', 'ignores stop words in ranking'],
	['cache/warmup', 'serves stale entries while revalidating'],
	['api/health', 'reports degraded when the retry budget is spent'],
];
