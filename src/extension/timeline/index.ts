/**
 * The timeline: the `workback.openTimeline` command (palette and the editor title of plan
 * files) and the serializer that brings the panel back after a window reload. Nothing is
 * parsed until a panel exists. `api` is the integration tests' hook.
 */
import * as vscode from 'vscode';
import { ganttMarkdown, toMermaidGantt } from '../../core';
import type { PlanIndex } from '../planIndex';
import { isPlanDocument } from '../planFiles';
import {
  TIMELINE_VIEW_TYPE,
  type RenderedMessage,
  type RenderMessage,
  type TimelineFilters,
} from '../../shared/protocol';
import { parseState } from './messages';
import { restorablePlan } from './restore';
import { NO_FILTERS } from './model';
import { readTimelineLimits } from './settings';
import { createTimelinePanel, TimelinePanel, type TimelineDeps } from './timelinePanel';

export const OPEN_TIMELINE_COMMAND = 'workback.openTimeline';

export interface TimelineProbe {
  readonly uri: string | undefined;
  readonly pinned: boolean;
  readonly filters: TimelineFilters;
  /** The last render message built for the webview (posted, or waiting for `ready`). */
  readonly lastPosted: RenderMessage | undefined;
  /** The last render the webview acknowledged (drawn). */
  readonly lastRendered: RenderedMessage | undefined;
  readonly onDidRender: vscode.Event<RenderedMessage>;
  /** The panel's own message handler: feed it what a webview could post. */
  receive(message: unknown): Promise<void>;
  readonly panel: vscode.WebviewPanel;
}

export interface TimelineApi {
  /** The panel the command shows (the last opened or restored), if one is open. */
  current(): TimelineProbe | undefined;
}

export interface Timeline extends vscode.Disposable {
  readonly api: TimelineApi;
}

export function registerTimeline(
  extensionUri: vscode.Uri,
  planIndex: PlanIndex,
  log: vscode.LogOutputChannel,
): Timeline {
  const deps: TimelineDeps = { planIndex, log, extensionUri, limits: readTimelineLimits };
  const panels = new Set<TimelinePanel>();
  let latest: TimelinePanel | undefined;
  let lastPlan: vscode.Uri | undefined = activePlan();

  const adopt = (p: TimelinePanel): TimelinePanel => {
    panels.add(p);
    latest = p;
    p.onDidDispose(() => {
      panels.delete(p);
      if (latest === p) latest = [...panels].pop();
    });
    return p;
  };

  const open = (arg?: unknown): void => {
    const uri = arg instanceof vscode.Uri ? arg : (activePlan() ?? lastPlan);
    if (latest && !latest.isDisposed) {
      if (uri) latest.show(uri);
      latest.panel.reveal(undefined, true);
      return;
    }
    const panel = createTimelinePanel(extensionUri, vscode.ViewColumn.Beside);
    adopt(new TimelinePanel(panel, deps, { uri, pinned: false, filters: NO_FILTERS }));
  };

  const subscriptions: vscode.Disposable[] = [
    vscode.commands.registerCommand(OPEN_TIMELINE_COMMAND, (arg?: unknown) => open(arg)),
    // the chart as shown (its filters too), else the active plan's whole chart
    vscode.commands.registerCommand('workback.copyTimelineAsMermaid', async () => {
      if (latest && !latest.isDisposed) return latest.copyAsMermaid();
      const uri = activePlan() ?? lastPlan;
      const r = uri ? planIndex.get(uri)?.result : undefined;
      if (!r?.plan || !r.schedule) {
        void vscode.window.showWarningMessage(
          'Workback: there is no timeline to copy: open a plan that has no errors.',
        );
        return undefined;
      }
      const markdown = ganttMarkdown(toMermaidGantt(r.plan, r.schedule, { markers: 'inView' }).text);
      await vscode.env.clipboard.writeText(markdown);
      vscode.window.setStatusBarMessage('$(check) Workback: copied the timeline as Mermaid', 4000);
      return markdown;
    }),
    vscode.window.onDidChangeActiveTextEditor((ed) => {
      if (ed && isPlanDocument(ed.document)) lastPlan = ed.document.uri;
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel, raw: unknown) => {
        const state = parseState(raw);
        const saved = await restorablePlan(state?.uri);
        if (state?.uri && !saved)
          log.warn(
            'timeline: the saved plan is not a plan file of the workspace; restoring the panel on the active plan',
          );
        const uri = saved ?? activePlan() ?? lastPlan;
        log.info(`timeline: restoring the panel${uri ? ` for ${vscode.workspace.asRelativePath(uri)}` : ''}`);
        adopt(
          new TimelinePanel(panel, deps, {
            uri,
            pinned: state?.pinned ?? false,
            filters: state?.filters ?? NO_FILTERS,
          }),
        );
      },
    }),
  ];

  const api: TimelineApi = {
    current: () => {
      const p = latest;
      if (!p || p.isDisposed) return undefined;
      // live views of the panel (a test keeps the probe while the panel changes)
      return {
        get uri() {
          return p.state.uri;
        },
        get pinned() {
          return p.state.pinned;
        },
        get filters() {
          return p.state.filters;
        },
        get lastPosted() {
          return p.state.lastPosted;
        },
        get lastRendered() {
          return p.lastRendered;
        },
        onDidRender: p.onDidRender,
        receive: (m: unknown) => p.receive(m),
        panel: p.panel,
      };
    },
  };

  return {
    api,
    dispose: () => {
      for (const p of [...panels]) p.dispose();
      for (const s of subscriptions) s.dispose();
    },
  };
}

function activePlan(): vscode.Uri | undefined {
  const ed = vscode.window.activeTextEditor;
  if (ed && isPlanDocument(ed.document)) return ed.document.uri;
  return vscode.window.visibleTextEditors.find((e) => isPlanDocument(e.document))?.document.uri;
}
