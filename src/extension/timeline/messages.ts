/**
 * Messages from the timeline webview are untrusted: a compromised or buggy webview can post
 * anything. Each one is checked here, field by field, into a fresh object of the protocol's
 * types; anything else (unknown types, extra tricks, wrong shapes, oversized values) is dropped.
 */
import { parseDay } from '../../core';
import { LIMITS, type DateWindow, type TimelineFilters, type WebviewMessage } from '../../shared/protocol';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Own data property only: never a getter, never something from the prototype. */
const own = (o: Obj, k: string): unknown => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  return d && 'value' in d ? d.value : undefined;
};
const isId = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= LIMITS.maxIdLength && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;
const isMs = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v < 1e7;
const isDate = (v: unknown): v is string => typeof v === 'string' && typeof parseDay(v) === 'number';

/** Person ids are YAML keys: any short string without control characters. */
const isPersonId = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length === 0 || v.length > LIMITS.maxIdLength) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return false;
  }
  return true;
};

export function parseFilters(v: unknown): TimelineFilters | undefined {
  if (!isObj(v)) return undefined;
  const criticalOnly = own(v, 'criticalOnly');
  const compact = own(v, 'compact');
  if (typeof criticalOnly !== 'boolean' || typeof compact !== 'boolean') return undefined;
  const out: TimelineFilters = { criticalOnly, compact };
  const milestone = own(v, 'milestone');
  if (milestone !== undefined) {
    if (!isId(milestone)) return undefined;
    out.milestone = milestone;
  }
  const owner = own(v, 'owner');
  if (owner !== undefined) {
    if (!isPersonId(owner)) return undefined;
    out.owner = owner;
  }
  const priority = own(v, 'priority');
  if (priority !== undefined) {
    if (typeof priority !== 'string' || !/^p[1-4]$/.test(priority)) return undefined;
    out.priority = priority;
  }
  const window = own(v, 'window');
  if (window !== undefined) {
    const w = parseWindow(window);
    if (!w) return undefined;
    out.window = w;
  }
  return out;
}

function parseWindow(v: unknown): DateWindow | undefined {
  if (!isObj(v)) return undefined;
  const from = own(v, 'from');
  const to = own(v, 'to');
  return isDate(from) && isDate(to) && from <= to ? { from, to } : undefined;
}

export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObj(raw)) return undefined;
  switch (own(raw, 'type')) {
    case 'ready':
      return { type: 'ready' };
    case 'togglePin':
      return { type: 'togglePin' };
    case 'action': {
      const action = own(raw, 'action');
      return action === 'newPlan' || action === 'showFirstError' || action === 'copyMermaid'
        ? { type: 'action', action }
        : undefined;
    }
    case 'revealTask': {
      const itemId = own(raw, 'itemId');
      return isId(itemId) ? { type: 'revealTask', itemId } : undefined;
    }
    case 'exportPng': {
      const png = own(raw, 'png');
      // base64 only, of a bounded size: the bytes are checked again when they are decoded
      if (typeof png !== 'string' || png.length > LIMITS.maxPngBase64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(png))
        return undefined;
      return { type: 'exportPng', png };
    }
    case 'exportSvg': {
      const svg = own(raw, 'svg');
      if (typeof svg !== 'string' || svg.length > LIMITS.maxSvgSize || !/^\s*<svg[\s>]/.test(svg)) return undefined;
      return { type: 'exportSvg', svg };
    }
    case 'setFilters': {
      const filters = parseFilters(own(raw, 'filters'));
      return filters ? { type: 'setFilters', filters } : undefined;
    }
    case 'rendered': {
      const [seq, uri, version, bars, rows, mermaidMs, totalMs, theme] = [
        'seq',
        'uri',
        'version',
        'bars',
        'rows',
        'mermaidMs',
        'totalMs',
        'theme',
      ].map((k) => own(raw, k));
      if (!isCount(seq) || typeof uri !== 'string' || uri.length > 10000 || !(version === null || isCount(version)))
        return undefined;
      if (!isCount(bars) || !isCount(rows) || !isMs(mermaidMs) || !isMs(totalMs)) return undefined;
      if (theme !== 'light' && theme !== 'dark' && theme !== 'highContrast' && theme !== 'highContrastLight')
        return undefined;
      return { type: 'rendered', seq, uri, version, bars, rows, mermaidMs, totalMs, theme };
    }
    case 'renderFailed': {
      const seq = own(raw, 'seq');
      const error = own(raw, 'error');
      if (!isCount(seq) || typeof error !== 'string') return undefined;
      return { type: 'renderFailed', seq, error: error.slice(0, 2000) };
    }
    default:
      return undefined;
  }
}

/** The serializer's state (written by the webview, so untrusted too). */
export function parseState(raw: unknown): { uri: string; pinned: boolean; filters: TimelineFilters } | undefined {
  if (!isObj(raw)) return undefined;
  const uri = own(raw, 'uri');
  const pinned = own(raw, 'pinned');
  if (typeof uri !== 'string' || uri.length > 10000) return undefined;
  return {
    uri,
    pinned: pinned === true,
    filters: parseFilters(own(raw, 'filters')) ?? { criticalOnly: false, compact: false },
  };
}
