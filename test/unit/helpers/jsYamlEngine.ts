/**
 * js-yaml 5's event stream (offsets into the text, no AST) through the TreeBuilder: the fast
 * engine of the core until the block engine replaced it, kept here as a second, independent
 * parser that the block engine's differential tests compare against (js-yaml is a dev dependency).
 */
import { EVENT_ID, getScalarValue, parseEvents, type Event } from 'js-yaml';
import type { EngineResult } from '../../../src/core/parse/engineResult';
import { MAX_DEPTH, tooDeep } from '../../../src/core/parse/preflight';
import { findDirective, findSecondDocument, trimBlockEnd } from '../../../src/core/parse/properties';
import { TreeBuilder } from '../../../src/core/parse/treeBuilder';
import type { ScalarStyle } from '../../../src/core/sourceTree';

const STYLES: Record<number, ScalarStyle> = { 1: 'plain', 2: 'single', 3: 'double', 4: 'literal', 5: 'folded' };

export function parseJsYaml(text: string): EngineResult | 'fallback' {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_DEPTH });
  } catch (e) {
    const err = e as { message?: string; mark?: { position?: number } };
    if (typeof err.message === 'string' && err.message.includes('maxDepth')) {
      return { diagnostics: [tooDeep(err.mark?.position ?? 0)], tree: undefined };
    }
    return 'fallback';
  }
  const b = new TreeBuilder();
  let documents = 0;
  for (let i = 0; i < events.length; i++) {
    const ev = events[i]!;
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        documents++;
        if (documents === 2) {
          b.report({
            code: 'yaml-multiple-documents',
            severity: 'error',
            message: 'A plan file holds one YAML document; remove this second one or move it to its own file.',
            span: findSecondDocument(text, b.root ? b.root.end : 0),
          });
        }
        if (ev.directives.length) {
          b.report({
            code: 'yaml-directive',
            severity: 'error',
            message: 'Directives are not allowed: plans are YAML 1.2 and need none.',
            span: findDirective(text),
          });
        }
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        if (documents > 1) {
          i = skipNode(events, i);
          break;
        }
        properties(b, ev);
        if (ev.type === EVENT_ID.MAPPING) b.openMap(ev.start, ev.style === 2);
        else b.openSeq(ev.start, ev.style === 2);
        break;
      case EVENT_ID.SCALAR: {
        if (documents > 1) break;
        properties(b, ev);
        const style = STYLES[ev.style] ?? 'plain';
        const value = getScalarValue(text, ev);
        let start = ev.valueStart;
        let end = ev.valueEnd;
        if (start >= 0) {
          if (style === 'single' || style === 'double') {
            start--;
            end++;
          } else if (style === 'literal' || style === 'folded') {
            start = findBlockHeader(text, start);
            end = trimBlockEnd(text, start, end);
          }
        } else if (style === 'literal' || style === 'folded') {
          // an empty block scalar: its header is all there is
          start = -1;
        }
        b.scalar(start, end, style, value);
        break;
      }
      case EVENT_ID.ALIAS:
        if (documents > 1) break;
        b.report({
          code: 'yaml-anchor',
          severity: 'error',
          message: 'Aliases (*name) are not allowed in plans: write the value out.',
          span: { start: ev.anchorStart - 1, end: ev.anchorEnd },
        });
        b.scalar(ev.anchorStart - 1, ev.anchorEnd, 'plain', '');
        break;
      case EVENT_ID.POP:
        if (documents > 1) break;
        b.close();
        break;
    }
  }
  return { diagnostics: b.diagnostics, tree: b.root, plain: b.plain };
}

/** Index of the POP that closes the collection opened at `i`. */
function skipNode(events: Event[], i: number): number {
  let depth = 0;
  for (let j = i; j < events.length; j++) {
    const t = events[j]!.type;
    if (t === EVENT_ID.MAPPING || t === EVENT_ID.SEQUENCE) depth++;
    else if (t === EVENT_ID.POP && --depth === 0) return j;
  }
  return events.length;
}

function properties(
  b: TreeBuilder,
  ev: { anchorStart: number; anchorEnd: number; tagStart: number; tagEnd: number },
): void {
  if (ev.anchorStart >= 0) {
    b.report({
      code: 'yaml-anchor',
      severity: 'error',
      message: 'Anchors (&name) are not allowed in plans: write each value where it is used.',
      span: { start: ev.anchorStart - 1, end: ev.anchorEnd },
    });
  }
  if (ev.tagStart >= 0) {
    b.report({
      code: 'yaml-tag',
      severity: 'error',
      message: 'Explicit tags are not allowed in plans: write the value plainly (quote it to make it text).',
      span: { start: ev.tagStart, end: ev.tagEnd },
    });
  }
}

/** Start of the block scalar header (`|`, `>-`, ...) that introduces content at `contentStart`. */
function findBlockHeader(text: string, contentStart: number): number {
  let lineEnd = contentStart;
  for (let guard = 0; guard < 10000 && lineEnd > 0; guard++) {
    const lineStart = text.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = text.slice(lineStart, lineEnd).replace(/(^|\s)#.*$/, '$1');
    const k = Math.max(line.lastIndexOf('|'), line.lastIndexOf('>'));
    if (k >= 0) return lineStart + k;
    lineEnd = lineStart - 1;
    if (lineEnd < 0) break;
  }
  return contentStart;
}
