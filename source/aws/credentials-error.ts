/** A profile's credentials could not be had; named like the SDK's, so the error classifier treats it alike. */
export class ProfileCredentialsError extends Error {
	override readonly name = 'CredentialsProviderError';
	/** The SDK's chain would try the next provider on this flag: pipetop's providers are the last. */
	readonly tryNextLink = false;
}
