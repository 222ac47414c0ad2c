/**
 * One set of rules for SVG that reaches the page or a file: the webview adopts Mermaid's picture
 * through it, and the extension host passes an exported SVG through it again before writing it
 * (the page is not trusted). Pure string work, no DOM: the markup is tokenized once, left to
 * right, and written out anew from an allowlist, so what comes out is well-formed XML that an
 * XML or an HTML parser reads the same way.
 *
 * - Elements: drawing elements only; anything else (script, foreignObject, a, image, iframe,
 *   animate, set, an unknown name) is dropped with everything inside it. Comments, processing
 *   instructions and CDATA markers go; a DOCTYPE (entities) makes the whole input refused.
 * - Attributes: presentation and layout names, `aria-*` and `data-*`; never `on*`; `href` and
 *   `xlink:href` only to a fragment of the picture (`#id`); namespaces only SVG's and XLink's;
 *   no value with a CSS escape, `@import`, `expression(`, a script URL or a `url()` but `url(#id)`.
 * - CSS (`<style>`, `style="…"`, and any attribute value): no `@import`, no `url()` but `url(#id)`,
 *   no `expression(`, no escapes (a backslash could spell any of them).
 * - Entities: `&amp; &lt; &gt; &quot; &apos; &nbsp;` and numeric references are decoded before the
 *   checks; any other `&name;` stays text. Everything is escaped again on the way out.
 *
 * Linear in the markup's length (sticky regular expressions without nested repetition).
 */

const ELEMENTS: ReadonlySet<string> = new Set([
  'svg',
  'g',
  'defs',
  'style',
  'title',
  'desc',
  'symbol',
  'use',
  'marker',
  'clipPath',
  'mask',
  'pattern',
  'linearGradient',
  'radialGradient',
  'stop',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'path',
  'text',
  'tspan',
  'textPath',
]);

const ATTRIBUTES: ReadonlySet<string> = new Set([
  'id',
  'class',
  'style',
  'role',
  'tabindex',
  'lang',
  'xml:space',
  'xml:lang',
  'version',
  'xmlns',
  'xmlns:xlink',
  'href',
  'xlink:href',
  'x',
  'y',
  'x1',
  'y1',
  'x2',
  'y2',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'dx',
  'dy',
  'width',
  'height',
  'viewBox',
  'preserveAspectRatio',
  'd',
  'points',
  'pathLength',
  'transform',
  'gradientUnits',
  'gradientTransform',
  'offset',
  'fx',
  'fy',
  'spreadMethod',
  'patternUnits',
  'patternContentUnits',
  'patternTransform',
  'clipPathUnits',
  'maskUnits',
  'maskContentUnits',
  'markerWidth',
  'markerHeight',
  'markerUnits',
  'refX',
  'refY',
  'orient',
  'textLength',
  'lengthAdjust',
  'startOffset',
  'rotate',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'opacity',
  'color',
  'display',
  'visibility',
  'overflow',
  'clip-path',
  'clip-rule',
  'mask',
  'marker-start',
  'marker-mid',
  'marker-end',
  'stop-color',
  'stop-opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'font-variant',
  'letter-spacing',
  'word-spacing',
  'text-anchor',
  'text-decoration',
  'dominant-baseline',
  'alignment-baseline',
  'baseline-shift',
  'writing-mode',
  'transform-origin',
  'shape-rendering',
  'text-rendering',
  'vector-effect',
  'paint-order',
  'pointer-events',
  'cursor',
]);

