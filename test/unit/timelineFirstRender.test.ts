/**
 * The first render inside the timeline's page: JSON in a data block that plan text can never
 * end, read back exactly by the browser's HTML parser (jsdom) and JSON.parse.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { FIRST_RENDER_ID, jsonForHtml } from '../../src/extension/timeline/firstRender';

const doc = new JSDOM('<!DOCTYPE html><html><body></body></html>').window.document;

/** The page's body as the timeline builds it (html.ts): the data block, then the script. */
function parse(value: unknown): { read: unknown; elements: string[] } {
  doc.body.innerHTML = `<p id="boot">Loading</p>\n<script type="application/json" id="${FIRST_RENDER_ID}" nonce="n">${jsonForHtml(value)}</script>\n<script nonce="n" src="timeline.js"></script>`;
  const block = doc.getElementById(FIRST_RENDER_ID);
  return {
    read: JSON.parse(block?.textContent ?? 'null'),
    elements: [...doc.body.children].map((e) => `${e.tagName}#${e.id}`),
  };
}

const EXPECTED = ['P#boot', `SCRIPT#${FIRST_RENDER_ID}`, 'SCRIPT#'];

describe('the first render in the timeline page', function () {
  this.timeout(30000);

  it('hostile titles stay inside the data block and read back exactly', () => {
    const titles = [
      '</script><script>alert(1)</script>',
      '</SCRIPT >',
      '<!--',
      '<!-- <script>',
      ']]>',
      '&lt;b&gt;',
      '\u2028\u2029',
      '</style><img src=x onerror=alert(1)>',
      '"\\\'`${x}',
    ];
    const msg = { type: 'render', seq: 1, gantt: { rows: titles.map((title) => ({ title })) } };
    const { read, elements } = parse(msg);
    assert.deepEqual(read, msg);
    assert.deepEqual(elements, EXPECTED, 'no element came out of a title');
    assert.doesNotMatch(jsonForHtml(msg), /[<>&\u2028\u2029]/);
  });

  it('any string round-trips (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.string({ unit: 'binary', maxLength: 60 }),
        (a, b) => {
          const value = { a, b, list: [a, b] };
          const { read, elements } = parse(value);
          assert.deepEqual(read, value);
          assert.deepEqual(elements, EXPECTED);
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});
