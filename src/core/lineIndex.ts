import type { Position, Range, Span } from './diagnostic';

/**
 * Turns offsets into 0-based line/character positions. Built once per text, in one pass;
 * each lookup is a binary search. Lines end at \n, \r\n or a lone \r, as editors count them.
 */
export class LineIndex {
  private lineStarts: number[] | undefined;

  constructor(readonly text: string) {}

  /** Built on first use: a clean plan never pays for it. */
  private get starts(): number[] {
    if (this.lineStarts) return this.lineStarts;
    const text = this.text;
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // LF only (the common case): indexOf finds each line break far faster than a loop over every character
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      return (this.lineStarts = starts);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    return (this.lineStarts = starts);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo]! };
  }

  range(span: Span): Range {
    return { start: this.position(span.start), end: this.position(Math.max(span.start, span.end)) };
  }

  offset(pos: Position): number {
    const line = Math.max(0, Math.min(pos.line, this.starts.length - 1));
    const lineStart = this.starts[line]!;
    const next = line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
    return Math.min(lineStart + Math.max(0, pos.character), next);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!;
  }
}
