/** Edits the quick fixes share, built on the one text-edit module (src/core/edit). */
import { detectLayout, nodeEnd, type Layout, type NodeStep } from '../../edit/nodes';
import { blockPairLines, renderFlow, type EditValue } from '../../edit/render';
import { columnOf, eolOf, lineStartOf, startsItsLine, type TextEdit } from '../../edit/text';
import { insertPairs, removeItem, removePair } from '../../edit/yamlEdits';
import { schemaAt, propertiesOf, type PathSeg } from '../../schemaView';
import type { MapNode, SourceNode } from '../../sourceTree';
import { listEntry } from './types';

/** Remove the list entry at the end of `chain`; the whole key when it is the list's only entry. */
export function removeEntry(text: string, chain: readonly NodeStep[]): TextEdit[] | undefined {
  const entry = listEntry(chain);
  if (!entry) return undefined;
  if (entry.seq.items.length === 1 && entry.owner?.step.pair)
    return removePair(text, entry.owner.map, entry.owner.step.pair);
  return removeItem(text, entry.seq, entry.index);
}

/** A node's whole text replaced by a value written in flow style. */
export function replaceWithFlow(text: string, node: SourceNode, value: EditValue): TextEdit {
  return { start: node.start, end: nodeEnd(text, node), text: renderFlow(value, true) };
}

/**
 * `key: value` added to the mapping at `path`, after the keys the schema lists before it.
 * Block values are laid out like the rest of the file.
 */
export function addKey(
  text: string,
  tree: SourceNode | undefined,
  map: MapNode,
  path: readonly PathSeg[],
  key: string,
  value: EditValue,
): TextEdit[] {
  const view = schemaAt(path);
  const order = view ? propertiesOf(view).map((p) => p.name) : [];
  const limit = order.indexOf(key);
  let after: string | undefined;
  for (let i = limit - 1; i >= 0; i--)
    if (map.byKey.has(order[i]!)) {
      after = order[i];
      break;
    }
  const first = map.pairs[0];
  if (after === undefined && limit >= 0 && first && !map.flow && startsItsLine(text, first.key.start)) {
    // the schema's first key (`workback`, `id`) goes first, on lines of its own before the first key's
    const at = lineStartOf(text, first.key.start);
    const lines = blockPairLines(key, value, columnOf(text, first.key.start), layoutOf(text, tree));
    return [{ start: at, end: at, text: lines.join(eolOf(text)) + eolOf(text) }];
  }
  return insertPairs(text, map, after, [[key, value]], layoutOf(text, tree));
}

export function layoutOf(text: string, tree: SourceNode | undefined): Layout {
  return detectLayout(text, tree);
}
