/**
 * Edits from the sidebar in the real VS Code, on the file's text byte for byte: mark done
 * (CRLF, BOM, comments), start (flow style, 4 spaces), start and block on multi-line flow tasks
 * with a comment on every line, mark a follow-up done, log a check-in,
 * schedule a follow-up; one undo restores the exact text; a dirty document keeps the user's
 * text and is not saved; a stale, ambiguous or broken plan, an edit that would lose a comment,
 * a deleted, untitled, virtual or read-only file: refused with a message, nothing changed.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { EditOutcome } from '../../src/extension/edits/applyPlanEdit';
import type { SidebarApi } from '../../src/extension/sidebar';
import type { FollowUpNode, TaskNode } from '../../src/extension/sidebar/nodes';
import { fixture, getApi, setSetting, waitFor } from './helpers';

const created: vscode.Uri[] = [];

async function sidebarAs(me: string): Promise<SidebarApi> {
  const api = await getApi();
  await api.planIndex.start();
  await api.planIndex.whenIdle();
  await setSetting('me', me);
  await waitFor(() => api.sidebar.model.identity.me.join() === me, `workback.me = ${me}`);
  return api.sidebar;
}

/** Write a plan with exactly these bytes; wait until the sidebar shows it. */
async function writePlan(name: string, text: string): Promise<vscode.Uri> {
  const uri = fixture('sidebar', name);
  created.push(uri);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const api = await getApi();
  await waitFor(
    () => api.planIndex.get(uri)?.result?.schedule && api.sidebar.model.snapshot.plans.has(uri.toString()),
    `${name} in the sidebar`,
  );
  return uri;
}

async function bytes(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
}

async function taskNode(s: SidebarApi, uri: vscode.Uri, taskId: string): Promise<TaskNode> {
  return waitFor(() => s.myTasks.find(uri.toString(), taskId), `task ${taskId} in My Tasks`);
}

async function followUpNode(s: SidebarApi, uri: vscode.Uri, taskId: string): Promise<FollowUpNode> {
  return waitFor(() => {
    for (const g of s.followUps.getChildren(undefined)) {
      for (const n of s.followUps.getChildren(g))
        if (n.kind === 'followUp' && n.uri === uri.toString() && n.entry.task.id === taskId) return n;
    }
    return undefined;
  }, `a follow-up of ${taskId}`);
}

const applied = (o: EditOutcome | undefined): void => assert.equal(o?.status, 'applied', o?.message);
function refused(o: EditOutcome | undefined, message: RegExp): void {
  assert.equal(o?.status, 'refused');
  assert.match(o!.message, message);
}

const HEAD = (title: string): string => `# Edited by test/integration/edits.test.ts
workback: 1
title: ${title}
goal:
  outcome: Done      # the goal
  due: 2026-07-31
  owner: kim
people:
  ed: { name: Ed Park, email: ed@edits.example }
  kim: { name: Kim Lo }
policy:
  escalate_to: kim
milestones:
  - id: m
    title: M
    tasks:
`;

/** A plan with one task of ed's (`a`), its node in My Tasks, and its document open in an editor. */
async function openOneTaskPlan(
  s: SidebarApi,
  title: string,
  name: string,
): Promise<{ original: string; uri: vscode.Uri; node: TaskNode; doc: vscode.TextDocument }> {
  const original = `${HEAD(title)}      - id: a
        title: A
        owner: ed
`;
  const uri = await writePlan(name, original);
  const node = await taskNode(s, uri, 'a');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  return { original, uri, node, doc };
}

