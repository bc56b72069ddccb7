import meow from 'meow';
import {type Command, type CommandContext, type GlobalFlags} from './app/context.js';
import {mainHelp, subcommandHelp} from './commands/help.js';
import {UsageError} from './config/usage-error.js';

const commands: Record<string, () => Promise<Command>> = {
	'': async () => (await import('./commands/console.js')).consoleCommand,
	status: async () => (await import('./commands/status.js')).statusCommand,
	watch: async () => (await import('./commands/watch.js')).watchCommand,
	why: async () => (await import('./commands/why.js')).whyCommand,
	where: async () => (await import('./commands/where.js')).whereCommand,
	approve: async () => (await import('./commands/operator.js')).operatorCommand('approve'),
	retry: async () => (await import('./commands/operator.js')).operatorCommand('retry'),
	stop: async () => (await import('./commands/operator.js')).operatorCommand('stop'),
	start: async () => (await import('./commands/operator.js')).operatorCommand('start'),
	transition: async () => (await import('./commands/operator.js')).operatorCommand('transition'),
	freeze: async () => (await import('./commands/freeze.js')).freezeCommand(),
	unfreeze: async () => (await import('./commands/freeze.js')).unfreezeCommand(),
	events: async () => (await import('./commands/events.js')).eventsCommand,
	rollback: async () => (await import('./commands/operator.js')).operatorCommand('rollback'),
	override: async () => (await import('./commands/operator.js')).operatorCommand('override'),
};

async function main(argv: string[]): Promise<number> {
	// The embedded service has its own flags; hand it the raw arguments.
	if (argv[0] === 'sim') {
		const {simCommand} = await import('./sim/cli.js');
		return simCommand(argv.slice(1));
	}

	const flags = {
		profile: {type: 'string'},
		allProfiles: {type: 'boolean', default: false},
		region: {type: 'string'},
		endpointUrl: {type: 'string'},
		config: {type: 'string'},
		readOnly: {type: 'boolean', default: false},
		demo: {type: 'boolean', default: false},
		json: {type: 'boolean', default: false},
		exitStatus: {type: 'boolean', default: false},
		executionId: {type: 'string'},
		stage: {type: 'string'},
		action: {type: 'string'},
		summary: {type: 'string'},
		reject: {type: 'boolean', default: false},
		allActions: {type: 'boolean', default: false},
		abandon: {type: 'boolean', default: false},
		reason: {type: 'string'},
		variable: {type: 'string', isMultiple: true, default: [] as string[]},
		revision: {type: 'string'},
		clientRequestToken: {type: 'string'},
		enable: {type: 'boolean', default: false},
		disable: {type: 'boolean', default: false},
		notify: {type: 'boolean', default: true},
		yes: {type: 'boolean', default: false},
		timeout: {type: 'number'},
		events: {type: 'string'},
		filter: {type: 'string'},
		orgId: {type: 'string'},
		consumers: {type: 'string'},
		regions: {type: 'string'},
		member: {type: 'boolean', default: false},
		targetExecutionId: {type: 'string'},
		conditionType: {type: 'string'},
	} as const;
	const unknown = unknownFlag(argv, Object.keys(flags));
	if (unknown) throw new UsageError(`unknown flag ${unknown} (try: pipetop --help)`);
	// Help is ours, not meow's: meow answers --help only when it is the one argument, so
	// `status --help` would have read the fleet.
	const cli = meow(mainHelp(), {importMeta: import.meta, argv, flags, autoHelp: false});

	const [name = '', ...args] = cli.input;
	const load = commands[name];
	if (!load) throw new UsageError(`unknown command "${name}" (try: pipetop --help)`);
	if ((cli.flags as {help?: boolean}).help) {
		process.stdout.write(name ? (subcommandHelp(name) ?? mainHelp()) : mainHelp());
		return 0;
	}
	const context: CommandContext = {
		args,
		flags: cli.flags as GlobalFlags,
		stdout: process.stdout,
		stderr: process.stderr,
		stdin: process.stdin,
		env: process.env,
	};
	const command = await load();
	// Clock timers are unref'd so that nothing left scheduled keeps a finished command alive; the
	// flip side is that a command waiting only on them would let Node exit mid-way (exit 13,
	// "unsettled top-level await"). Hold the process open for exactly as long as a command runs.
	const keepAlive = setInterval(() => {}, 1 << 30);
	try {
		return await command(context);
	} finally {
		clearInterval(keepAlive);
	}
}

/** Flags meow knows, as typed on the command line, so an unknown one gets one clear line. */
function unknownFlag(argv: string[], known: string[]): string | undefined {
	const names = new Set(['help', 'version', ...known.map(name => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`))]);
	for (const argument of argv) {
		if (argument === '--') break;
		if (!argument.startsWith('-') || argument === '-') continue;
		const name = argument.replace(/^--?/, '').split('=')[0];
		if (!names.has(name) && !names.has(name.replace(/^no-/, ''))) return argument.split('=')[0];
	}
	return undefined;
}

// A reader that went away (`status --json | head -c 100`, `watch X | head`) ends the command
// quietly, as SIGPIPE ends a C program: nobody is left to read a stack trace.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	// Bad usage and bad config are one clear line, never a stack trace.
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`pipetop: ${message}\n`);
	process.exitCode = error instanceof UsageError ? 2 : 1;
	if (process.env.PIPETOP_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
