/**
 * "Where is my commit?": what the operator typed (a commit id or a prefix of at least 4 hex
 * digits, a branch or a tag) and whether one execution carries it. CodePipeline gives revisions
 * per execution in `sourceRevisions` (revisionId: the commit SHA for git sources, the version id
 * or image digest for S3 and ECR); branches live in the source action's configuration
 * (BranchName, or Branch for GitHub v1). Tags have no field of their own: they show where a git ref
 * shows (`refs/tags/v1.2`, a `/tree/` or `/releases/tag/` URL, or a JSON summary's tag/branch
 * member) in revisionUrl, revisionSummary or the trigger's detail. UNVERIFIED which of these AWS
 * fills for a git-tag trigger: all are looked at, so whichever it is, it is found.
 */

import type {ExecutionSummaryView, PipelineEntry, SourceRevisionView} from '../types.js';

export type RevisionQuery = {text: string; lower: string; /** At least 4 hex digits: may be a commit prefix. */ commitPrefix: boolean};
/** How an execution carries the revision: its commit, its branch, or a tag (or other ref) named in it. */
export type RevisionMatch = 'commit' | 'branch' | 'tag';

const MIN_PREFIX = 4;

/** The query, or a message saying what is wrong with it. */
export function parseRevisionQuery(raw: string): RevisionQuery | {error: string} {
	const text = raw.trim();
	if (text === '') return {error: 'give a commit id (or at least 4 of its first characters), a branch or a tag'};
	if (/\s/.test(text) || text.length > 256) return {error: `"${text.slice(0, 60)}" is not a revision: a commit id, a branch or a tag has no spaces`};
	return {text, lower: text.toLowerCase(), commitPrefix: text.length >= MIN_PREFIX && /^[0-9a-f]+$/i.test(text)};
}

type Ref = {name: string; kind: 'branch' | 'tag'};

const REF_PATTERNS: Array<[RegExp, 'branch' | 'tag' | 'heads-or-tags']> = [
	[/refs\/(heads|tags)\/([^\s"',;?#]+)/g, 'heads-or-tags'],
	[/\/releases\/tag\/([^\s"',;?#/]+)/g, 'tag'],
	[/\/tree\/([^\s"',;?#]+)/g, 'branch'],
];

/** The git refs a piece of text names. */
function refsIn(text: string | undefined): Ref[] {
	if (!text) return [];
	const refs: Ref[] = [];
	for (const [pattern, kind] of REF_PATTERNS) {
		for (const match of text.matchAll(pattern)) {
			if (kind === 'heads-or-tags') refs.push({name: decodeURIComponent(match[2]), kind: match[1] === 'tags' ? 'tag' : 'branch'});
			else refs.push({name: decodeURIComponent(match[1]), kind});
		}
	}
	if (text.trimStart().startsWith('{')) {
		try {
			for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
				if (typeof value !== 'string') continue;
				if (/^(tag|tagname|gittag)$/i.test(key)) refs.push({name: value, kind: 'tag'});
				if (/^(branch|branchname)$/i.test(key)) refs.push({name: value, kind: 'branch'});
			}
		} catch {
			// Not JSON: the patterns above were all there was to find.
		}
	}
	return refs;
}

/** The branch a source action of the pipeline follows (from its definition), if it says. */
function configuredBranch(entry: PipelineEntry, revision: SourceRevisionView): string | undefined {
	const sources = entry.stages[0]?.actions.filter(action => action.category === 'Source') ?? [];
	const action = sources.find(candidate => candidate.name === revision.actionName) ?? (sources.length === 1 ? sources[0] : undefined);
	return action?.configuration.BranchName ?? action?.configuration.Branch;
}

function matchOne(entry: PipelineEntry, revision: SourceRevisionView, query: RevisionQuery): RevisionMatch | undefined {
	const id = revision.revisionId;
	if (id !== undefined && (id === query.text || (query.commitPrefix && id.toLowerCase().startsWith(query.lower)))) return 'commit';
	if (configuredBranch(entry, revision) === query.text) return 'branch';
	const ref = [...refsIn(revision.revisionUrl), ...refsIn(revision.revisionSummary)].find(candidate => candidate.name === query.text);
	return ref?.kind;
}

/** How the execution carries the revision (a commit match wins over a branch or a tag), or undefined. */
export function matchExecution(entry: PipelineEntry, execution: ExecutionSummaryView, query: RevisionQuery): {match: RevisionMatch; revision?: SourceRevisionView} | undefined {
	let found: {match: RevisionMatch; revision?: SourceRevisionView} | undefined;
	for (const revision of execution.sourceRevisions) {
		const match = matchOne(entry, revision, query);
		if (match === 'commit') return {match, revision};
		if (match && !found) found = {match, revision};
	}
	if (found) return found;
	const ref = refsIn(execution.triggerDetail).find(candidate => candidate.name === query.text);
	return ref ? {match: ref.kind, revision: execution.sourceRevisions[0]} : undefined;
}