/** Elements whose content is not drawn on its own: text is kept only inside these. */
const TEXT_PARENTS: ReadonlySet<string> = new Set(['style', 'title', 'desc', 'text', 'tspan', 'textPath']);

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTR = /\s+([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=`]+)))?/y;
const TAG_END = /\s*(\/?)>/y;

/** The sanitized picture, or undefined when the input is not an SVG element (or holds a DOCTYPE). */
export function sanitizeSvg(markup: string): string | undefined {
  const out: string[] = [];
  const open: string[] = [];
  /** Depth inside a dropped element (0: not inside one). */
  let dropped = 0;
  let rootSeen = false;
  let i = markup.search(/<svg[\s>/]/);
  if (i < 0 || /<!DOCTYPE|<!ENTITY/i.test(markup)) return undefined;
  while (i < markup.length && !(rootSeen && open.length === 0 && dropped === 0)) {
    const lt = markup.indexOf('<', i);
    const textEnd = lt < 0 ? markup.length : lt;
    if (textEnd > i) {
      if (dropped === 0 && open.length > 0 && TEXT_PARENTS.has(open[open.length - 1]!))
        out.push(textOf(markup.slice(i, textEnd), open[open.length - 1] === 'style'));
      i = textEnd;
      continue;
    }
    if (markup.startsWith('<!--', i)) {
      i = skipPast(markup, i, '-->');
    } else if (markup.startsWith('<![CDATA[', i)) {
      const end = markup.indexOf(']]>', i);
      const body = markup.slice(i + 9, end < 0 ? markup.length : end);
      if (dropped === 0 && open.length > 0 && TEXT_PARENTS.has(open[open.length - 1]!))
        out.push(escapeText(open[open.length - 1] === 'style' ? cleanCss(body) : body));
      i = end < 0 ? markup.length : end + 3;
    } else if (markup.startsWith('<?', i) || markup.startsWith('<!', i)) {
      i = skipPast(markup, i, '>');
    } else if (markup.startsWith('</', i)) {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(markup)?.[0] ?? '';
      i = skipPast(markup, i, '>');
      if (dropped > 0) dropped--;
      else if (open.length > 0 && open[open.length - 1] === name) out.push(`</${open.pop()!}>`);
    } else {
      const tag = readTag(markup, i);
      if (!tag) {
        // a lone '<' in text: as text
        if (dropped === 0 && open.length > 0 && TEXT_PARENTS.has(open[open.length - 1]!)) out.push('&lt;');
        i++;
        continue;
      }
      i = tag.end;
      if (dropped > 0 || !ELEMENTS.has(tag.name) || (!rootSeen && tag.name !== 'svg')) {
        if (!tag.selfClosing) dropped++;
        continue;
      }
      out.push(`<${tag.name}${attributesOf(tag.name, tag.attributes, !rootSeen)}${tag.selfClosing ? '/>' : '>'}`);
      rootSeen = true;
      if (!tag.selfClosing) open.push(tag.name);
    }
  }
  while (open.length > 0) out.push(`</${open.pop()!}>`);
  return out.join('');
}

interface Tag {
  name: string;
  attributes: [string, string][];
  selfClosing: boolean;
  end: number;
}

function readTag(markup: string, at: number): Tag | undefined {
  NAME.lastIndex = at + 1;
  const name = NAME.exec(markup)?.[0];
  if (!name) return undefined;
  let i = NAME.lastIndex;
  const attributes: [string, string][] = [];
  for (;;) {
    ATTR.lastIndex = i;
    const m = ATTR.exec(markup);
    if (!m) break;
    attributes.push([m[1]!, decodeEntities(m[2] ?? m[3] ?? m[4] ?? '')]);
    i = ATTR.lastIndex;
  }
  TAG_END.lastIndex = i;
  const end = TAG_END.exec(markup);
  if (!end) {
    // something this reader does not take (a stray quote...): the tag is dropped, up to its '>'
    const close = markup.indexOf('>', i);
    return { name: `\0${name}`, attributes: [], selfClosing: true, end: close < 0 ? markup.length : close + 1 };
  }
  return { name, attributes, selfClosing: end[1] === '/', end: TAG_END.lastIndex };
}

function attributesOf(element: string, attributes: readonly [string, string][], root: boolean): string {
  const seen = new Set<string>();
  let out = '';
  for (const [name, value] of attributes) {
    if (seen.has(name) || !attributeAllowed(name, value)) continue;
    seen.add(name);
    if (name === 'xmlns' && !root) continue;
    out += ` ${name}="${escapeAttribute(name === 'style' && /[(@\\/]/.test(value) ? cleanCss(value) : value)}"`;
  }
  if (root && !seen.has('xmlns')) out = ` xmlns="${SVG_NS}"${out}`;
  if (element === 'svg' && root && out.includes('xlink:href') && !seen.has('xmlns:xlink'))
    out += ` xmlns:xlink="${XLINK_NS}"`;
  return out;
}

/** What no attribute value may hold: a CSS escape, an import, a script URL, an IE expression. */
const UNSAFE_VALUE = /\\|@import|expression\s*\(|javascript:|vbscript:/i;

function attributeAllowed(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (lower.startsWith('on')) return false;
  if (/^(aria|data)-[a-z0-9_.-]+$/.test(lower)) return true; // read by nothing that fetches; escaped
  if (!ATTRIBUTES.has(name)) return false;
  if (name === 'xmlns') return value === SVG_NS;
  if (name === 'xmlns:xlink') return value === XLINK_NS;
  if (name === 'href' || name === 'xlink:href') return /^#[\w.:-]*$/.test(value);
  if (name === 'style') return !/javascript:|vbscript:/i.test(value); // and its CSS is cleaned
  return !UNSAFE_VALUE.test(value) && (!value.includes('(') || cleanUrls(value) === value);
}

/**
 * CSS without anything that fetches or runs: comments and escapes out, `@import` rules out,
 * every `url(…)` but a fragment of the picture becomes `none`, `expression(` and bindings out.
 */
export function cleanCss(css: string): string {
  return cleanUrls(
    withoutComments(css)
      .replace(/\\/g, '')
      .replace(/@import[^;]*;?/gi, ''),
  )
    .replace(/expression\s*\(/gi, 'none(')
    .replace(/-moz-binding|behavior\s*:/gi, 'x-removed:');
}

/** CSS comments out (an unclosed one takes the rest), with indexOf: one pass. */
function withoutComments(css: string): string {
  let out = '';
  let from = 0;
  for (let open = css.indexOf('/*'); open >= 0; open = css.indexOf('/*', from)) {
    out += css.slice(from, open);
    const close = css.indexOf('*/', open + 2);
    if (close < 0) return out;
    from = close + 2;
  }
  return out + css.slice(from);
}

const URL_START = /url\s*\(/gi;
const FRAGMENT_URL_REST = /\s*(['"]?)#[\w.:-]*\1\s*\)/y;

/** Every `url(…)` that is not `url(#id)` becomes `none` (an unclosed one takes the rest); one pass. */
function cleanUrls(css: string): string {
  let out = '';
  let from = 0;
  URL_START.lastIndex = 0;
  for (let m = URL_START.exec(css); m; m = URL_START.exec(css)) {
    FRAGMENT_URL_REST.lastIndex = URL_START.lastIndex;
    if (FRAGMENT_URL_REST.test(css)) continue;
    out += `${css.slice(from, m.index)}none`;
    const close = css.indexOf(')', URL_START.lastIndex);
    if (close < 0) return out;
    from = URL_START.lastIndex = close + 1;
  }
  return out + css.slice(from);
}

function textOf(raw: string, css: boolean): string {
  const text = decodeEntities(raw);
  return escapeText(css ? cleanCss(text) : text);
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z]{2,8});/g, (all, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? all;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  });
}

const TO_ESCAPE = /[&<>\u00A0"\t\n\r]/;

function escapeText(s: string): string {
  if (!TO_ESCAPE.test(s)) return s;
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00A0/g, '&#160;');
}

/**
 * What XML 1.0 cannot carry, even as a character reference: C0 controls but tab and the line
 * breaks, lone surrogates, U+FFFE and U+FFFF. The page shows them as text (HTML can), but a
 * file must open in every SVG reader (a plan title may hold U+0001, written "\x01").
 */
const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Sanitised markup as a well-formed XML file: each character XML cannot carry becomes U+FFFD. */
export function asXmlFile(sanitized: string): string {
  return sanitized.replace(NOT_XML, '\uFFFD');
}

function escapeAttribute(s: string): string {
  if (!TO_ESCAPE.test(s)) return s;
  return escapeText(s)
    .replace(/"/g, '&quot;')
    .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function skipPast(markup: string, at: number, end: string): number {
  const k = markup.indexOf(end, at);
  return k < 0 ? markup.length : k + end.length;
}
