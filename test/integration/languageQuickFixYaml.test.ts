/**
 * Quick fixes of the YAML itself in the real VS Code: each applied through the light bulb's
 * WorkspaceEdit, the exact text asserted, the problem gone after the re-check.
 */
import * as assert from 'node:assert/strict';
import { codes } from './helpers';
import { closeScratch } from './languageHelpers';
import { applyFix } from './quickFixHelpers';

const PLAN = `workback: 1
title: Demo   # a plan
goal: { outcome: Demo done, measure: Launched, due: 2026-09-30, owner: dana }
people:
  dana: { name: Dana Whitfield }
milestones:
  - { id: launch, title: Launched }
`;

describe('language: quick fixes of the YAML', () => {
  afterEach(closeScratch);

  it('yaml-duplicate-key: removes the second occurrence', async () => {
    const text = PLAN.replace(
      '  - { id: launch, title: Launched }\n',
      '  - id: a\n    title: A   # first\n    title: B   # second\n',
    );
    const doc = await applyFix(text, 'yaml-duplicate-key', 'Remove this "title" (the first one stays)');
    assert.equal(doc.getText(), text.replace('    title: B   # second\n', '    # second\n'), 'its comment stays');
  });

  it('yaml-key-not-string: quotes the key', async () => {
    const text = PLAN.replace('  dana: { name: Dana Whitfield }\n', '  007: { name: James Bond }\n');
    const doc = await applyFix(text, 'yaml-key-not-string', 'Quote the key: "007"');
    assert.equal(doc.getText(), text.replace('  007:', '  "007":'));
  });

  it('yaml-anchor: writes out an alias, then removes the anchor; writes out a merge key', async () => {
    const text = PLAN.replace(
      '  dana: { name: Dana Whitfield }\n',
      '  dana: &dana { name: Dana Whitfield }\n  dw: *dana\n',
    );
    const alias = await applyFix(text, 'yaml-anchor', 'Write out the value of *dana', 1);
    assert.equal(alias.getText(), text.replace('dw: *dana', 'dw: { name: Dana Whitfield }'));
    const anchor = await applyFix(alias.getText(), 'yaml-anchor', 'Remove the anchor &dana');
    assert.equal(anchor.getText(), text.replace('dw: *dana', 'dw: { name: Dana Whitfield }').replace('&dana ', ''));
    const merge = PLAN.replace(
      '  - { id: launch, title: Launched }\n',
      '  - <<: {title: Launched, id: x}   # shared\n    id: launch\n',
    );
    const merged = await applyFix(merge, 'yaml-anchor', 'Write out the merged keys');
    assert.equal(
      merged.getText(),
      PLAN.replace('  - { id: launch, title: Launched }\n', '  - title: Launched   # shared\n    id: launch\n'),
    );
    assert.deepEqual(codes(merged.uri), []);
  });

  it('yaml-tag: removes it, quoting what must stay text', async () => {
    const text = PLAN.replace('title: Demo', 'title: !!str 2027');
    const doc = await applyFix(text, 'yaml-tag', 'Remove the tag !!str and quote the value');
    assert.equal(doc.getText(), PLAN.replace('title: Demo', 'title: "2027"'));
  });

  it('yaml-directive: removes the directive line', async () => {
    const doc = await applyFix(`%YAML 1.1\n---\n${PLAN}`, 'yaml-directive', 'Remove the directive');
    assert.equal(doc.getText(), `---\n${PLAN}`);
  });

  it('yaml-multiple-documents: comments out the second document', async () => {
    const doc = await applyFix(
      `${PLAN}---\ntitle: Another plan\n`,
      'yaml-multiple-documents',
      'Comment out the second document',
    );
    assert.equal(doc.getText(), `${PLAN}# ---\n# title: Another plan\n`);
    assert.deepEqual(codes(doc.uri), []);
  });

  it('empty-file: starts a plan that checks clean', async () => {
    const doc = await applyFix('# to do\n', 'empty-file', 'Start a plan here');
    assert.equal(
      doc.getText(),
      [
        '# to do',
        'workback: 1',
        'title: New plan',
        'goal:',
        '  outcome: What is true when the plan is done',
        '  measure: How you will know it is true',
        '  due: 2026-08-26',
        '  owner: me',
        'people:',
        '  me: { name: Me }',
        'milestones:',
        '  - id: done',
        '    title: Goal reached',
        '',
      ].join('\n'),
    );
    assert.deepEqual(codes(doc.uri), []);
  });
});
