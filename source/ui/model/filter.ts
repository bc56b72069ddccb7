// The filter language is shared with the headless bulk commands (`--filter`), so it lives with the
// store's selectors; the console keeps importing it from here.
export * from '../../store/filter.js';
