export * from './types.js';
export {createFleetStore, applyUpdates, type FleetStore} from './create.js';
export {reduceFleet, initialFleetState, emptyCounts, type FleetUpdate} from './reducers.js';
export {attentionOf, comparePipelines, recencyOf, latestExecutionId, hasPendingApproval, ATTENTION_RANK} from './attention.js';
