/**
 * The `yaml` package composes a Document recursively, a few frames per level: about 1,000
 * levels of nesting overflow the stack, and a caught overflow can leave V8 in a bad state.
 * composeGuarded feeds the package's Parser from its Lexer one token at a time, and stops
 * once an upper bound of the nesting passes NESTING_BOUND_LIMIT, so no text reaches the
 * composer nested deeper than that. The tokens are the package's own, so quotes, comments,
 * block scalars and flow are read exactly as the package reads them.
 */
import {
  Composer,
  CST,
  Lexer,
  Parser,
  YAMLParseError,
  type Document,
  type DocumentOptions,
  type ParseOptions,
  type SchemaOptions,
} from 'yaml';
import { MAX_DEPTH } from './preflight';

/**
 * The bound counts two levels for each indentation level and each flow bracket (a mapping
 * and a sequence can share a column; `[a: [b: ...` nests a pair's mapping in each bracket),
 * so a plan nested MAX_DEPTH deep stays well under it, and the composer far from overflowing.
 */
export const NESTING_BOUND_LIMIT = 4 * MAX_DEPTH;

export interface GuardedDocument {
  doc: Document.Parsed;
  /** The offset of the token where the nesting bound passed the limit (the Document stops there), or -1. */
  tooDeep: number;
  /** The largest nesting bound seen: the Document nests no deeper than this. */
  maxBound: number;
}

export function composeGuarded(text: string, options: ParseOptions & DocumentOptions & SchemaOptions): GuardedDocument {
  const parser = new Parser();
  const bound = new NestingBound();
  let tooDeep = -1;
  function* tokens(): Generator<CST.Token> {
    for (const lexeme of new Lexer().lex(text)) {
      if (bound.exceeds(lexeme)) {
        tooDeep = bound.offset;
        break;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  return { doc: doc!, tooDeep, maxBound: bound.max };
}

const Kind = {
  Other: 0,
  Space: 1,
  Newline: 2,
  Comment: 3,
  Indicator: 4,
  Open: 5,
  Close: 6,
  Header: 7,
  Scalar: 8,
} as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function kindOf(lexeme: string): Kind {
  switch (CST.tokenType(lexeme)) {
    case 'space':
      return Kind.Space;
    case 'newline':
      return Kind.Newline;
    case 'comment':
      return Kind.Comment;
    case 'seq-item-ind':
    case 'explicit-key-ind':
    case 'map-value-ind':
      return Kind.Indicator;
    case 'flow-map-start':
    case 'flow-seq-start':
      return Kind.Open;
    case 'flow-map-end':
    case 'flow-seq-end':
      return Kind.Close;
    case 'block-scalar-header':
      return Kind.Header;
    case 'scalar':
      return Kind.Scalar;
    default:
      return Kind.Other;
  }
}

/** Lexemes that stand for no text (CST.DOCUMENT, CST.FLOW_END, CST.SCALAR). */
const isControl = (lexeme: string) => lexeme === CST.DOCUMENT || lexeme === CST.FLOW_END || lexeme === CST.SCALAR;

/**
 * An upper bound of the nesting from the lexemes, in one pass. A block collection starts at a
 * line's first token (its column is the line's indentation) or right after an indicator
 * (`- `, `? `, `: `) on the same line; the columns of the block levels still open are kept on
 * a stack, popped by a line indented as much as they are or less.
 */
class NestingBound {
  /** The offset of the lexeme being read. */
  offset = 0;
  /** The largest bound so far. */
  max = 0;
  private column = 0;
  private flow = 0;
  /** Indicators inside flow on this line. */
  private flowIndicators = 0;
  private readonly columns: number[] = [];
  /** Weight of each entry of `columns`: 2 for a line's indentation, 1 for an indicator. */
  private readonly weights: number[] = [];
  private weight = 0;
  private lineStart = true;
  /** The column of an indicator that content may follow on its line, or -1. */
  private indicator = -1;
  /** The next lexeme is a scalar's text (after CST.SCALAR). */
  private scalarText = false;
  /** A block scalar's header was read: its text is not a line start. */
  private blockScalar = false;

  exceeds(lexeme: string): boolean {
    const at = this.column;
    this.offset += this.length;
    this.advance(lexeme);
    if (this.scalarText) {
      this.scalarText = false;
      return false;
    }
    if (lexeme === CST.DOCUMENT) return false;
    if (lexeme === CST.FLOW_END) {
      this.flow = 0; // the lexer ended every open flow collection here, and the parser closes them
      return false;
    }
    const kind = kindOf(lexeme);
    if (kind === Kind.Space || kind === Kind.Comment) return false;
    if (kind === Kind.Newline) {
      this.lineStart = true;
      this.indicator = -1;
      this.flowIndicators = 0;
      return false;
    }
    if (kind === Kind.Scalar) {
      this.scalarText = true;
      if (this.blockScalar) {
        this.blockScalar = false;
        return false;
      }
    } else this.blockScalar = kind === Kind.Header;
    if (this.lineStart) {
      this.lineStart = false;
      if (this.flow === 0) {
        this.popTo(at);
        this.push(at, 2);
      }
    } else if (this.indicator >= 0 && this.flow === 0) this.push(this.indicator, 1);
    this.indicator = -1;
    if (kind === Kind.Indicator) {
      if (this.flow === 0) this.indicator = at;
      else this.flowIndicators++;
    } else if (kind === Kind.Open) this.flow++;
    else if (kind === Kind.Close && this.flow > 0) this.flow--;
    const bound = this.weight + 2 * this.flow + this.flowIndicators;
    if (bound > this.max) this.max = bound;
    return bound > NESTING_BOUND_LIMIT;
  }

  /** Length of the previous lexeme's text, added to `offset` when the next one comes. */
  private length = 0;

  private advance(lexeme: string): void {
    this.length = isControl(lexeme) ? 0 : lexeme.length;
    const nl = lexeme.lastIndexOf('\n');
    this.column = nl < 0 ? this.column + this.length : lexeme.length - nl - 1;
  }

  private popTo(column: number): void {
    const cols = this.columns;
    while (cols.length && cols[cols.length - 1]! >= column) {
      cols.pop();
      this.weight -= this.weights.pop()!;
    }
  }

  private push(column: number, weight: number): void {
    this.columns.push(column);
    this.weights.push(weight);
    this.weight += weight;
  }
}
