// Renderers: pure functions from a SectionReport to text.
export {
  UnknownCitationError,
  numberCitations,
  placeholderKeys,
  replaceCitationPlaceholders,
  resolveReason,
  type CitationNumbering,
  type PlaceholderFormat,
} from './citations.js';
export { renderMarkdown } from './markdown.js';
export { renderJson, toJsonReport, JSON_SCHEMA_VERSION, type JsonReport, type JsonReference, type JsonCommitment, type JsonClaim, type JsonDossier } from './json.js';
export { renderHtml } from './html.js';
export { renderIndexMarkdown, type IndexEntry } from './index-page.js';
export { statusLabel, generatorLine } from './labels.js';
