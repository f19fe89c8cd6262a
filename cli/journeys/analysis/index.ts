/** The journey analysis core, shared by the CLI and (later) the staff pages as `$journeys`. */
export * from './event-log.ts';
export * from './interner.ts';
export * from './timestamps.ts';
export * from './durations.ts';
export * from './summary.ts';
export * from './variants.ts';
export * from './variant-trie.ts';
export * from './funnel.ts';
export * from './statistics.ts';
export * from './compare.ts';
export * from './dropouts.ts';
export * from './completion.ts';
export * from './channels.ts';
export * from './findings.ts';
