/** A problem in the AWS files a user has to fix; the app turns it into a usage error. */
export class AwsConfigError extends Error {
	override readonly name = 'AwsConfigError';
}
