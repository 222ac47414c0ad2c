/**
 * Hovers in the real VS Code (vscode.executeHoverProvider): a key's documentation, a task's
 * computed dates, a reference's target, a person; plan text shown as inert text.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openPlan } from './helpers';
import { closeScratch, EDITING, fixtureText, indexed, markdownOf, posOf, scratchPlan } from './languageHelpers';

async function hoverAt(
  doc: vscode.TextDocument,
  pos: vscode.Position,
): Promise<{ text: string; range: string; md: vscode.MarkdownString[] }> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
  assert.equal(hovers.length, 1, `one hover at ${pos.line}:${pos.character}`);
  const h = hovers[0]!;
  const md = h.contents as vscode.MarkdownString[];
  return { text: md.map(markdownOf).join('\n---\n'), range: h.range ? doc.getText(h.range) : '', md };
}

describe('language: hover', () => {
  afterEach(closeScratch);

  it('on a task id: start by, finish by, earliest start, slack, critical, state', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const h = await hoverAt(doc, posOf(doc, 'id: pick-method', 6));
    assert.equal(h.range, 'pick-method');
    assert.equal(
      h.text,
      [
        '**Task** pick\\-method — Choose MFA method',
        'Milestone design · owner Dana Whitfield \\(dana\\) · 3d · todo',
        'Start by **Wed 5 Aug 2026** · finish by **Fri 7 Aug 2026**',
        'Earliest start Wed 1 Jul 2026 · slack 25 workdays · **critical**',
        'Open as of Wed 1 Jul 2026',
      ].join('\n\n'),
    );
    assert.ok(
      h.md.every((m) => !m.isTrusted && !m.supportHtml),
      'not trusted, no HTML',
    );
  });

  it("on a task under a freeze and its owner's leave: the workdays each takes out", async () => {
    const { doc } = await scratchPlan(
      readFileSync(path.resolve(__dirname, '../../../test/fixtures/schedule/freeze-leave.workback.yaml'), 'utf8'),
    );
    const h = await hoverAt(doc, posOf(doc, 'id: push-policy', 5));
    assert.equal(h.range, 'push-policy');
    assert.match(h.text, /⛔ Leave of the owner Leave · Mon 16 – Fri 20 Nov 2026 · loses 5 workdays/);
    assert.match(h.text, /⛔ Freeze Retail freeze · Mon 30 Nov – Fri 4 Dec 2026 · loses 5 workdays · tag change/);
  });

  it('on a reference in depends_on: the referenced item and its dates', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const h = await hoverAt(doc, posOf(doc, '          - comms', 13));
    assert.equal(h.range, 'comms');
    assert.match(h.text, /^Depends on \*\*Task\*\* comms — Announce to staff\n\n/);
    assert.match(
      h.text,
      /Start by \*\*Mon 14 Sep 2026\*\* · finish by \*\*Tue 15 Sep 2026\*\*\n\nEarliest start Mon 13 Jul 2026 · slack 44 workdays/,
    );
  });

  it('on a person: name, email, open tasks', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const h = await hoverAt(doc, posOf(doc, '  dana: {', 3));
    assert.equal(
      h.text,
      '**Person** dana — Dana Whitfield\n\nIT director\n\nEmail dana\\@example\\.com\n\n2 open tasks\n\nowns the goal · late work is escalated to them',
    );
  });

  it('on a key: its documentation', async () => {
    const doc = await openPlan(...EDITING);
    await indexed(doc);
    const h = await hoverAt(doc, posOf(doc, '  escalate_to:', 4));
    assert.equal(h.range, 'escalate_to');
    assert.match(h.text, /^\*\*escalate_to\*\*\n\nWho late items are escalated to/);
  });

  it('shows hostile plan text as text: no links, no HTML, no command URIs', async () => {
    const base = await fixtureText(...EDITING);
    const hostile = '"[click](command:workbench.action.quit) <img src=x onerror=alert(1)> **bold** `code` $(alert)"';
    const { doc } = await scratchPlan(
      base
        .replace('title: Choose MFA method', `title: ${hostile}`)
        .replace('  dana: { name: Dana Whitfield,', `  dana: { name: ${hostile},`),
    );
    for (const pos of [posOf(doc, 'id: pick-method', 6), posOf(doc, '  dana: {', 3)]) {
      const h = await hoverAt(doc, pos);
      assert.ok(!/(^|[^\\])\]\(command:/.test(h.text), `no markdown link: ${h.text}`);
      assert.ok(h.text.includes('\\[click\\]\\(command\\:workbench\\.action\\.quit\\)'), h.text);
      assert.ok(h.text.includes(' \\<img src\\=x onerror\\=alert\\(1\\)\\> '), 'a tag written as text');
      assert.ok(!/(^|[^\\])\*\*bold/.test(h.text), 'no emphasis from plan text');
      assert.ok(h.md.every((m) => !m.isTrusted && !m.supportHtml && !m.supportThemeIcons));
    }
  });
});
