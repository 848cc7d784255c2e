// Source adapter for parliamentary documents: written questions with answers, committee documents.
export { parseParliamentText } from './parse.js';
export { readParliamentFolder } from './read.js';
export { pdfPagesToText } from './pdf-text.js';
export { decodeText, markdownToText, textToParagraphs } from './text.js';
export { findDutchDates, nameCase, parseDutchDate } from './metadata.js';
