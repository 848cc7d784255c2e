// Live source for decisions: the decisions site's JSON:API news-item search.
export { API_DEFAULTS, DEFAULT_DECISIONS_API_URL, decisionsApiConfig, type DecisionsApiConfig } from './config.js';
export { MAX_PAGES, PAGE_SIZE, fetchDecisions, type LiveDecisionRead, type LiveSourceOptions, type PageReport, type RetryReport } from './client.js';
export { meetingDateFilter, searchUrl, type DateRange } from './page.js';
