/**
 * Block structure above a line, read by indentation: the `key:` and `- ` entries that enclose
 * a column, outermost first, with the index of each list item. Used by the cursor context.
 */
import type { PathSeg } from '../schemaView';
import { lineShape, type Entry, type Lines } from './yamlLines';

export interface Frame {
  entry: Entry;
  line: number;
  /** For a dash: the item's index in its list. */
  index: number;
}

export function pathOf(frames: Frame[]): PathSeg[] {
  return frames.map((f) => (f.entry.kind === 'key' ? f.entry.key : f.index));
}

/**
 * Walk up from line `ln` to the frames that enclose a slot at column `need`. `inner` is the
 * innermost frame already known (a dash on the cursor's line), whose index is counted here.
 * 'inside-scalar' when the slot lies inside a value written on a parent's line (a block scalar,
 * a multi-line text); a parent whose value is an open flow collection gives where it starts.
 */
export function walkUp(
  lines: Lines,
  ln: number,
  need: number,
  inner: Frame | undefined,
): Frame[] | 'inside-scalar' | { frames: Frame[]; flowFrom: number; flowPath: PathSeg[] } {
  const frames: Frame[] = [];
  let innermost: Frame | undefined = inner;
  let count = 0;
  for (let l = ln - 1; l >= 0; l--) {
    const ind = lines.indent(l);
    if (ind < 0 || ind > need) continue;
    const shape = lineShape(lines.line(l));
    if (shape.blank) continue;
    for (let k = shape.entries.length - 1; k >= 0; k--) {
      const e = shape.entries[k]!;
      const innerIsDash = innermost?.entry.kind === 'dash';
      const compactParent = innerIsDash && e.kind === 'key' && e.col === need && e.value === '';
      if (e.col < need || compactParent) {
        if (innermost && innerIsDash) innermost.index = count;
        if (frames.length === 0) {
          // the nearest parent holds a value on its own line: the slot is inside that value
          const valueOnLine = e.kind === 'key' ? e.value : k === shape.entries.length - 1 ? shape.rest : '';
          if (valueOnLine !== '') {
            if (valueOnLine[0] !== '[' && valueOnLine[0] !== '{') return 'inside-scalar';
            const lineFrames: Frame[] = shape.entries.slice(0, k + 1).map((x) => ({ entry: x, line: l, index: 0 }));
            const first = lineFrames[0]!;
            const upper = walkUp(lines, l, first.entry.col, first.entry.kind === 'dash' ? first : undefined);
            if (upper === 'inside-scalar' || 'flowFrom' in upper) return 'inside-scalar';
            const all = [...upper, ...lineFrames];
            const valueCol = e.kind === 'key' ? e.valueCol : shape.restCol;
            return { frames: all, flowFrom: lines.start(l) + valueCol, flowPath: pathOf(all) };
          }
        }
        const f: Frame = { entry: e, line: l, index: 0 };
        frames.unshift(f);
        innermost = f;
        need = e.col;
        count = 0;
      } else if (innerIsDash && e.kind === 'dash' && e.col === need) {
        count++;
      }
    }
    const top = frames[0];
    if (top && top.entry.kind === 'key' && top.entry.col === 0) break;
  }
  if (innermost && innermost.entry.kind === 'dash') innermost.index = count;
  return frames;
}
