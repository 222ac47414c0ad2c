/**
 * The timeline panel's message protocol: types only, shared by the extension host
 * (src/extension/timeline) and the webview (src/webview). The host treats every message
 * from the webview as untrusted and checks its shape (src/extension/timeline/messages.ts).
 *
 *   webview -> host: ready (once the script runs; again after the webview is recreated),
 *                    rendered / renderFailed (acknowledge a render), revealTask, exportSvg,
 *                    setFilters, togglePin
 *   host -> webview: render (the picture of one plan version), pending (a newer version of the
 *                    shown document is being checked: "updating…"), theme (the color theme changed)
 */

/** The panel's view type: `registerWebviewPanelSerializer` and `onWebviewPanel:` use it. */
export const TIMELINE_VIEW_TYPE = 'workback.timeline';

/** The VS Code color theme kind, as the webview's body class says it. */
export type ThemeKind = 'light' | 'dark' | 'highContrast' | 'highContrastLight';

/** A date window, inclusive, as `YYYY-MM-DD`. */
export interface DateWindow {
  from: string;
  to: string;
}

/** What the toolbar filters. Every field is a plain value the host checks. */
export interface TimelineFilters {
  /** A milestone id of the plan: only its section. */
  milestone?: string;
  /** A person id of the plan: only their tasks. */
  owner?: string;
  /** `p1` .. `p4`: only tasks of this priority or a higher one (`p2`: p1 and p2). */
  priority?: string;
  /** Only the critical path. */
  criticalOnly: boolean;
  /** One row per section (Mermaid's compact display mode). */
  compact: boolean;
  /** Only what overlaps these days. */
  window?: DateWindow;
}

/** An option of a toolbar select: `value` is an id or a window key, `label` is plain text. */
export interface Choice {
  value: string;
  label: string;
}

export interface WindowChoice extends DateWindow {
  label: string;
  /** Rows the timeline has in this window. */
  rows: number;
}

/** One row of the chart with what its tooltip shows (plain text, set as textContent). */
export interface BarInfo {
  /** Mermaid's id of the row (`t3`, `c5`, `goal`): generated, never plan text. */
  chartId: string;
  /** The task or milestone id in the plan (empty for the goal). */
  itemId: string;
  kind: 'task' | 'checkpoint' | 'goal';
  title: string;
  /** The milestone's title (empty for the goal). */
  milestone: string;
  /** `Dana Whitfield (dana)`; tasks only. */
  owner?: string;
  /** Latest start and finish (the workback dates), e.g. `Wed 5 Aug 2026`. */
  startBy: string;
  finishBy: string;
  /** Earliest start and finish from today; open tasks only. */
  earliestStart?: string;
  earliestFinish?: string;
  /** Signed workdays from earliest to latest finish, in the task's own calendar; open tasks only. */
  slack?: number;
  /** `todo`, `doing`, `blocked`, `done`, `checkpoint` or `goal`. */
  status: string;
  critical: boolean;
  /** e.g. `start 2 workdays late`, `3 workdays late`. */
  late?: string;
  /** A done task's `done_on`, e.g. `Fri 6 Nov 2026` (its bar ends that day). */
  doneOn?: string;
  /** A state the bar shows by its edge (the legend says which): late, or blocked. */
  state?: 'overdue' | 'late-start' | 'blocked';
  /** Days the bar spans (its first to its last, included): what `daysOff` offsets count in. */
  barDays?: number;
  /** The task's own days off within its bar (freezes, its owner's leave), drawn as notches. */
  daysOff?: DayOffInfo[];
}

/** A run of a task's own days off within its bar: day offsets from the bar's first day. */
export interface DayOffInfo {
  first: number;
  last: number;
  /** Plain text: `Retail freeze (freeze): Mon 30 Nov – Fri 4 Dec 2026`. */
  label: string;
}

/** One section of the chart (a milestone, or the goal): its name as drawn and its rows. */
export interface SectionInfo {
  name: string;
  rows: number;
}

/** Why there is no (current) picture: shown as text in the panel. */
export interface Notice {
  kind: 'noPlan' | 'checking' | 'notChecked' | 'errors' | 'empty' | 'tooLarge' | 'renderError';
  text: string;
  /** tooLarge: what the panel offers instead. */
  suggestMilestone?: Choice;
  suggestWindow?: WindowChoice;
}

