import type { RawDiagnostic } from '../diagnostic';
import type { SourceNode } from '../sourceTree';
import type { Repair } from './unclosed';

/** What a YAML engine gives: the tree (absent when the text is not valid YAML) and its problems. */
export interface EngineResult {
  diagnostics: RawDiagnostic[];
  tree: SourceNode | undefined;
  /** The tree's plain value (null-prototype objects), for the schema validator. */
  plain?: unknown;
  /** A quote or bracket left open: where its closing character would let the rest be read. */
  repair?: Repair;
}
