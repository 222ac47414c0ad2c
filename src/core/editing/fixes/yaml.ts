/**
 * Fixes of the YAML itself:
 *  - yaml-duplicate-key: remove this occurrence, or keep it and remove the first one
 *  - yaml-key-not-string: quote the key
 *  - yaml-directive: remove the directive lines
 *  - yaml-multiple-documents: comment out the second document, or remove it
 *  - empty-file: start a plan (a skeleton that checks clean)
 * yaml-anchor and yaml-tag are in anchors.ts.
 */
import { formatDay } from '../../day';
import type { Diagnostic } from '../../diagnostic';
import { removePair } from '../../edit/yamlEdits';
import { eolOf, lineStartOf, type TextEdit } from '../../edit/text';
import { resolvePlain } from '../../parse/scalar';
import { quoted, scalarAt, type FixInput, type QuickFix } from './types';

export function duplicateKey(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const map = at?.step.parent;
  const second = at?.step.pair;
  if (!at || map?.kind !== 'map' || !second || second.key !== at.node) return [];
  const key = quoted(second.key.text);
  const fixes: QuickFix[] = [];
  const removeThis = removePair(input.text, map, second);
  if (removeThis) fixes.push({ title: `Remove this ${key} (the first one stays)`, edits: removeThis, preferred: true });
  const first = map.byKey.get(second.key.text);
  const removeFirst = first && first !== second ? removePair(input.text, map, first) : undefined;
  if (removeFirst) fixes.push({ title: `Keep this ${key}, remove the first one`, edits: removeFirst });
  return fixes;
}

export function keyNotString(input: FixInput, diag: Diagnostic): QuickFix[] {
  const at = scalarAt(input, diag);
  const key = at?.node;
  if (!key || key.style !== 'plain' || key.text === '' || typeof resolvePlain(key.text) === 'string') return [];
  const quoted = JSON.stringify(key.text);
  return [
    { title: `Quote the key: ${quoted}`, edits: [{ start: key.start, end: key.end, text: quoted }], preferred: true },
  ];
}

/** Every line starting with `%` before the first `---`, line break included. */
export function directive(input: FixInput): QuickFix[] {
  const edits: TextEdit[] = [];
  const re = /^(%[^\r\n]*|---[^\r\n]*)(\r\n|\r|\n|$)/gm;
  for (let m = re.exec(input.text); m; m = re.exec(input.text)) {
    if (m[1]!.startsWith('---')) break;
    edits.push({ start: m.index, end: m.index + m[0].length, text: '' });
  }
  return edits.length
    ? [{ title: edits.length === 1 ? 'Remove the directive' : 'Remove the directives', edits, preferred: true }]
    : [];
}

export function multipleDocuments(input: FixInput, diag: Diagnostic): QuickFix[] {
  const text = input.text;
  const from = lineStartOf(text, diag.span.start);
  const commented: TextEdit[] = [];
  const re = /^(?=[^\r\n])/gm;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    commented.push({ start: m.index, end: m.index, text: '# ' });
    re.lastIndex = m.index + 1;
  }
  // removed: from the marker's line to the end (the line break before it stays, as the file's last)
  const removed: TextEdit = { start: from, end: text.length, text: '' };
  return [
    { title: 'Comment out the second document', edits: commented, preferred: true },
    { title: 'Remove the second document', edits: [removed] },
  ];
}

/** A plan that checks clean, due eight weeks from today, after what the file holds (comments). */
export function emptyFile(input: FixInput): QuickFix[] {
  if (input.today === undefined) return [];
  const eol = eolOf(input.text);
  const lines = [
    'workback: 1',
    'title: New plan',
    'goal:',
    '  outcome: What is true when the plan is done',
    '  measure: How you will know it is true',
    `  due: ${formatDay(input.today + 56)}`,
    '  owner: me',
    'people:',
    '  me: { name: Me }',
    'milestones:',
    '  - id: done',
    '    title: Goal reached',
  ];
  const at = input.text.length;
  const before = at > 0 && !/[\r\n]$/.test(input.text) ? eol : '';
  return [
    {
      title: 'Start a plan here',
      edits: [{ start: at, end: at, text: `${before}${lines.join(eol)}${eol}` }],
      preferred: true,
    },
  ];
}
