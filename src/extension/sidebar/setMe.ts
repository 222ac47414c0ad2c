/** "Who am I?": pick a person of any plan (or type an id or email) and write it to `workback.me`. */
import * as vscode from 'vscode';
import type { PlanIndex } from '../planIndex';
import { displayText } from './displayText';
import { meFromSetting } from './identity';

type PersonItem = vscode.QuickPickItem & { value?: string; action?: 'enter' | 'clear'; ids: string[] };

const TITLE = 'Who are you in the plans?';

/**
 * Writes `value` (asks when there is none; '' clears the setting); resolves to what was written.
 * `current`: who Workback takes me for now (the setting, else git's user.email), shown first.
 */
export async function setMe(
  planIndex: PlanIndex,
  value?: unknown,
  current: readonly string[] = [],
): Promise<string | undefined> {
  const chosen = typeof value === 'string' ? value.trim() : await askWhoIAm(planIndex, current);
  if (chosen === undefined) return undefined;
  const cfg = vscode.workspace.getConfiguration('workback');
  const inspected = cfg.inspect('me');
  // The user's settings, unless the workspace sets its own value (which would win).
  const target =
    inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await cfg.update('me', chosen === '' ? undefined : chosen, target);
  return chosen;
}

/** The person picked or typed, '' to clear the setting, undefined when the user cancelled. */
async function askWhoIAm(planIndex: PlanIndex, identity: readonly string[]): Promise<string | undefined> {
  await planIndex.start(); // (started at activation: by now, usually read)
  const current = meFromSetting(vscode.workspace.getConfiguration('workback').get('me'));
  const items = whoIAmItems(planIndex, identity);
  items.push({ label: '$(edit) Enter a person id or email…', action: 'enter', alwaysShow: true, ids: [] });
  if (current.length > 0)
    items.push({
      label: '$(clear-all) Clear workback.me (use git user.email)',
      action: 'clear',
      alwaysShow: true,
      ids: [],
    });
  const picked = await vscode.window.showQuickPick(items, {
    title: TITLE,
    placeHolder:
      current.length > 0 ? `Now: ${current.join(', ')}` : 'Pick yourself; Workback saves it in the workback.me setting',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  if (picked.action === 'clear') return '';
  if (picked.action !== 'enter') return picked.value;
  const typed = (
    await vscode.window.showInputBox({
      title: TITLE,
      prompt: 'A person id of the plans or your email',
      validateInput: (v) =>
        v.trim() === '' ? 'Type an id or an email.' : v.length > 320 ? 'That is too long.' : undefined,
    })
  )?.trim();
  return typed || undefined;
}

/**
 * The people of the plans, the ones I am now first (marked, under "You now"), then everyone else
 * by name (under "People of the plans").
 */
export function whoIAmItems(planIndex: PlanIndex, identity: readonly string[]): PersonItem[] {
  const me = new Set(identity.map((x) => x.toLowerCase()));
  const people = peopleOfPlans(planIndex);
  const isMe = (i: PersonItem): boolean => i.ids.some((x) => me.has(x.toLowerCase()));
  const mine = people.filter(isMe);
  const others = people.filter((i) => !isMe(i));
  if (mine.length === 0) return others;
  const separator = (label: string): PersonItem => ({ label, kind: vscode.QuickPickItemKind.Separator, ids: [] });
  return [
    separator('You now'),
    ...mine.map((i) => ({ ...i, label: `$(account) ${i.label}`, description: `${i.description ?? ''} · you now` })),
    ...(others.length ? [separator('People of the plans'), ...others] : []),
  ];
}

/** One item per person of the checked plans (by email, else id), with the plans they are in, by name. */
function peopleOfPlans(planIndex: PlanIndex): PersonItem[] {
  const seen = new Map<string, PersonItem>();
  for (const e of planIndex.all()) {
    const plan = e.result?.plan;
    if (!plan) continue;
    for (const p of plan.people.values()) {
      const v = p.email ?? p.id;
      const key = v.toLowerCase();
      const existing = seen.get(key);
      if (existing) {
        if (!existing.ids.includes(p.id)) existing.ids.push(p.id);
        if (!existing.detail?.includes(plan.title))
          existing.detail = displayText(`${existing.detail}, ${plan.title}`, 200);
        continue;
      }
      seen.set(key, {
        label: displayText(p.name, 80) || p.id,
        description: displayText(p.email ? `${p.email} · ${p.id}` : p.id, 120),
        detail: displayText(plan.title, 120),
        value: v,
        ids: p.email ? [p.email, p.id] : [p.id],
      });
    }
  }
  return [...seen.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
