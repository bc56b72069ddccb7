import {describe, expect, test} from 'vitest';
import {fleetLayout, fleetRow, stageStrip} from '../../../source/ui/render/fleet-columns.js';
import {displayWidth} from '../../../source/ui/render/text.js';
import {plainText, themeFor} from '../../../source/ui/render/theme.js';
import {action, now, pipeline, stage} from './fixtures.js';

const theme = themeFor({});
const measure = {profileWidth: 7, regionWidth: 9, maxStages: 4};

describe('fleet columns', () => {
	test('at 80 columns the essentials fit and the rest drops', () => {
		const ids = fleetLayout(79, measure).columns.map(column => column.id);
		expect(ids).toEqual(expect.arrayContaining(['state', 'name', 'status', 'stages', 'age', 'profile', 'region']));
		expect(ids).not.toContain('account');
	});

	test('at 250 columns account, revision and commit message appear', () => {
		const ids = fleetLayout(249, measure).columns.map(column => column.id);
		expect(ids).toEqual(expect.arrayContaining(['account', 'revision', 'message', 'took']));
	});

	test('every row is exactly as wide as the layout', () => {
		const entry = pipeline('web-frontend', [stage('Source', [action('Src', {status: 'Succeeded'})])]);
		for (const width of [59, 79, 119, 199, 249]) {
			const layout = fleetLayout(width, measure);
			expect(displayWidth(plainText(fleetRow(entry, layout, now, theme)))).toBe(width);
		}
	});

	test('a row shows name, status, age, short revision and commit message', () => {
		const entry = pipeline('web-frontend', [stage('Source', [action('Src', {status: 'Succeeded'})])]);
		const text = plainText(fleetRow(entry, fleetLayout(199, measure), now, theme));
		expect(text).toContain('web-frontend');
		expect(text).toContain('Succeeded');
		expect(text).toContain('10m');
		expect(text).toContain('0123456');
		expect(text).toContain('Fix the login button');
		expect(text).not.toContain('body');
	});

	test('the stage strip has one cell per stage, readable without colour', () => {
		const entry = pipeline('p', [
			stage('Source', [action('A', {status: 'Succeeded'})], {status: 'Succeeded'}),
			stage('Build', [action('B', {status: 'Failed'})], {status: 'Failed'}),
			stage('Approve', [action('C', {category: 'Approval', status: 'InProgress'})], {status: 'InProgress'}),
			stage('Deploy', [action('D')]),
		]);
		expect(plainText(stageStrip(entry, 10, theme))).toBe('✓✗‖·');
		expect(plainText(stageStrip(entry, 10, themeFor({TERM: 'dumb'})))).toBe('+x!.');
		expect(plainText(stageStrip(entry, 3, theme))).toBe('✓✗…');
	});

	test('a pipeline whose polling failed shows the error in place of the commit', () => {
		const entry = pipeline('p', [], {error: {code: 'AccessDeniedException', message: 'not allowed'}});
		expect(plainText(fleetRow(entry, fleetLayout(199, measure), now, theme))).toContain('AccessDeniedException: not allowed');
	});
});
