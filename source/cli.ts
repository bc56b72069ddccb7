import meow from 'meow';
import {type Command, type CommandContext, type GlobalFlags} from './app/context.js';
import {UsageError} from './config/usage-error.js';

const help = `
  Usage
    $ pipetop                     the console on your AWS profiles
    $ pipetop --demo              the console on an embedded demo fleet (no AWS needed)
    $ pipetop status [--json]     one snapshot of the fleet, then exit
    $ pipetop watch PIPELINE      follow an execution to its end [--exit-status] [--json]
    $ pipetop approve PIPELINE --stage S --action A --summary TEXT [--reject]
    $ pipetop retry PIPELINE --stage S [--all-actions]
    $ pipetop stop PIPELINE [--abandon] [--reason TEXT]
    $ pipetop start PIPELINE [--variable k=v ...] [--revision ACTION=ID] [--client-request-token T]
    $ pipetop transition PIPELINE --stage S (--disable --reason TEXT | --enable)
    $ pipetop sim [--port N] [--scenario demo|empty|FILE] [--aws-dir DIR] [--seed N] [--speed X]

  Sources
    --profile a,b        AWS profiles (default: $AWS_PROFILE, else "default")
    --all-profiles       every profile in the AWS config and credentials files
    --region x,y|all     regions (default: each profile's own region; all: every region with pipelines)
    --endpoint-url URL   send every call to this endpoint

  Options
    --config FILE        config file (default: $XDG_CONFIG_HOME/pipetop/config.json)
    --read-only          never change anything: every action is refused
    --no-notify          no terminal bell or desktop notification
    --json               machine-readable output (status, watch, actions)
    --execution-id ID    the execution to watch or act on (default: the latest)
    --yes                do not ask before an action (headless actions only)
    --version, --help
`;

const commands: Record<string, () => Promise<Command>> = {
	'': async () => (await import('./commands/console.js')).consoleCommand,
	status: async () => (await import('./commands/status.js')).statusCommand,
	watch: async () => (await import('./commands/watch.js')).watchCommand,
	approve: async () => (await import('./commands/operator.js')).operatorCommand('approve'),
	retry: async () => (await import('./commands/operator.js')).operatorCommand('retry'),
	stop: async () => (await import('./commands/operator.js')).operatorCommand('stop'),
	start: async () => (await import('./commands/operator.js')).operatorCommand('start'),
	transition: async () => (await import('./commands/operator.js')).operatorCommand('transition'),
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
	} as const;
	const unknown = unknownFlag(argv, Object.keys(flags));
	if (unknown) throw new UsageError(`unknown flag ${unknown} (try: pipetop --help)`);
	const cli = meow(help, {importMeta: import.meta, argv, flags});

	const [name = '', ...args] = cli.input;
	const load = commands[name];
	if (!load) throw new UsageError(`unknown command "${name}" (try: pipetop --help)`);
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

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	// Bad usage and bad config are one clear line, never a stack trace.
	const message = error instanceof Error ? error.message : String(error);
	process.stderr.write(`pipetop: ${message}\n`);
	process.exitCode = error instanceof UsageError ? 2 : 1;
	if (process.env.PIPETOP_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
}
