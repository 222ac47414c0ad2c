/**
 * The toolbar: milestone, owner and date-window selects filled from the render message's data
 * (options built with `new Option`, text only), critical-path and compact toggles, pin, copy as
 * Mermaid, export (SVG, PNG), and a status line. No form: every change posts the whole filter set to the host.
 */
import type { Choice, RenderMessage, TimelineFilters, WindowChoice } from '../shared/protocol';

export interface ToolbarHandlers {
  filters(f: TimelineFilters): void;
  pin(): void;
  exportSvg(): void;
  exportPng(): void;
  copyMermaid(): void;
}

const windowKey = (w: { from: string; to: string }): string => `${w.from}..${w.to}`;

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const l = document.createElement('label');
  const span = document.createElement('span');
  span.textContent = text;
  l.append(span, control);
  return l;
}

function select(id: string): HTMLSelectElement {
  const s = document.createElement('select');
  s.id = id;
  return s;
}

function checkbox(id: string, text: string): { box: HTMLInputElement; label: HTMLLabelElement } {
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = id;
  const label = document.createElement('label');
  label.className = 'toggle';
  label.append(box, document.createTextNode(` ${text}`));
  return { box, label };
}

function button(id: string, text: string, title: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = text;
  b.title = title;
  return b;
}

/** The choices each select shows now (so that a render with the same ones leaves it alone). */
const shownChoices = new WeakMap<HTMLSelectElement, string>();

/**
 * Show `choices` in a select (text only), after an "all" option, with `value` selected. The
 * options are built again only when the choices changed: a render per keystroke neither rebuilds
 * them nor closes a list the user has open.
 */
function fill(s: HTMLSelectElement, all: string, choices: readonly Choice[], value: string): void {
  const key = JSON.stringify([all, choices.map((c) => [c.value, c.label])]);
  if (shownChoices.get(s) !== key) {
    s.replaceChildren(new Option(all, ''));
    for (const c of choices) s.append(new Option(c.label, c.value));
    shownChoices.set(s, key);
  }
  const selected = choices.some((c) => c.value === value) ? value : '';
  if (s.value !== selected) s.value = selected;
}

export class Toolbar {
  readonly el: HTMLElement;
  private readonly name = document.createElement('span');
  private readonly milestone = select('milestone');
  private readonly owner = select('owner');
  private readonly priority = select('priority');
  private readonly window = select('window');
  private readonly critical = checkbox('critical', 'Critical path only');
  private readonly compact = checkbox('compact', 'Compact');
  private readonly pinButton = button(
    'pin',
    'Pin',
    'Keep showing this plan (otherwise the timeline follows the active editor)',
  );
  private readonly exportButton = button('export', 'Export SVG…', 'Save the picture as an SVG file');
  private readonly pngButton = button(
    'export-png',
    'Export PNG…',
    'Save the picture as a PNG image, for slides and mail',
  );
  private readonly copyButton = button(
    'copy-mermaid',
    'Copy as Mermaid',
    'Copy the chart as a Mermaid block, to paste in Markdown or a pull request',
  );
  private readonly status = document.createElement('span');
  private windows: readonly WindowChoice[] = [];

  constructor(private readonly handlers: ToolbarHandlers) {
    this.el = document.createElement('header');
    this.el.id = 'toolbar';
    this.el.setAttribute('role', 'toolbar');
    this.el.setAttribute('aria-label', 'Timeline');
    this.name.id = 'plan-name';
    this.status.id = 'status';
    this.status.setAttribute('role', 'status');
    this.status.setAttribute('aria-live', 'polite');
    const filters = document.createElement('div');
    filters.className = 'filters';
    filters.append(
      labelled('Milestone', this.milestone),
      labelled('Owner', this.owner),
      labelled('Priority', this.priority),
      labelled('Dates', this.window),
      this.critical.label,
      this.compact.label,
    );
    const actions = document.createElement('div');
    actions.className = 'actions';
    actions.append(this.status, this.pinButton, this.copyButton, this.exportButton, this.pngButton);
    this.el.append(this.name, filters, actions);
    for (const c of [this.milestone, this.owner, this.priority, this.window, this.critical.box, this.compact.box]) {
      c.addEventListener('change', () => this.handlers.filters(this.current()));
    }
    this.pinButton.addEventListener('click', () => this.handlers.pin());
    this.exportButton.addEventListener('click', () => this.handlers.exportSvg());
    this.copyButton.addEventListener('click', () => this.handlers.copyMermaid());
    this.pngButton.addEventListener('click', () => this.handlers.exportPng());
  }

  /** The filters the controls show now. */
  current(): TimelineFilters {
    const f: TimelineFilters = { criticalOnly: this.critical.box.checked, compact: this.compact.box.checked };
    if (this.milestone.value) f.milestone = this.milestone.value;
    if (this.owner.value) f.owner = this.owner.value;
    if (this.priority.value) f.priority = this.priority.value;
    const w = this.windows.find((x) => windowKey(x) === this.window.value);
    if (w) f.window = { from: w.from, to: w.to };
    return f;
  }

  update(msg: RenderMessage): void {
    this.name.textContent = msg.fileName || 'No plan';
    this.name.title = msg.uri;
    const f = msg.filters;
    fill(this.milestone, 'All milestones', msg.milestones, f.milestone ?? '');
    fill(this.owner, 'All owners', msg.owners, f.owner ?? '');
    fill(this.priority, 'All priorities', msg.priorities, f.priority ?? '');
    this.priority.parentElement?.toggleAttribute('hidden', msg.priorities.length === 0);
    const windows = [...msg.windows];
    if (f.window && !windows.some((w) => windowKey(w) === windowKey(f.window!))) {
      windows.unshift({ ...f.window, label: `${f.window.from} – ${f.window.to}`, rows: 0 });
    }
    this.windows = windows;
    fill(
      this.window,
      'All dates',
      windows.map((w) => ({ value: windowKey(w), label: w.label })),
      f.window ? windowKey(f.window) : '',
    );
    this.critical.box.checked = f.criticalOnly;
    this.compact.box.checked = f.compact;
    this.pinButton.setAttribute('aria-pressed', String(msg.pinned));
    this.pinButton.textContent = msg.pinned ? 'Pinned' : 'Pin';
    this.pinButton.classList.toggle('on', msg.pinned);
    const disabled = !msg.uri;
    for (const c of [
      this.milestone,
      this.owner,
      this.priority,
      this.window,
      this.critical.box,
      this.compact.box,
      this.pinButton,
    ])
      c.disabled = disabled;
  }

  /** Preselect a milestone (the large-plan offer) without applying it. */
  preselectMilestone(id: string): void {
    this.milestone.value = id;
  }

  setExportEnabled(on: boolean): void {
    this.exportButton.disabled = !on;
    this.pngButton.disabled = !on;
    this.copyButton.disabled = !on;
  }

  setStatus(text: string): void {
    this.status.textContent = text;
    this.status.hidden = text === '';
  }
}
