// The entry point that esbuild bundles into a CommonJS file for PocketBase's
// JS hooks (pocketbase/pb_hooks/lib/generated/surveys.cjs): the server checks
// and counts with the very code the app and CLI use.
export { parseSurveyDefinition } from './schema.ts';
export { validateResponse } from './validate-response.ts';
export { aggregateResults, approvedTexts } from './results.ts';
export { closesAt, opensAt } from './dates.ts';
