/**
 * SARIF 2.1.0 (`--format sarif`), for GitHub code scanning and the other tools that read it:
 * one run, the rules from src/core/codes.ts with their help in docs/diagnostics.md, one result
 * per diagnostic with its exact region (1-based lines; columns in UTF-16 code units, as the
 * checker counts them; the end column is the one after the last character). Messages are plan
 * text shown by a viewer: escaped as for a terminal (a bidi override or a control character
 * becomes a visible `\u{202e}`). Written as it goes, a file's results at a time.
 */
import { CODES, type Severity } from '../../core';
import { escapeTerminal, safeJson } from '../escape';
import { VERSION } from '../version';
import type { CliDiagnostic, FileReport, Reporter } from './report';

/** Where the diagnostics' documentation is published (docs/diagnostics.md, one section per code). */
export const DIAGNOSTICS_HELP = 'https://workback.dev/docs/diagnostics.md';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

const CODE_LIST = Object.keys(CODES) as (keyof typeof CODES)[];
const RULE_INDEX = new Map<string, number>(CODE_LIST.map((code, i) => [code, i]));

/** `unknown-id` as a rule name: `UnknownId`. */
const ruleName = (code: string): string =>
  code.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, ch: string) => ch.toUpperCase());

function rules(): unknown[] {
  return CODE_LIST.map((code) => {
    const info = CODES[code];
    return {
      id: code,
      name: ruleName(code),
      shortDescription: { text: info.summary },
      helpUri: `${DIAGNOSTICS_HELP}#${code}`,
      help: { text: `${info.summary} See ${DIAGNOSTICS_HELP}#${code}` },
      defaultConfiguration: { level: LEVEL[info.severity] },
    };
  });
}

/**
 * A path as a URI: a relative one as a relative reference, an absolute one (`/srv/x`, `D:/x`,
 * a plan outside the working directory) as a `file:` URI; each segment percent-encoded, `/`
 * kept, a lone surrogate (a file name no UTF-8 can write) as U+FFFD.
 */
export function pathUri(file: string): string {
  const name = file.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
  const encoded = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(name)) return `file:///${name.slice(0, 2)}${encoded(name.slice(2))}`;
  return name.startsWith('/') ? `file://${encoded(name)}` : encoded(name);
}

function result(file: string, d: CliDiagnostic): unknown {
  const out: Record<string, unknown> = {
    ruleId: d.code,
    level: LEVEL[d.severity],
    message: { text: escapeTerminal(d.message) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(file) },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
  };
  const index = RULE_INDEX.get(d.code);
  if (index !== undefined) out.ruleIndex = index;
  return out;
}

export function sarifReporter(): Reporter {
  let first = true;
  return {
    summaryToStderr: false,
    begin: () => {
      const driver = { name: 'workback', version: VERSION, informationUri: 'https://workback.dev', rules: rules() };
      const head = safeJson({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0' });
      return `${head.slice(0, -1)},"runs":[{"tool":${safeJson({ driver })},"columnKind":"utf16CodeUnits","results":[`;
    },
    file: (r: FileReport) =>
      r.diagnostics
        .map((d) => {
          const sep = first ? '\n' : ',\n';
          first = false;
          return sep + safeJson(result(r.file, d));
        })
        .join(''),
    end: () => `${first ? '' : '\n'}]}]}\n`,
  };
}
