/**
 * What a build prints, per toolchain: the commands of each buildspec phase and their output. The
 * BUILD phase ends with the test runner, passing or failing by the build's outcome; a failing run
 * names the failing test and the assertion, as real runners do.
 */

import type {Rng} from '../random.js';
import {TEST_CASES} from '../text.js';
import type {Flavour} from './build.js';

export type Command = {command: string; output: string[]};

export type Script = {
	runtime: string;
	install: Command[];
	preBuild: Command[];
	/** The last BUILD command is the test command; it fails when the build fails. */
	build: Command[];
	postBuild: Command[];
	artifactsBase: string;
};

type Case = [file: string, name: string];

function pickCases(rng: Rng, count: number): Case[] {
	const pool = [...TEST_CASES];
	const cases: Case[] = [];
	while (cases.length < count && pool.length > 0) cases.push(pool.splice(rng.int(0, pool.length - 1), 1)[0]);
	return cases;
}

function camel(text: string): string {
	return text.replace(/[^a-zA-Z0-9]+(.)/g, (_, char: string) => char.toUpperCase());
}

function snake(text: string): string {
	return text.toLowerCase().replace(/[^a-z0-9]+/g, '_');
}

function nodeTests(rng: Rng, project: string, failing: boolean, command: string): string[] {
	const cases = pickCases(rng, rng.int(5, 8));
	const bad = failing ? cases[rng.int(0, cases.length - 1)] : undefined;
	const files = [...new Set(cases.map(([file]) => file))];
	const lines = [`> ${project}@1.${rng.int(2, 30)}.${rng.int(0, 9)} ${command.replace('npm run ', '').replace('npm ', '')}`, '> vitest run', '', ` RUN  v3.2.4 /codebuild/output/src${rng.int(100000000, 999999999)}/src`, ''];
	let total = 0;
	for (const file of files) {
		const count = rng.int(4, 30);
		total += count;
		if (bad && bad[0] === file) {
			lines.push(` ❯ src/${file}.test.ts (${count} tests | 1 failed) ${rng.int(40, 400)}ms`);
			lines.push(`   × ${file.split('/')[1]} > ${bad[1]} ${rng.int(2, 40)}ms`);
			lines.push(`     → expected ${rng.pick(['400 to be 422', "'pending' to be 'settled'", 'undefined to be defined', '3 to equal 2'])} // Object.is equality`);
		} else {
			lines.push(` ✓ src/${file}.test.ts (${count} tests) ${rng.int(20, 600)}ms`);
		}
	}
	lines.push('');
	lines.push(bad ? ` Test Files  1 failed | ${files.length - 1} passed (${files.length})` : ` Test Files  ${files.length} passed (${files.length})`);
	lines.push(bad ? `      Tests  1 failed | ${total - 1} passed (${total})` : `      Tests  ${total} passed (${total})`);
	lines.push(`   Duration  ${rng.real(2, 30).toFixed(2)}s`);
	return lines;
}

function pythonTests(rng: Rng, failing: boolean): string[] {
	const cases = pickCases(rng, rng.int(5, 8));
	const bad = failing ? cases[rng.int(0, cases.length - 1)] : undefined;
	const lines = ['============================= test session starts ==============================', 'platform linux -- Python 3.12.7, pytest-8.3.3, pluggy-1.5.0', `collected ${cases.length * 12} items`, ''];
	let percent = 0;
	for (const [file, name] of cases) {
		percent += Math.floor(100 / cases.length);
		const dots = '.'.repeat(11) + (bad && bad[1] === name ? 'F' : '.');
		lines.push(`tests/test_${snake(file)}.py ${dots}`.padEnd(74) + `[${String(Math.min(percent, 100)).padStart(3)}%]`);
	}
	if (bad) {
		const test = `test_${snake(bad[1])}`;
		lines.push('', '=================================== FAILURES ===================================', `___ ${test} ___`, '', 'E       AssertionError: assert 400 == 422', '', '=========================== short test summary info ============================');
		lines.push(`FAILED tests/test_${snake(bad[0])}.py::${test} - AssertionError: assert 400 == 422`);
		lines.push(`========================= 1 failed, ${cases.length * 12 - 1} passed in ${rng.real(5, 60).toFixed(2)}s =========================`);
	} else {
		lines.push(`============================= ${cases.length * 12} passed in ${rng.real(5, 60).toFixed(2)}s ==============================`);
	}
	return lines;
}

