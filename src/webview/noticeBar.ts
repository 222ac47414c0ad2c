/** The notice above the chart: a paragraph and the buttons it offers, text only. */
import type { NoticeAction, TimelineFilters } from '../shared/protocol';
import type { NoticeView } from './pure/notice';

export function createNoticeBar(): HTMLDivElement {
  const el = document.createElement('div');
  el.id = 'notice';
  el.setAttribute('role', 'status');
  el.hidden = true;
  return el;
}

/** Show `view` in the bar (undefined: hide it); an offer's button asks for its filters, or acts. */
export function showNotice(
  el: HTMLElement,
  view: NoticeView | undefined,
  ask: (filters: TimelineFilters) => void,
  act: (action: NoticeAction) => void,
): void {
  if (!view) {
    el.hidden = true;
    el.replaceChildren();
    return;
  }
  const p = document.createElement('p');
  p.textContent = view.text;
  const parts: HTMLElement[] = [p];
  if (view.offers.length > 0) {
    const offers = document.createElement('div');
    offers.className = 'offers';
    for (const o of view.offers)
      offers.append(offerButton(o.label, () => ('action' in o ? act(o.action) : ask(o.filters))));
    parts.push(offers);
  }
  el.className = `notice-${view.kind}`;
  el.replaceChildren(...parts);
  el.hidden = false;
}

function offerButton(text: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}
