/** What counts as carrying a revision: commit prefixes, branches from the definition, tags where CodePipeline names refs. */
import {expect, test} from 'vitest';
import {matchExecution, parseRevisionQuery, type RevisionQuery} from '../../source/store/revisions/query.js';
import {action, entry, execution, stage} from './entries.js';

const SHA = '7e3f9a2c4b1d8e6f0a5c3b2d1e9f8a7b6c5d4e3f';

function query(text: string): RevisionQuery {
	const parsed = parseRevisionQuery(text);
	if ('error' in parsed) throw new Error(parsed.error);
	return parsed;
}

const pipeline = entry('shop', {
	stages: [stage('Source', {actions: [action('Source', {category: 'Source', provider: 'CodeStarSourceConnection', configuration: {FullRepositoryId: 'acme/shop', BranchName: 'main'}})]}), stage('Build')],
});

function run(extra: Parameters<typeof execution>[3]) {
	return execution('e1', 'Succeeded', 1000, extra);
}

test('a commit id or a prefix of at least 4 hex digits, in any case; 3 digits are not a prefix', () => {
	const carrying = run({sourceRevisions: [{actionName: 'Source', revisionId: SHA}]});
	expect(matchExecution(pipeline, carrying, query(SHA))?.match).toBe('commit');
	expect(matchExecution(pipeline, carrying, query('7E3F9'))?.match).toBe('commit');
	expect(matchExecution(pipeline, carrying, query('7e3'))).toBeUndefined();
	expect(matchExecution(pipeline, carrying, query('7e3f9b'))).toBeUndefined();
	// Non-hex revision ids (S3 version ids, image digests) match whole.
	const image = run({sourceRevisions: [{actionName: 'Source', revisionId: 'sha256:abcd'}]});
	expect(matchExecution(pipeline, image, query('sha256:abcd'))?.match).toBe('commit');
});

test('a branch is the one the source action follows (its definition)', () => {
	const carrying = run({sourceRevisions: [{actionName: 'Source', revisionId: SHA}]});
	expect(matchExecution(pipeline, carrying, query('main'))?.match).toBe('branch');
	expect(matchExecution(pipeline, carrying, query('release'))).toBeUndefined();
});

test('a tag where a git ref is named: revisionUrl, a JSON summary, the trigger detail', () => {
	const byUrl = run({sourceRevisions: [{actionName: 'Source', revisionId: SHA, revisionUrl: 'https://github.com/acme/shop/releases/tag/v1.4.0'}]});
	expect(matchExecution(pipeline, byUrl, query('v1.4.0'))?.match).toBe('tag');
	const bySummary = run({sourceRevisions: [{actionName: 'Source', revisionId: SHA, revisionSummary: JSON.stringify({ProviderType: 'GitHub', CommitMessage: 'release', Tag: 'v2.0'})}]});
	expect(matchExecution(pipeline, bySummary, query('v2.0'))?.match).toBe('tag');
	const byTrigger = run({sourceRevisions: [{actionName: 'Source', revisionId: SHA}], triggerDetail: 'refs/tags/v3.1'});
	expect(matchExecution(pipeline, byTrigger, query('v3.1'))).toMatchObject({match: 'tag', revision: {revisionId: SHA}});
	// A word of the commit message is not a ref.
	const message = run({sourceRevisions: [{actionName: 'Source', revisionId: SHA, revisionSummary: 'prepare v4.0'}]});
	expect(matchExecution(pipeline, message, query('v4.0'))).toBeUndefined();
});

test('empty or spaced revisions are refused with a message', () => {
	expect(parseRevisionQuery('  ')).toEqual({error: expect.stringContaining('give a commit id')});
	expect(parseRevisionQuery('two words')).toEqual({error: expect.stringContaining('no spaces')});
});