function javaTests(rng: Rng, failing: boolean): string[] {
	const cases = pickCases(rng, rng.int(5, 8));
	const bad = failing ? cases[rng.int(0, cases.length - 1)] : undefined;
	const lines = ['> Task :compileJava', '> Task :processResources', '> Task :classes', '> Task :compileTestJava', '> Task :test', ''];
	for (const [file, name] of cases) {
		const klass = `${camel(file.split('/')[1])}Test`.replace(/^./, char => char.toUpperCase());
		const failed = bad !== undefined && bad[1] === name;
		lines.push(`${klass} > ${camel(name)}() ${failed ? 'FAILED' : 'PASSED'}`);
		if (failed) lines.push(`    org.opentest4j.AssertionFailedError at ${klass}.java:${rng.int(30, 200)}`);
	}
	const total = cases.length * 9;
	if (bad) {
		lines.push('', `${total} tests completed, 1 failed`, '', '> Task :test FAILED', '', 'FAILURE: Build failed with an exception.', '', '* What went wrong:', "Execution failed for task ':test'.", '> There were failing tests. See the report at: file:///codebuild/output/src/build/reports/tests/test/index.html', '', `BUILD FAILED in ${rng.int(40, 200)}s`);
	} else {
		lines.push('', '> Task :check', '> Task :build', '', `BUILD SUCCESSFUL in ${rng.int(40, 200)}s`, `${rng.int(6, 12)} actionable tasks: ${rng.int(6, 12)} executed`);
	}
	return lines;
}

function goTests(rng: Rng, project: string, failing: boolean): string[] {
	const cases = pickCases(rng, rng.int(4, 7));
	const bad = failing ? cases[rng.int(0, cases.length - 1)] : undefined;
	const lines: string[] = [];
	for (const [file, name] of cases) {
		const pkg = `github.com/acme/${project}/internal/${file.split('/')[0]}`;
		if (bad && bad[1] === name) {
			lines.push(`--- FAIL: Test${camel(` ${name}`)} (0.0${rng.int(1, 9)}s)`, `    ${file.split('/')[1]}_test.go:${rng.int(20, 180)}: got status 400, want 422`, 'FAIL', `FAIL\t${pkg}\t${rng.real(0.1, 2).toFixed(3)}s`);
		} else {
			lines.push(`ok  \t${pkg}\t${rng.real(0.1, 2).toFixed(3)}s`);
		}
	}
	if (bad) lines.push('FAIL');
	return lines;
}

export function scriptFor(flavour: Flavour, rng: Rng, project: string, testCommand: string, failing: boolean): Script {
	switch (flavour) {
		case 'node':
			return {
				runtime: "Selecting 'nodejs' runtime version '22' based on manual selections...",
				install: [{command: 'n 22', output: ['  installed : v22.20.0 (with npm 10.9.3)']}],
				preBuild: [
					{command: 'npm ci', output: [`added ${rng.int(300, 1400)} packages, and audited ${rng.int(300, 1400)} packages in ${rng.int(8, 40)}s`, '', `${rng.int(40, 200)} packages are looking for funding`, '  run `npm fund` for details', '', 'found 0 vulnerabilities']},
					{command: 'npm run lint', output: [`> ${project}@1.0.0 lint`, '> eslint .', '']},
				],
				build: [
					{command: 'npm run build', output: [`> ${project}@1.0.0 build`, '> tsc -p tsconfig.build.json && esbuild src/index.ts --bundle --platform=node --outdir=dist', '', `  dist/index.js  ${rng.int(200, 2000)}.${rng.int(0, 9)}kb`, '', `⚡ Done in ${rng.int(80, 900)}ms`]},
					{command: testCommand, output: nodeTests(rng, project, failing, testCommand)},
				],
				postBuild: [{command: 'echo Build completed on `date`', output: []}],
				artifactsBase: 'dist',
			};
		case 'python':
			return {
				runtime: "Selecting 'python' runtime version '3.12' based on manual selections...",
				install: [{command: 'pip install --upgrade pip', output: ['Successfully installed pip-24.3.1']}],
				preBuild: [{command: 'pip install -r requirements.txt -r requirements-dev.txt', output: [`Successfully installed ${rng.int(20, 90)} packages`]}],
				build: [{command: testCommand, output: pythonTests(rng, failing)}],
				postBuild: [{command: 'echo Build completed on `date`', output: []}],
				artifactsBase: 'build',
			};
		case 'java':
			return {
				runtime: "Selecting 'java' runtime version 'corretto21' based on manual selections...",
				install: [{command: 'java -version', output: ['openjdk version "21.0.5" 2024-10-15 LTS', 'OpenJDK Runtime Environment Corretto-21.0.5.11.1 (build 21.0.5+11-LTS)']}],
				preBuild: [{command: './gradlew --version', output: ['Gradle 8.10.2']}],
				build: [{command: testCommand, output: javaTests(rng, failing)}],
				postBuild: [{command: 'echo Build completed on `date`', output: []}],
				artifactsBase: 'build/libs',
			};
		case 'go':
			return {
				runtime: "Selecting 'golang' runtime version '1.23' based on manual selections...",
				install: [{command: 'go version', output: ['go version go1.23.4 linux/amd64']}],
				preBuild: [{command: 'go mod download', output: []}, {command: 'go vet ./...', output: []}],
				build: [{command: 'go build -o bin/ ./cmd/...', output: []}, {command: testCommand, output: goTests(rng, project, failing)}],
				postBuild: [{command: 'echo Build completed on `date`', output: []}],
				artifactsBase: 'bin',
			};
	}
}