describe('edits from the sidebar', function () {
  this.timeout(60000);

  before(async () => {
    // The web workbench saves dirty files after a delay by default: these tests need them dirty.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const uri of created) {
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
    await setSetting('me', undefined);
    await vscode.workspace
      .getConfiguration('files')
      .update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('mark done on a CRLF file with a BOM and comments: only the status and one new line change; one undo restores', async () => {
    const s = await sidebarAs('ed');
    const lf = `${HEAD('CRLF plan')}      - id: a
        title: 'Write the brief'   # quoted
        owner: ed
        status: todo   # not yet
        tags: [x]
      - { id: b, title: Other, owner: kim }
`;
    const original = `\ufeff${lf.replace(/\n/g, '\r\n')}`;
    const uri = await writePlan('tmp-edit-crlf.workback.yaml', original);
    const outcome = await vscode.commands.executeCommand<EditOutcome>(
      'workback.markTaskDone',
      await taskNode(s, uri, 'a'),
    );
    applied(outcome);
    assert.equal(outcome.status === 'applied' && outcome.saved, true, 'a clean document is saved');
    const expected = original.replace(
      'status: todo   # not yet\r\n',
      'status: done   # not yet\r\n        done_on: 2026-07-01\r\n',
    );
    assert.equal(await bytes(uri), expected);

    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.equal(
      doc.getText(),
      original.slice(1),
      'one undo restores the exact text (the BOM is not part of the text)',
    );
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    await doc.save();
    assert.equal(await bytes(uri), original, 'saved again: byte for byte the original, BOM and CRLF');
  });

  it('start a task in flow style with 4 spaces: flow stays flow, done_on goes', async () => {
    const s = await sidebarAs('ed');
    const original = `workback: 1
title: Flow plan
goal: { outcome: Done, due: 2026-07-31 }
people:
    ed: { name: Ed Park }
milestones:
    -   id: m
        title: M
        tasks:
            - { id: a, title: Reopened, owner: ed, status: blocked, done_on: 2026-06-30 }   # odd
            - { id: b, title: B, owner: ed }`;
    const uri = await writePlan('tmp-edit-flow.workback.yaml', original);
    applied(await vscode.commands.executeCommand<EditOutcome>('workback.startTask', await taskNode(s, uri, 'a')));
    assert.equal(await bytes(uri), original.replace('status: blocked, done_on: 2026-06-30 }', 'status: doing }'));
    applied(
      await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', { uri: uri.toString(), taskId: 'b' }),
    );
    assert.equal(
      await bytes(uri),
      original
        .replace('status: blocked, done_on: 2026-06-30 }', 'status: doing }')
        .replace('{ id: b, title: B, owner: ed }', '{ id: b, title: B, owner: ed, status: done, done_on: 2026-07-01 }'),
      'no final newline added',
    );
  });

  it("start and block on multi-line flow tasks with done_on: every comment stays, the previous line's too", async () => {
    const s = await sidebarAs('ed');
    const original = `${HEAD('Multi-line flow plan')}      - { id: a,   # first line
          title: Reopened,   # second line
          owner: ed,   # third line
          done_on: 2026-06-30   # fourth line
        }   # closed
      - { id: b,   # one
          title: Waits,   # two
          owner: ed,   # three
          status: done,   # four
          done_on: 2026-06-29   # five
        }
`;
    const uri = await writePlan('tmp-edit-multi-flow.workback.yaml', original);
    applied(await vscode.commands.executeCommand<EditOutcome>('workback.startTask', await taskNode(s, uri, 'a')));
    const started = original.replace('done_on: 2026-06-30   # fourth line', 'status: doing   # fourth line');
    assert.equal(await bytes(uri), started, 'status where done_on was, no text lost');
    applied(
      await vscode.commands.executeCommand<EditOutcome>('workback.blockTask', { uri: uri.toString(), taskId: 'b' }),
    );
    assert.equal(
      await bytes(uri),
      started.replace(
        'status: done,   # four\n          done_on: 2026-06-29   # five\n',
        'status: blocked   # four\n          # five\n',
      ),
      'done_on goes with one comma; both comments stay',
    );
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.blockTask', { uri: uri.toString(), taskId: 'b' }),
      /already blocked/,
    );
  });

  it('an edit that would lose a comment is refused with a message; nothing changes', async () => {
    await sidebarAs('ed');
    const original = `${HEAD('Refused plan')}      - id: a
        title: A
        owner: ed
        status: done
        done_on: [2026-06-30,   # a comment inside the value
          ]
`;
    const uri = fixture('sidebar', 'tmp-edit-refused.workback.yaml');
    created.push(uri);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(original));
    const api = await getApi();
    await waitFor(() => api.planIndex.get(uri)?.result, 'the plan read');
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.startTask', { uri: uri.toString(), taskId: 'a' }),
      /could not start "a" safely: it would lose or change the comment "# a comment inside the value"\. Edit it by hand; nothing was changed\./,
    );
    assert.equal(await bytes(uri), original, 'nothing changed');
  });

  it('mark a follow-up done, log a check-in and schedule a follow-up', async () => {
    const s = await sidebarAs('ed');
    const original = `${HEAD('Follow-up plan')}      - id: a
        title: Call the vendor
        owner: ed
        status: doing
        follow_ups:
          - { on: 2026-06-29, with: kim, about: Quote? }
          - on: 2026-07-03
            with: kim
      - id: b
        title: Second
        owner: ed
`;
    const uri = await writePlan('tmp-edit-follow-ups.workback.yaml', original);
    const fu = await followUpNode(s, uri, 'a');
    assert.equal(fu.entry.about, 'Quote?');
    applied(await vscode.commands.executeCommand<EditOutcome>('workback.markFollowUpDone', fu));
    const step1 = original.replace(
      '{ on: 2026-06-29, with: kim, about: Quote? }',
      '{ on: 2026-06-29, with: kim, about: Quote?, done: true }',
    );
    assert.equal(await bytes(uri), step1);

    await waitFor(
      () => !s.model.snapshot.followUpGroups.some((g) => g.entries.some((e) => e.about === 'Quote?')),
      'the refreshed follow-ups',
    );
    applied(await vscode.commands.executeCommand<EditOutcome>('workback.logCheckIn', await taskNode(s, uri, 'b')));
    const step2 = step1.replace(
      '        title: Second\n        owner: ed\n',
      `        title: Second
        owner: ed
        follow_ups:
          - on: 2026-07-01
            with: kim
            about: Check-in
            done: true
`,
    );
    assert.equal(await bytes(uri), step2, 'a check-in on my own task is with the person I report to');

    applied(
      await vscode.commands.executeCommand<EditOutcome>('workback.scheduleFollowUp', await taskNode(s, uri, 'a'), {
        on: '2026-07-08',
        with: 'kim',
        about: 'Signed: yes?',
      }),
    );
    assert.equal(
      await bytes(uri),
      step2.replace(
        '            with: kim\n      - id: b',
        `            with: kim
          - on: 2026-07-08
            with: kim
            about: "Signed: yes?"
            done: false
      - id: b`,
      ),
    );
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.scheduleFollowUp', await taskNode(s, uri, 'a'), {
        on: '2026-02-30',
        with: 'kim',
      }),
      /not a real calendar day/,
    );
  });

  it('a check-in is logged with the other side of it, never with me', async () => {
    // Kim is the goal's owner and escalate_to: she checks on Ed; her own task has nobody above her
    const s = await sidebarAs('kim');
    const original = `${HEAD('Check-in plan')}      - id: a
        title: Kim's task
        owner: kim
        status: doing
        follow_ups:
          - { on: 2026-06-29, with: ed, about: Access? }
      - id: b
        title: Ed's task
        owner: ed
        status: doing
`;
    const uri = await writePlan('tmp-edit-check-in.workback.yaml', original);
    const logged = (person: string): string =>
      `          - on: 2026-07-01\n            with: ${person}\n            about: Check-in\n            done: true\n`;
    // from the follow-up owed to Ed, on Kim's own task: with Ed (it once wrote Kim herself)
    applied(await vscode.commands.executeCommand<EditOutcome>('workback.logCheckIn', await followUpNode(s, uri, 'a')));
    const step1 = original.replace('about: Access? }\n', `about: Access? }\n${logged('ed')}`);
    assert.equal(await bytes(uri), step1);
    // from Ed's task in Kim's views: Kim checks on Ed, so with Ed
    await waitFor(() => s.model.snapshot.plans.get(uri.toString())?.plan.tasks[0]?.followUps.length === 2, 'reread');
    applied(await vscode.commands.executeCommand<EditOutcome>('workback.logCheckIn', { uri, taskId: 'b' }));
    assert.equal(await bytes(uri), `${step1}        follow_ups:\n${logged('ed')}`);
  });

  it("on a dirty document: the user's unsaved text stays, nothing is saved", async () => {
    const s = await sidebarAs('ed');
    const { original, uri, node, doc } = await openOneTaskPlan(s, 'Dirty plan', 'tmp-edit-dirty.workback.yaml');
    const typing = new vscode.WorkspaceEdit();
    typing.insert(uri, new vscode.Position(0, 0), '# unsaved note\n');
    assert.ok(await vscode.workspace.applyEdit(typing));
    assert.ok(doc.isDirty);
    const outcome = await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', node);
    applied(outcome);
    assert.equal(outcome.status === 'applied' && outcome.saved, false);
    assert.equal(doc.getText(), `# unsaved note\n${original}        status: done\n        done_on: 2026-07-01\n`);
    assert.ok(doc.isDirty, 'still unsaved');
    assert.equal(await bytes(uri), original, 'the file on disk is untouched');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), `# unsaved note\n${original}`, 'one undo takes back the edit only');
  });

  it('on a clean document open in an editor: the edit is saved, so the tick reaches the file; undo is not saved', async () => {
    const s = await sidebarAs('ed');
    const { original, uri, node, doc } = await openOneTaskPlan(
      s,
      'Clean open plan',
      'tmp-edit-clean-open.workback.yaml',
    );
    assert.equal(doc.isDirty, false);
    const outcome = await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', node);
    applied(outcome);
    assert.equal(outcome.status === 'applied' && outcome.saved, true, 'saved');
    const ticked = `${original}        status: done\n        done_on: 2026-07-01\n`;
    assert.equal(doc.isDirty, false, 'nothing left unsaved');
    assert.equal(await bytes(uri), ticked, 'the file has the tick');
    await waitFor(() => !s.myTasks.find(uri.toString(), 'a'), 'the task gone from My Tasks');
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), original, 'one undo takes the edit back');
    assert.ok(doc.isDirty, 'in the editor only: Workback saves only its own edit');
    assert.equal(await bytes(uri), ticked);
  });

  it('refuses a stale item, a duplicate id and a plan that does not parse, changing nothing', async () => {
    const s = await sidebarAs('ed');
    const original = `${HEAD('Stale plan')}      - id: a
        title: A
        owner: ed
      - id: c
        title: C
        owner: ed
`;
    const uri = await writePlan('tmp-edit-stale.workback.yaml', original);
    const node = await taskNode(s, uri, 'a');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const rename = async (from: string, to: string): Promise<void> => {
      const e = new vscode.WorkspaceEdit();
      const i = doc.getText().indexOf(from);
      e.replace(uri, new vscode.Range(doc.positionAt(i), doc.positionAt(i + from.length)), to);
      assert.ok(await vscode.workspace.applyEdit(e));
    };
    await rename('- id: a', '- id: a2'); // the tree has not caught up
    const renamed = doc.getText();
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', node),
      /"a" is no longer in the plan/,
    );
    assert.equal(doc.getText(), renamed);
    await rename('- id: c', '- id: a2');
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', { uri: uri.toString(), taskId: 'a2' }),
      /2 tasks with the id "a2"/,
    );
    await rename('title: C', 'title: [C');
    const broken = doc.getText();
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.logCheckIn', node, { with: 'kim' }),
      /does not parse \(line \d+/,
    );
    assert.equal(doc.getText(), broken, 'a broken plan is never rewritten');
    assert.equal(await bytes(uri), original);
  });

  it('refuses deleted, untitled, virtual and read-only files with a message', async () => {
    const s = await sidebarAs('ed');
    const text = `${HEAD('Gone plan')}      - { id: a, title: A, owner: ed }\n`;
    const gone = await writePlan('tmp-edit-gone.workback.yaml', text);
    const node = await taskNode(s, gone, 'a');
    await vscode.workspace.fs.delete(gone);
    refused(await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', node), /no longer exists/);
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', {
        uri: 'untitled:Untitled-9',
        taskId: 'a',
      }),
      /not saved yet/,
    );
    refused(
      await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', {
        uri: 'vscode-vfs://github/o/r/p.workback.yaml',
        taskId: 'a',
      }),
      /not a file on disk \(vscode-vfs:\)/,
    );
    // read-only in VS Code (files.readonlyInclude): refused. (A file without write permission
    // cannot be made here: the tests run as root, who may write it; the API cannot see it either.)
    const files = vscode.workspace.getConfiguration('files');
    await files.update(
      'readonlyInclude',
      { '**/tmp-edit-readonly.workback.yaml': true },
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const ro = await writePlan('tmp-edit-readonly.workback.yaml', text);
      refused(
        await vscode.commands.executeCommand<EditOutcome>('workback.markTaskDone', { uri: ro.toString(), taskId: 'a' }),
        /is read-only \(setting files\.readonlyInclude\)/,
      );
      assert.equal(await bytes(ro), text);
      assert.equal((await vscode.workspace.openTextDocument(ro)).getText(), text);
    } finally {
      await files.update('readonlyInclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