export interface RenderMessage {
  type: 'render';
  /** Increases with every render message of a panel: the webview shows only the newest. */
  seq: number;
  /**
   * The host's id of the panel (new after a window reload). With `seq` it tells a page that VS
   * Code recreated (with the panel's first HTML, and its first render, again) what it has seen.
   */
  panel: string;
  uri: string;
  /** The document version the picture is of (null: the file on disk). */
  version: number | null;
  fileName: string;
  pinned: boolean;
  theme: ThemeKind;
  filters: TimelineFilters;
  milestones: Choice[];
  owners: Choice[];
  /** The priorities the plan's tasks have, as "up to" choices (`p2`: p1 and p2). */
  priorities: Choice[];
  windows: WindowChoice[];
  /**
   * The picture: Mermaid text, one BarInfo per row in the text's order, the sections in the
   * order drawn (unique names, as shown, and their row counts), how many items the filters
   * hide, and how many days the time axis spans (for the tick spacing).
   */
  gantt?: { text: string; rows: BarInfo[]; sections: SectionInfo[]; hidden: number; days: number };
  /** No current picture, and why. */
  notice?: Notice;
  /** With a notice: keep showing the last good picture of this URI, marked as stale. */
  stale?: boolean;
}

export interface PendingMessage {
  type: 'pending';
  uri: string;
  /** The document's new version: the picture shown is older until a render carries it. */
  version: number;
}

export interface ThemeMessage {
  type: 'theme';
  theme: ThemeKind;
}

export type HostMessage = RenderMessage | PendingMessage | ThemeMessage;

export interface ReadyMessage {
  type: 'ready';
}

/** The webview drew the render `seq` (Mermaid's picture is in the DOM). */
export interface RenderedMessage {
  type: 'rendered';
  seq: number;
  uri: string;
  version: number | null;
  /** Task bars found in the drawn SVG. */
  bars: number;
  /** Rows (tasks, checkpoints, goal) found in the drawn SVG. */
  rows: number;
  /** mermaid.parse + mermaid.render alone. */
  mermaidMs: number;
  /** From the message's arrival to the picture in the DOM. */
  totalMs: number;
  theme: ThemeKind;
}

export interface RenderFailedMessage {
  type: 'renderFailed';
  seq: number;
  error: string;
}

export interface RevealTaskMessage {
  type: 'revealTask';
  itemId: string;
}

export interface ExportSvgMessage {
  type: 'exportSvg';
  svg: string;
}

/** The picture as a PNG, drawn by the page on a canvas (base64, without a `data:` prefix). */
export interface ExportPngMessage {
  type: 'exportPng';
  png: string;
}

export interface SetFiltersMessage {
  type: 'setFilters';
  filters: TimelineFilters;
}

export interface TogglePinMessage {
  type: 'togglePin';
}

/** A button that asks the host to act: a new plan, the plan's first error, the chart copied as Mermaid. */
export type NoticeAction = 'newPlan' | 'showFirstError' | 'copyMermaid';

export interface ActionMessage {
  type: 'action';
  action: NoticeAction;
}

export type WebviewMessage =
  | ReadyMessage
  | RenderedMessage
  | RenderFailedMessage
  | RevealTaskMessage
  | ExportSvgMessage
  | ExportPngMessage
  | SetFiltersMessage
  | TogglePinMessage
  | ActionMessage;

/** What the webview keeps with `vscode.setState` (and the serializer gets back after a reload). */
export interface TimelineState {
  uri: string;
  pinned: boolean;
  filters: TimelineFilters;
  /** The last render message a page of this panel received. */
  seen?: { panel: string; seq: number };
  /** The last picture drawn, shown at once by the next page (a reload, the panel shown again). */
  picture?: SavedPicture;
}

/** A drawn picture and what it was drawn from: a new page shows it until a render replaces it. */
export interface SavedPicture {
  uri: string;
  /** The Mermaid text, the theme and the width it was drawn for. */
  text: string;
  theme: ThemeKind;
  width: number;
  /** Mermaid's id of the SVG (bars are `${svgId}-${chartId}`). */
  svgId: string;
  leftPadding: number;
  font: string;
  today: string;
  /** The SVG as shown (labels placed, bars tagged). */
  svg: string;
}

/** Limits both sides agree on. */
export const LIMITS = {
  /** Mermaid's own default `maxTextSize`: past it, Mermaid draws an error picture. */
  maxTextSize: 50000,
  /** An exported SVG larger than this is refused. */
  maxSvgSize: 20 * 1024 * 1024,
  /** An exported PNG (its base64 text) larger than this is refused. */
  maxPngBase64: 40 * 1024 * 1024,
  /** Ids in messages are at most this long. */
  maxIdLength: 200,
} as const;
