import {describe, expect, test} from 'vitest';
import {filterOrder, parseFilter} from '../../../source/ui/model/filter.js';
import {action, pipeline, stage} from '../render/fixtures.js';

const web = pipeline('web-frontend', [stage('Build', [action('B', {status: 'Failed'})], {status: 'Failed'})], {
	latestExecution: {executionId: 'e', status: 'Failed', sourceRevisions: []},
});
const api = {...pipeline('api-backend', []), key: 'dev/eu-west-1/api-backend', profile: 'dev', region: 'eu-west-1'};
const pipelines = {[web.key]: web, [api.key]: api};
const order = [web.key, api.key];

describe('fleet filter', () => {
	test('words are parsed, "!" negates', () => {
		expect(parseFilter('  Prod !web ')).toEqual([
			{text: 'prod', negate: false},
			{text: 'web', negate: true},
		]);
	});

	test('matches profile, region, name and status, case-insensitive, all words required', () => {
		expect(filterOrder(order, pipelines, 'prod', {})).toEqual([web.key]);
		expect(filterOrder(order, pipelines, 'EU-WEST', {})).toEqual([api.key]);
		expect(filterOrder(order, pipelines, 'failed', {})).toEqual([web.key]);
		expect(filterOrder(order, pipelines, 'dev api', {})).toEqual([api.key]);
		expect(filterOrder(order, pipelines, 'dev web', {})).toEqual([]);
	});

	test('tag:KEY=VALUE matches a tag whole (any case), tag:KEY the key; ! excludes; untagged matches none', () => {
		const tagged = {[web.key]: {...web, tags: [{key: 'Team', value: 'Payments'}]}, [api.key]: {...api, tags: [{key: 'team', value: 'payments-ops'}]}};
		expect(filterOrder(order, tagged, 'tag:team=payments', {})).toEqual([web.key]);
		expect(filterOrder(order, tagged, 'tag:team', {})).toEqual([web.key, api.key]);
		expect(filterOrder(order, tagged, '!tag:team=payments', {})).toEqual([api.key]);
		expect(filterOrder(order, pipelines, 'tag:team', {})).toEqual([]);
	});

	test('negated words exclude', () => {
		expect(filterOrder(order, pipelines, '!web', {})).toEqual([api.key]);
	});

	test('scopes narrow by exact profile, region or attention', () => {
		expect(filterOrder(order, pipelines, '', {profile: 'dev'})).toEqual([api.key]);
		expect(filterOrder(order, pipelines, '', {attention: 'failed'})).toEqual([web.key]);
	});

	test('no filter returns the store order itself (stable for selectors)', () => {
		expect(filterOrder(order, pipelines, '  ', {})).toBe(order);
	});
});
