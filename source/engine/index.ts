export {createFleetEngine, type EngineOptions, type EngineSource} from './engine.js';
export type {FleetEngine, PipetopEngine, Intervals, SourceInspection, FleetStore} from './types.js';
export type {TraceEvent} from './source-runner.js';
export {DEFAULT_INTERVALS, DEFAULT_BUDGET, DEFAULT_CALL_TIMEOUT_MS, STALE_FACTOR} from './defaults.js';
export {RequestBudget, type BudgetOptions, type BudgetSnapshot} from './budget.js';
export {isFinalExecutionStatus} from './map-execution.js';
