/** The questions "Schedule a Follow-up" asks: a day (validated YYYY-MM-DD), a person, what about. */
import * as vscode from 'vscode';
import { formatDay, parseDay, type Day, type Plan } from '../../core';
import { displayText } from './displayText';

/** Why a typed day is not accepted, or undefined when it is a real day. */
export function dayProblem(text: string): string | undefined {
  const d = parseDay(text.trim());
  if (d === 'format') return 'Write the day as YYYY-MM-DD, for example 2026-07-08.';
  if (d === 'not-a-date') return `${text.trim()} is not a real calendar day.`;
  if (d === 'out-of-range') return 'Pick a day between 1970 and 2199.';
  return undefined;
}

export async function askDay(title: string, suggested: Day, today: Day): Promise<Day | undefined> {
  const answer = await vscode.window.showInputBox({
    title,
    prompt: 'The day of the follow-up (YYYY-MM-DD)',
    value: formatDay(suggested),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const problem = dayProblem(v);
      if (problem) return problem;
      const d = parseDay(v.trim()) as Day;
      return d < today
        ? { message: 'That day is in the past.', severity: vscode.InputBoxValidationSeverity.Warning }
        : undefined;
    },
  });
  if (answer === undefined || dayProblem(answer)) return undefined;
  return parseDay(answer.trim()) as Day;
}

export async function askPerson(title: string, plan: Plan, first: string | undefined): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { id: string };
  const items: Item[] = [...plan.people.values()].map((p) => ({
    id: p.id,
    label: displayText(p.name, 80) || p.id,
    description: displayText(p.id, 80),
    detail:
      [p.email, p.role]
        .filter((x): x is string => !!x)
        .map((x) => displayText(x, 80))
        .join(' · ') || undefined,
  }));
  items.sort((a, b) => Number(b.id === first) - Number(a.id === first));
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: 'Whom will you follow up with?',
    matchOnDescription: true,
    matchOnDetail: true,
    ignoreFocusOut: true,
  });
  return picked?.id;
}

export async function askAbout(title: string): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title,
    prompt: 'What about? (optional: press Enter to leave it out)',
    ignoreFocusOut: true,
    validateInput: (v) => (v.length > 500 ? 'Keep it under 500 characters.' : undefined),
  });
}
