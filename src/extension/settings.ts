/** The extension's settings, read once per change, clamped to sane bounds (hostile values warn). */
import * as vscode from 'vscode';
import { formatDay, parseDay, type Day } from '../core';

export const DEBOUNCE_MS = { default: 150, min: 0, max: 5000 };
/** workback.maxFileSizeMB: plans above this many MB are not parsed (0.001 MB: 1,049 bytes). */
export const MAX_FILE_SIZE_MB = { default: 5, min: 0.001, max: 50 };
/** The same bounds in bytes, for the deprecated workback.maxFileSize (bytes), still honoured. */
export const MAX_FILE_SIZE = { default: 5 * 1024 * 1024, min: 1024, max: 50 * 1024 * 1024 };
/** Plans above this size are checked off the typing path (a longer debounce). */
export const LARGE_FILE_SIZE = 1024 * 1024;
export const LARGE_FILE_DEBOUNCE_MS = 1000;

export interface Settings {
  /** `workback.today` when it holds a real date; undefined: the clock. */
  pinnedToday: Day | undefined;
  debounceMs: number;
  /** In bytes: workback.maxFileSizeMB, or the deprecated workback.maxFileSize when that is set. */
  maxFileSize: number;
}

/** A problem with a setting's value, to log and show once. */
export interface SettingWarning {
  key: string;
  message: string;
}

function clampNumber(
  key: string,
  raw: unknown,
  b: { default: number; min: number; max: number },
  warnings: SettingWarning[],
  whole = true,
): number {
  if (raw === undefined || raw === null) return b.default;
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    warnings.push({ key, message: `${key} must be a number; using ${b.default}.` });
    return b.default;
  }
  const v = whole ? Math.round(raw) : raw;
  if (v < b.min || v > b.max) {
    const c = Math.min(b.max, Math.max(b.min, v));
    warnings.push({ key, message: `${key} is ${raw}, outside ${b.min}..${b.max}; using ${c}.` });
    return c;
  }
  return v;
}

/** Pure: turns raw configuration values into settings and warnings. */
export function parseSettings(get: (key: string) => unknown): { settings: Settings; warnings: SettingWarning[] } {
  const warnings: SettingWarning[] = [];
  let pinnedToday: Day | undefined;
  const today = get('today');
  if (typeof today === 'string' && today.trim() !== '') {
    const day = parseDay(today.trim());
    if (typeof day === 'number') pinnedToday = day;
    else
      warnings.push({
        key: 'workback.today',
        message: `workback.today is "${today}", not a date as YYYY-MM-DD between 1970 and 2199; using the real date.`,
      });
  } else if (today !== undefined && today !== null && typeof today !== 'string') {
    warnings.push({
      key: 'workback.today',
      message: 'workback.today must be a YYYY-MM-DD string; using the real date.',
    });
  }
  return {
    settings: {
      pinnedToday,
      debounceMs: clampNumber('workback.diagnostics.debounceMs', get('diagnostics.debounceMs'), DEBOUNCE_MS, warnings),
      maxFileSize: maxFileSizeBytes(get, warnings),
    },
    warnings,
  };
}

/**
 * The size cap in bytes: workback.maxFileSizeMB; the deprecated workback.maxFileSize (in bytes)
 * wins while it is set, with a warning that says what replaces it.
 */
function maxFileSizeBytes(get: (key: string) => unknown, warnings: SettingWarning[]): number {
  const legacy = get('maxFileSize');
  if (legacy !== undefined && legacy !== null) {
    warnings.push({
      key: 'workback.maxFileSize',
      message: 'workback.maxFileSize (in bytes) is deprecated: set workback.maxFileSizeMB instead, and remove it.',
    });
    return clampNumber('workback.maxFileSize', legacy, MAX_FILE_SIZE, warnings);
  }
  const mb = clampNumber('workback.maxFileSizeMB', get('maxFileSizeMB'), MAX_FILE_SIZE_MB, warnings, false);
  return Math.round(mb * 1024 * 1024);
}

/**
 * Whether plans must be checked again after the settings went from `a` to `b`: only when a
 * setting that changes a check's result changed (the size cap). `workback.today` moves the
 * clock, which re-checks on its own; the typing debounce, `workback.me`, the lenses and the
 * timeline's settings change no check (the views refresh by themselves).
 */
export function changesChecks(a: Settings, b: Settings): boolean {
  return a.maxFileSize !== b.maxFileSize;
}

export function readSettings(): { settings: Settings; warnings: SettingWarning[] } {
  const cfg = vscode.workspace.getConfiguration('workback');
  return parseSettings((key) => cfg.get(key));
}

export function describeToday(s: Settings): string {
  return s.pinnedToday === undefined ? 'the real date' : `${formatDay(s.pinnedToday)} (workback.today)`;
}
