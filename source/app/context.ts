/** What every subcommand receives from the argument parser (source/cli.ts). */
export type GlobalFlags = {
	profile?: string;
	allProfiles: boolean;
	region?: string;
	endpointUrl?: string;
	config?: string;
	readOnly: boolean;
	demo: boolean;
	json: boolean;
	exitStatus: boolean;
	executionId?: string;
	stage?: string;
	action?: string;
	summary?: string;
	reject: boolean;
	allActions: boolean;
	abandon: boolean;
	reason?: string;
	variable: string[];
	revision?: string;
	clientRequestToken?: string;
	enable: boolean;
	disable: boolean;
	notify: boolean;
	yes: boolean;
	/** Headless actions: give up waiting after this many seconds. */
	timeout?: number;
	/** --events QUEUE_URL: read the change feed from this queue; --no-events (false): no feed. */
	events?: string | false;
	/** Bulk actions, freeze: act on every pipeline these filter words show (the console's filter language). */
	filter?: string;
	/** `events template`: the organisation, the consumers (one queue each), the regions, the member template. */
	orgId?: string;
	consumers?: string;
	regions?: string;
	member?: boolean;
};

export type CommandContext = {
	/** Positional arguments after the command name. */
	args: string[];
	flags: GlobalFlags;
	stdout: NodeJS.WriteStream;
	stderr: NodeJS.WriteStream;
	stdin: NodeJS.ReadStream;
	env: NodeJS.ProcessEnv;
};

/** A subcommand: resolves to the process exit code. */
export type Command = (context: CommandContext) => Promise<number>;

/** Splits `a,b` flag values, dropping blanks. */
export function splitList(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map(part => part.trim())
		.filter(Boolean);
}
