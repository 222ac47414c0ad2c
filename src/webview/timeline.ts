/**
 * The timeline panel's page script. The page (src/webview/page.ts) receives render messages and
 * draws the newest with Mermaid; what it shows when is decided in src/webview/pure/pageState.ts,
 * without the DOM. The host did all the planning. At start, a picture saved by an earlier page of
 * the panel is shown at once, and the first render, put inside the page by the host, is drawn
 * without a round trip.
 */
import { TimelinePage } from './page';
import { firstRenderIsNew, parseFirstRender } from './pure/savedState';
import { HostChannel } from './vscodeApi';

// For the benchmark: when this document started loading, and when this script ran (epoch ms).
document.body.dataset.timeOrigin = String(Math.round(performance.timeOrigin));
document.body.dataset.bootAt = String(Math.round(performance.timeOrigin + performance.now()));

// Counted where tests can see it: a strict CSP must never have to block anything here.
document.addEventListener('securitypolicyviolation', (e) => {
  const b = document.body.dataset;
  b.cspViolations = String(Number(b.cspViolations ?? '0') + 1);
  b.lastCspViolation = `${e.violatedDirective} ${e.blockedURI}`;
});

const host = new HostChannel();
const page = new TimelinePage(host);
const seen = host.seenBefore();
page.restoreSavedPicture();
const first = parseFirstRender(document.getElementById('first-render')?.textContent);
if (first && firstRenderIsNew(first, seen)) page.render(first);
host.post({ type: 'ready' });
