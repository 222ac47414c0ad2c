/**
 * Fixture plans carry their expectations inline, at the end of the file (so rewriting them
 * never moves a position above):
 *   # TODAY: 2026-07-01              (optional: enables the schedule checks)
 *   # EXPECT: error 4:7 duplicate-id (1-based line:column of the range start)
 * `UPDATE_FIXTURES=1 npm test unit` rewrites the EXPECT lines from what the checker says;
 * a reviewer reads the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkPlan, parseDay, type CheckOptions, type Diagnostic } from '../../../src/core';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');

export interface Fixture {
  name: string;
  file: string;
  text: string;
  today?: number;
  expected: string[];
}

export function loadFixtures(dir: string): Fixture[] {
  const abs = path.join(FIXTURES, dir);
  return readdirSync(abs)
    .filter((f) => /\.workback\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const file = path.join(abs, f);
      const text = readFileSync(file, 'utf8');
      const todayText = /^# TODAY: (\S+)/m.exec(text)?.[1];
      const today = todayText ? parseDay(todayText) : undefined;
      if (typeof today === 'string') throw new Error(`${f}: bad TODAY ${todayText}`);
      const expected = [...text.matchAll(/^# EXPECT: (.+)$/gm)].map((m) => m[1]!.trim());
      return { name: f, file, text, today, expected };
    });
}

export function describeDiagnostic(d: Diagnostic): string {
  return `${d.severity} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`;
}

export function actualFor(fx: Fixture, options: CheckOptions = {}): string[] {
  return checkPlan(fx.text, { today: fx.today, ...options }).diagnostics.map(describeDiagnostic);
}

export function rewriteExpectations(fx: Fixture, actual: string[]): void {
  const body = fx.text.replace(/^# EXPECT: .*(\r?\n|$)/gm, '').replace(/\s*$/, '\n');
  writeFileSync(fx.file, body + actual.map((a) => `# EXPECT: ${a}\n`).join(''));
}

export const updating = process.env.UPDATE_FIXTURES === '1';
