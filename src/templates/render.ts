/**
 * Rendering a new-plan template: the user's title and due date, dates relative to today, in
 * text that is valid YAML whatever the title holds.
 */
import { formatDay, makeCalendar, yamlScalar, type Day } from '../core';

export interface TemplateInput {
  title: string;
  /** The goal's hard deadline. */
  due: Day;
  /** Today: start and follow-up dates count from it. */
  today: Day;
}

export interface PlanTemplate {
  id: string;
  label: string;
  description: string;
  /** The default due date, in weeks from today. */
  defaultWeeks: number;
  render(input: TemplateInput): string;
}

// Built on first use, not when the extension loads (a calendar holds tables over every day).
let monToFriCalendar: ReturnType<typeof makeCalendar> | undefined;
const monToFri = () => (monToFriCalendar ??= makeCalendar([0, 1, 2, 3, 4]));

/** Helpers for a template's text. */
export class Dates {
  readonly start: Day;
  private readonly span: number;

  constructor(readonly input: TemplateInput) {
    this.start = monToFri().nextWorkday(input.today) ?? input.today;
    this.span = Math.max(1, monToFri().countWorkdays(this.start, input.due + 1));
  }

  /** `YYYY-MM-DD` of the workday `n` workdays after today's start (0: the start). */
  afterStart(n: number): string {
    return formatDay(monToFri().addWorkdays(this.start, n) ?? this.start);
  }

  /** A workday at `fraction` of the way from the start to the due (a milestone's own date). */
  at(fraction: number): string {
    const n = Math.max(1, Math.min(this.span - 1, Math.round(this.span * fraction)));
    return formatDay(monToFri().addWorkdays(this.start, n) ?? this.input.due);
  }

  get due(): string {
    return formatDay(this.input.due);
  }

  get startDay(): string {
    return formatDay(this.start);
  }
}

/** Text as a YAML scalar: plain when that reads back as the same text, else double-quoted. */
export function yamlText(text: string): string {
  return yamlScalar(text);
}

/** URL- and file-friendly name: `MFA for staff!` -> `mfa-for-staff`. */
export function slugOf(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'plan';
}
