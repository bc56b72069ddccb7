/** The only door to AWS: profiles, endpoints, credentials, clients and typed calls. */
export * from './types.js';
export {createSourceApi, type SourceApi, type PipelineReadApi, type PipelineWriteApi, type CallEvent, type CallOptions, type SourceApiOptions} from './api.js';
export {classifyError, isSourceLevel, needsFreshCredentials, CallTimeoutError, MalformedResponseError, type ClassifiedError, type ErrorKind} from './errors.js';
export {resolveEndpoint, resolveEndpoints, checkEndpointUrl, type AwsService, type EndpointInputs} from './endpoints.js';
export {awsFilePaths, readAwsFiles, profileNames, hasProfile, profileSettings, profileRegion, credentialKind, AwsConfigError, type AwsFiles, type AwsFilePaths, type ProfileSettings} from './profiles.js';
export {createQueueApi, regionOfQueueUrl, SQS_MAX_MESSAGES, SQS_MAX_WAIT_SECONDS, type QueueApi, type QueueAttributes, type QueueMessage, type QueueSpec} from './sqs.js';
export {partitionRegions} from './regions.js';
