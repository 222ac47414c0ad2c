/**
 * The plan index's checks: a plan's text (an open document's, a file's bytes, or the text last
 * read) checked against today and the settings, or the reason it is not parsed, stored as the
 * plan's entry. Each runs inside a slice of the index's SliceRunner and publishes nothing once
 * its job is no longer current.
 */
import * as vscode from 'vscode';
import { decodePlanBytes, detachSource, type CheckResult, type Day, type Diagnostic } from '../../core';
import { openDocument } from '../planFiles';
import { LARGE_FILE_SIZE, type Settings } from '../settings';
import type { IndexStats, PlanEntries, PlanEntry } from './entries';
import { checkText, errorText, tooLarge } from './planCheck';

export interface CheckerDeps {
  log: vscode.LogOutputChannel;
  today: () => Day;
  settings: () => Settings;
}

type IsCurrent = () => boolean;

export class PlanChecker {
  constructor(
    private readonly deps: CheckerDeps,
    private readonly entries: PlanEntries,
    private readonly stats: IndexStats,
  ) {}

  /** An open document's text as it is now. */
  document(doc: vscode.TextDocument, isCurrent: IsCurrent): void {
    if (doc.isClosed) return; // its close event scheduled what comes next
    const { maxFileSize } = this.deps.settings();
    const size = doc.offsetAt(new vscode.Position(doc.lineCount, 0));
    if (size > maxFileSize) {
      this.publish(
        doc.uri,
        'document',
        doc.version,
        size,
        undefined,
        tooLarge(size, maxFileSize, doc.lineAt(0).range.end.character),
        isCurrent,
      );
      return;
    }
    this.publish(doc.uri, 'document', doc.version, size, doc.getText(), undefined, isCurrent);
  }

  /** A file that its stat already showed to be over `maxFileSize`: not read. */
  tooLargeFile(uri: vscode.Uri, size: number, maxFileSize: number, isCurrent: IsCurrent): void {
    this.publish(uri, 'file', undefined, size, undefined, tooLarge(size, maxFileSize, 0), isCurrent);
  }

  /** A file's bytes, decoded as the CLI decodes them (a byte order mark dropped, as VS Code's documents drop it). */
  fileBytes(uri: vscode.Uri, bytes: Uint8Array, maxFileSize: number, isCurrent: IsCurrent): void {
    if (openDocument(uri)) return; // the document's own job says more
    if (bytes.byteLength > maxFileSize) {
      this.tooLargeFile(uri, bytes.byteLength, maxFileSize, isCurrent);
      return;
    }
    const decoded = decodePlanBytes(bytes, { bom: 'drop' });
    if (decoded.ok) this.publish(uri, 'file', undefined, bytes.byteLength, decoded.text, undefined, isCurrent);
    else this.publish(uri, 'file', undefined, bytes.byteLength, undefined, decoded.diagnostic, isCurrent);
  }

  /** The text last read from the file, checked again (against a new day, or new settings). */
  stored(entry: PlanEntry, isCurrent: IsCurrent): void {
    if (!entry.result || openDocument(entry.uri)) return;
    const { maxFileSize } = this.deps.settings();
    const notParsed = entry.size > maxFileSize ? tooLarge(entry.size, maxFileSize, 0) : undefined;
    this.publish(
      entry.uri,
      'file',
      undefined,
      entry.size,
      notParsed ? undefined : entry.result.lines.text,
      notParsed,
      isCurrent,
    );
  }

  /**
   * An open document is the text VS Code decoded (its files.encoding), and that is what is
   * checked. When that text holds U+FFFD and is as saved, the file's bytes may not have been text:
   * they are decoded as the CLI decodes them, and an `invalid-encoding` is shown beside the rest.
   */
  async documentBytes(doc: vscode.TextDocument, isCurrent: IsCurrent): Promise<void> {
    const version = doc.version;
    if (
      doc.isDirty ||
      doc.isClosed ||
      doc.uri.scheme === 'untitled' ||
      this.entries.get(doc.uri)?.version !== version ||
      !doc.getText().includes('\uFFFD')
    )
      return;
    const bytes = await vscode.workspace.fs.readFile(doc.uri).then(
      (b) => b,
      () => undefined,
    );
    const entry = this.entries.get(doc.uri);
    if (!bytes || !isCurrent() || doc.isDirty || doc.version !== version || entry?.version !== version) return;
    const decoded = decodePlanBytes(bytes, { bom: 'drop' });
    if (decoded.ok) return;
    this.entries.set({ ...entry, diagnostics: [decoded.diagnostic, ...entry.diagnostics] }, true);
    this.entries.settle();
  }

  private publish(
    uri: vscode.Uri,
    source: PlanEntry['source'],
    version: number | undefined,
    size: number,
    text: string | undefined,
    notParsed: Diagnostic | undefined,
    isCurrent: IsCurrent,
  ): void {
    if (!isCurrent()) return;
    const today = this.deps.today();
    const t0 = performance.now();
    let result: CheckResult | undefined;
    let diagnostics: readonly Diagnostic[];
    if (text === undefined) {
      diagnostics = notParsed ? [notParsed] : [];
    } else {
      this.stats.checks++;
      ({ result, diagnostics } = checkText(text, today, this.deps.settings().maxFileSize, (e) =>
        this.deps.log.error(`checkPlan threw on ${uri.toString()}: ${errorText(e)}`),
      ));
      // A plan nobody has open is kept without its source tree (a fraction of the memory, and of
      // the garbage collection while indexing); the language features check open documents only.
      if (result && source === 'file') detachSource(result);
    }
    const checkMs = performance.now() - t0;
    this.entries.set(
      {
        uri,
        source,
        version,
        size,
        large: size > LARGE_FILE_SIZE,
        tooLarge: notParsed?.code === 'file-too-large',
        undecodable: notParsed?.code === 'invalid-encoding',
        today,
        result,
        diagnostics,
        checkMs,
      },
      source === 'document',
    ); // out at the end of the slice, or with the next bulk event
    if (this.deps.log.logLevel <= vscode.LogLevel.Trace)
      this.deps.log.trace(
        `checked ${vscode.workspace.asRelativePath(uri)} (${source}${version !== undefined ? ` v${version}` : ''}, ${size} chars) in ${checkMs.toFixed(1)} ms: ${diagnostics.length} problem(s)`,
      );
  }
}
