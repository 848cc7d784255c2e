// HTML helpers shared by the source adapters: a sanitiser for HTML we show,
// and a converter to the plain text we index and quote.
import { Parser } from 'htmlparser2';
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'p', 'br', 'strong', 'em', 'b', 'i', 'sub', 'sup',
  'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
];

/** Elements whose content is never readable text (code, styling, embedded documents). */
const HIDDEN_CONTENT_TAGS = [
  'script', 'style', 'noscript', 'iframe', 'template', 'object', 'embed',
  'textarea', 'option', 'select', 'head', 'title', 'svg', 'math', 'canvas', 'frameset', 'frame',
];

const SAFE_HREF = /^(https?:|mailto:)/i;

const SANITISE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  nonTextTags: HIDDEN_CONTENT_TAGS,
  disallowedTagsMode: 'discard',
  transformTags: {
    // sanitize-html lets relative links through; we only keep links that work wherever the HTML is embedded.
    a: (tagName, attribs) => {
      const href = attribs.href?.trim();
      const kept: sanitizeHtml.Attributes = href && SAFE_HREF.test(href) ? { href } : {};
      return { tagName, attribs: kept };
    },
  },
};

/** HTML reduced to basic formatting, safe to embed: no scripts, styles, frames, event handlers or non-http(s)/mailto links. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, SANITISE_OPTIONS).trim();
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);
const LINE_TAGS = new Set(['tr', 'li']);
const CELL_TAGS = new Set(['td', 'th']);
const LIST_TAGS = new Set(['ul', 'ol']);

/** No break, a line break, a paragraph break: the strongest pending one wins. */
type Break = 0 | 1 | 2;

/**
 * Readable plain text of an HTML fragment: block elements become paragraphs
 * (separated by a blank line), `<br>` a line break, list items lines starting
 * with "- " (indented per nesting level), table rows lines with cells separated
 * by " | ". Entities are decoded, whitespace collapsed, comments and the content
 * of script/style/iframe... dropped.
 *
 * A blank line inside a text node is also read as a paragraph break: the
 * decisions site's editor separates paragraphs that way without any markup.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let pending: Break = 0;
  /** Whether the last thing written was a space (or a line start): collapses whitespace across text nodes. */
  let atSpace = true;
  let hiddenDepth = 0;
  let listDepth = 0;
  let cellDepth = 0;
  let cellsInRow = 0;
  /** A bullet was just written: blocks opening inside the item must not push its text to the next line. */
  let bulletOpen = false;

  const requestBreak = (kind: Break): void => {
    if (bulletOpen) return;
    if (cellDepth > 0) {
      // Paragraphs inside a table cell stay on the row's line.
      if (!atSpace) {
        out.push(' ');
        atSpace = true;
      }
      return;
    }
    if (kind > pending) pending = kind;
  };
  const write = (text: string): void => {
    if (pending > 0 && out.length > 0) {
      out.push(pending === 2 ? '\n\n' : '\n');
      atSpace = true;
    }
    pending = 0;
    bulletOpen = false;
    out.push(text);
  };
  const writeWords = (data: string): void => {
    const collapsed = data.replace(/[\s\u00a0]+/g, ' ');
    if (collapsed === ' ') {
      if (!atSpace && pending === 0) {
        out.push(' ');
        atSpace = true;
      }
      return;
    }
    const text = atSpace || pending > 0 ? collapsed.replace(/^ /, '') : collapsed;
    if (text === '') return;
    write(text);
    atSpace = text.endsWith(' ');
  };

  // htmlparser2 delivers one text node in pieces (split at entities and comments): gather them so a
  // blank line written as "\n&nbsp;\n" is still seen as one.
  let text = '';
  const flushText = (): void => {
    if (text === '') return;
    const parts = text.replace(/[\u200b\u2060\ufeff]/g, '').split(/\n[ \t\u00a0]*\n/);
    text = '';
    parts.forEach((part, index) => {
      // The editor also cuts sentences this way ("omvat twee\n\naspecten"): no break before a lower-case continuation.
      const continuesSentence = index > 0 && !/[.?!:;]\s*$/.test(parts[index - 1]!) && /^\s*\p{Ll}/u.test(part);
      if (index > 0 && !continuesSentence) requestBreak(listDepth > 0 ? 1 : 2);
      writeWords(index > 0 && continuesSentence ? ` ${part}` : part);
    });
  };

  const parser = new Parser(
    {
      onopentag(name) {
        flushText();
        if (HIDDEN_CONTENT_TAGS.includes(name)) hiddenDepth++;
        if (hiddenDepth > 0) return;
        if (name === 'br') {
          // A <br> is content: it breaks even an empty line, but never adds to a pending paragraph break.
          if (pending === 0) {
            out.push('\n');
            atSpace = true;
          }
          return;
        }
        if (LIST_TAGS.has(name)) {
          listDepth++;
          requestBreak(listDepth === 1 ? 2 : 1);
        } else if (name === 'li') {
          bulletOpen = false;
          requestBreak(1);
          write(`${'  '.repeat(Math.max(0, listDepth - 1))}- `);
          atSpace = true;
          bulletOpen = true;
        } else if (name === 'tr') {
          requestBreak(1);
          cellsInRow = 0;
        } else if (CELL_TAGS.has(name)) {
          cellDepth++;
          if (cellsInRow++ > 0) {
            write(' | ');
            atSpace = true;
          }
        } else if (BLOCK_TAGS.has(name)) {
          requestBreak(listDepth > 0 ? 1 : 2);
        }
      },
      onclosetag(name) {
        flushText();
        if (HIDDEN_CONTENT_TAGS.includes(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (LIST_TAGS.has(name)) {
          listDepth = Math.max(0, listDepth - 1);
          requestBreak(listDepth === 0 ? 2 : 1);
        } else if (CELL_TAGS.has(name)) {
          cellDepth = Math.max(0, cellDepth - 1);
        } else if (LINE_TAGS.has(name)) {
          bulletOpen = false;
          requestBreak(1);
        } else if (BLOCK_TAGS.has(name)) {
          requestBreak(listDepth > 0 ? 1 : 2);
        }
      },
      ontext(data) {
        if (hiddenDepth === 0) text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flushText();

  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, '').replace(/^(?![ ]*- )[ \t]+/, ''))
    .filter((line) => !/^[ ]*-$/.test(line)) // list items with nothing in them
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
