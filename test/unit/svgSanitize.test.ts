import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { asXmlFile, cleanCss, sanitizeSvg } from '../../src/shared/svgSanitize';

const SVG = (inner: string, attrs = ''): string => `<svg xmlns="http://www.w3.org/2000/svg"${attrs}>${inner}</svg>`;
const clean = (markup: string): string => {
  const out = sanitizeSvg(markup);
  assert.ok(out !== undefined, `refused: ${markup}`);
  return out;
};

/** Markup of a picture as Mermaid draws a Gantt chart (shape and attributes, shortened). */
const GANTT =
  '<svg aria-roledescription="gantt" role="graphics-document document" viewBox="0 0 784 196" style="max-width: 784px;" ' +
  'xmlns="http://www.w3.org/2000/svg" width="100%" id="mermaid-1" xmlns:xlink="http://www.w3.org/1999/xlink">' +
  '<style>#mermaid-1{font-family:"trebuchet ms",verdana,arial,sans-serif;font-size:16px;fill:#ccc;}#mermaid-1 .section0{fill:rgba(102,102,255,0.49);}' +
  '#mermaid-1 .grid .tick text{font-family:"trebuchet ms";}#mermaid-1 :root{--mermaid-font-family:"trebuchet ms";}</style>' +
  '<g></g><g class="grid" transform="translate(75, 146)" fill="none" font-size="10" font-family="sans-serif" text-anchor="middle">' +
  '<path class="domain" stroke="currentColor" d="M0.5,-111V0.5H634.5V-111"></path>' +
  '<g class="tick" opacity="1" transform="translate(30.5,0)"><line stroke="currentColor" y2="-111"></line>' +
  '<text fill="#000" y="3" dy="1em" stroke="none" font-size="10" style="text-anchor: middle;">2026-07-06</text></g></g>' +
  '<g><rect x="0" y="48" width="749.5" height="24" class="section section0"></rect></g>' +
  '<g><rect id="api" rx="3" ry="3" x="75" y="50" width="91" height="20" transform-origin="120.5px 60px" class="task task0"></rect>' +
  '<text id="api-text" font-size="11" x="120.5" y="63.5" text-anchor="middle" class="taskText taskText0 width-91">Build the API &amp; the &lt;client&gt;\u00A0now</text></g>' +
  '<g><text dy="0em" x="10" y="62" font-size="11" class="sectionTitle sectionTitle0"><tspan alignment-baseline="central" x="10">Launch</tspan></text></g>' +
  '<g class="today"><line x1="200" x2="200" y1="25" y2="171" class="today" id="mermaid-1-today" style="fill: rgb(200, 0, 0) !important;"></line></g>' +
  '<text x="392" y="25" class="titleText">Release</text></svg>';

