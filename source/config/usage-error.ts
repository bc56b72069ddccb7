/** Bad usage or configuration (flags, the config file, the AWS files): printed as one line, exit code 2. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}
