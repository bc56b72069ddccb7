import {writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, beforeAll, expect, test} from 'vitest';
import {UsageError} from '../../source/config/usage-error.js';
import {consoleCommand} from '../../source/commands/console.js';
import {startFleetHarness, type FleetHarness} from '../helpers/fleet-harness.js';

let fleet: FleetHarness;
beforeAll(async () => {
	fleet = await startFleetHarness({scenario: 'demo', start: false});
});
afterAll(async () => {
	await fleet?.close();
});

test('without a terminal the console refuses and points to pipetop status (exit 2)', async () => {
	const {context, stderr} = fleet.commandContext([]);
	expect(await consoleCommand({...context, stdin: new PassThrough() as unknown as NodeJS.ReadStream})).toBe(2);
	expect(stderr()).toBe('pipetop: the console needs a terminal on stdin and stdout.\n  For a snapshot (or scripts and pipes) use: pipetop status [--json]\n');
});

test('a bad key override in the config file is a usage error naming the file and the key', async () => {
	const config = join(fleet.dir, 'bad-keys.json');
	await writeFile(config, JSON.stringify({keys: {aprove: 'A'}}));
	const {context} = fleet.commandContext([], {config, profile: 'prod'});
	const terminal = Object.assign(new PassThrough(), {isTTY: true, columns: 80, rows: 24});
	const run = consoleCommand({...context, stdin: terminal as unknown as NodeJS.ReadStream, stdout: terminal as unknown as NodeJS.WriteStream});
	await expect(run).rejects.toThrow(UsageError);
	await expect(run).rejects.toThrow(`${config}: keys: unknown command "aprove"`);
});