describe('sanitizeSvg: one set of rules for the page and the exported file', () => {
  it('keeps a Mermaid Gantt picture: every element, attribute and text, escaped again', () => {
    const out = clean(GANTT);
    const tags = (s: string) => [...s.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]);
    assert.deepEqual(tags(out), tags(GANTT));
    const attrs = (s: string) => [...s.matchAll(/\s([a-zA-Z:-]+)="/g)].map((m) => m[1]);
    assert.deepEqual(attrs(out), attrs(GANTT));
    assert.ok(out.includes('>Build the API &amp; the &lt;client&gt;&#160;now</text>'));
    assert.ok(out.includes('#mermaid-1{font-family:"trebuchet ms",verdana,arial,sans-serif;'));
    assert.equal(clean(out), out, 'sanitizing twice changes nothing');
  });

  it('drops script, foreignObject, links, images, animation and unknown elements with all they hold', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<script type="text/javascript"><![CDATA[alert(1)]]></script>',
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/></div></foreignObject>',
      '<a href="javascript:alert(1)"><text>click</text></a>',
      '<a xlink:href="https://evil.example"><rect/></a>',
      '<image href="https://evil.example/x.png"/>',
      '<iframe src="https://evil.example"></iframe>',
      '<embed src="x"/>',
      '<object data="x"></object>',
      '<animate attributeName="href" to="javascript:alert(1)"/>',
      '<set attributeName="onmouseover" to="alert(1)"/>',
      '<SCRIPT>alert(1)</SCRIPT>',
      '<feImage href="https://evil.example"/>',
      '<handler>alert(1)</handler>',
    ];
    for (const h of hostile) {
      const out = clean(SVG(`${h}<text>kept</text>`));
      assert.equal(out, `${SVG('<text>kept</text>')}`, h);
    }
    assert.equal(clean(SVG('<script/><g></g>')), SVG('<g></g>'), 'a self-closed script holds nothing more');
  });

  it('drops on* attributes, href outside the picture, and values that fetch or run', () => {
    const cases: [string, string][] = [
      ['<rect onclick="alert(1)" width="1"/>', '<rect width="1"/>'],
      ['<rect ONLOAD="alert(1)" onMouseOver=\'x\' onfocus=x width="1"/>', '<rect width="1"/>'],
      ['<use href="#bar"/>', '<use href="#bar"/>'],
      ['<use href="https://evil.example/s.svg#x"/>', '<use/>'],
      ['<use xlink:href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;"/>', '<use/>'],
      ['<use href="&#106;avascript:alert(1)"/>', '<use/>'],
      ['<rect fill="url(#grad)"/>', '<rect fill="url(#grad)"/>'],
      ['<rect fill="url(https://evil.example/p#x)"/>', '<rect/>'],
      ['<rect fill="u\\72l(https://evil.example)"/>', '<rect/>'],
      ['<rect style="fill:url(\'https://evil.example\');stroke:red"/>', '<rect style="fill:none;stroke:red"/>'],
      ['<rect style="background:url(&quot;data:x&quot;)"/>', '<rect style="background:none"/>'],
      ['<rect style="width:expression(alert(1))"/>', '<rect style="width:none(alert(1))"/>'],
      ['<rect style="fi\\6c l:u\\72l(x)"/>', '<rect style="fi6c l:u72l(x)"/>'],
      ['<rect srcdoc="x" formaction="x" src="x" width="2"/>', '<rect width="2"/>'],
      ['<rect xmlns:evil="https://evil.example" evil:href="x" width="2"/>', '<rect width="2"/>'],
      [
        '<text data-row="3" aria-label="a &quot;b&quot;">t</text>',
        '<text data-row="3" aria-label="a &quot;b&quot;">t</text>',
      ],
    ];
    for (const [input, expected] of cases) assert.equal(clean(SVG(input)), SVG(expected), input);
  });

  it('cleans CSS: no @import, no url() but url(#id), no escapes, no comments hiding anything', () => {
    assert.equal(cleanCss('@import url(https://evil.example/x.css);.a{fill:red}'), '.a{fill:red}');
    assert.equal(cleanCss('@import "https://evil.example/x.css";'), '');
    assert.equal(cleanCss('.a{background:url(https://evil.example/x.png) no-repeat}'), '.a{background:none no-repeat}');
    assert.equal(cleanCss('.a{fill:url(#g)}'), '.a{fill:url(#g)}');
    assert.equal(cleanCss('.a{fill:url( "#g" )}'), '.a{fill:url( "#g" )}');
    assert.equal(cleanCss('.a{b:u/**/rl(https://e)}'), '.a{b:none}');
    assert.equal(cleanCss('@im\\port url(x);'), '');
    assert.equal(cleanCss('.a{b:url(https://e'), '.a{b:none');
    const style = clean(
      SVG('<style>@import url(https://evil.example/a.css);.a{fill:url(https://evil.example/b)} .b > .c{x:1}</style>'),
    );
    assert.equal(style, SVG('<style>.a{fill:none} .b &gt; .c{x:1}</style>'));
  });

  it('refuses what is not an SVG picture, and a DOCTYPE (entities)', () => {
    for (const bad of [
      '',
      'hello',
      '<script>alert(1)</script>',
      '<html><body>x</body></html>',
      '<!DOCTYPE svg [<!ENTITY x "<script>alert(1)</script>">]><svg>&x;</svg>',
      '<!ENTITY x "y"><svg></svg>',
    ]) {
      assert.equal(sanitizeSvg(bad), undefined, bad);
    }
    assert.equal(
      clean('<svg><text>&x; &unknown; &#0; &#x110000;</text></svg>'),
      SVG('<text>&amp;x; &amp;unknown; \uFFFD \uFFFD</text>'),
    );
  });

  it('keeps nothing after the root element closes; comments, processing instructions and CDATA markers go', () => {
    assert.equal(
      clean(
        '<?xml version="1.0"?><!-- c --><svg><!-- <script>alert(1)</script> --><text><![CDATA[a<b]]></text></svg><script>alert(1)</script>',
      ),
      SVG('<text>a&lt;b</text>'),
    );
    assert.equal(clean('<svg><g><text>open'), SVG('<g><text>open</text></g>'));
  });

  it('on any input: the output is one svg element of allowed names, with no on* attribute and no outside reference', () => {
    const piece = fc.constantFrom(
      '<svg>',
      '</svg>',
      '<g>',
      '</g>',
      '<text>',
      '</text>',
      '<script>',
      '</script>',
      '<foreignObject>',
      '</foreignObject>',
      '<rect onclick="x"/>',
      '<use href="https://e"/>',
      '<a href="javascript:x">',
      '</a>',
      '<style>',
      '</style>',
      '@import url(x);',
      'url(https://e)',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '"',
      "'",
      '<',
      '>',
      '&',
      '&lt;',
      '&#60;',
      'javascript:',
      'on',
      'x',
      ' ',
      '=',
      '/',
      '<rect style="',
      '<!DOCTYPE',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const out = sanitizeSvg(`<svg>${pieces.join('')}`);
        if (out === undefined) return;
        assert.match(out, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[ >]/);
        assert.ok(out.endsWith('</svg>'));
        for (const m of out.matchAll(/<\/?([^\s/>]+)/g))
          assert.ok(['svg', 'g', 'text', 'rect', 'use', 'style'].includes(m[1]!), m[1]);
        // markup: tags and the style sheets; text elsewhere is inert (escaped) and may say anything
        const markup = [...out.matchAll(/<[^>]*>|<style>[^<]*/g)].map((m) => m[0]).join('');
        assert.ok(!/\son[a-z]*=|https:\/\/e|javascript:|@import|url\(/i.test(markup), out);
      }),
      { numRuns: 3000 },
    );
  });

  it('an exported file is well-formed XML whatever the text holds: what XML cannot carry becomes U+FFFD', () => {
    const { window } = new JSDOM('');
    const parser = new window.DOMParser();
    // controls, lone surrogates, U+FFFE/U+FFFF, markup characters and ordinary text, in a title and an attribute
    const char = fc.oneof(
      fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
      fc.constantFrom('\uD800', '\uDFFF', '\uFFFE', '\uFFFF', '\uD83D\uDE80', '&', '<', '>', '"', '\u00A0', '\u0085'),
      fc.string({ unit: 'grapheme', maxLength: 3 }),
    );
    const xmlSafe = (s: string) =>
      s.replace(
        /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
        '\uFFFD',
      );
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 30 }).map((cs) => cs.join('')),
        (title) => {
          const out = asXmlFile(clean(SVG(`<text class="${escape(title)}">${escape(title)}</text>`)));
          const doc = parser.parseFromString(out, 'image/svg+xml');
          assert.equal(doc.getElementsByTagName('parsererror').length, 0, out);
          const text = doc.getElementsByTagName('text')[0]!;
          // XML parsing normalises line breaks (CR LF and CR become LF) in text, and white space in attributes
          assert.equal(text.textContent, xmlSafe(title).replace(/\r\n?/g, '\n'));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the page keeps every character as text (HTML carries what XML cannot)', () => {
    assert.equal(clean(SVG('<text>a\u0001b\uFFFF\uD800c</text>')), SVG('<text>a\u0001b\uFFFF\uD800c</text>'));
  });
});
