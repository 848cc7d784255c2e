// Source adapter for the Flemish Government's decisions (decisions-site news-items).
export { normaliseDecision } from './normalise.js';
export { readDecisions, type DecisionRead } from './read.js';
export { brusselsDate, brusselsDayStart, nextDay } from './dates.js';
