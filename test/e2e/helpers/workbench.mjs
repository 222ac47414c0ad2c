// One real VS Code for a UI test or a benchmark: a VS Code server with quiet editor settings,
// headless Chromium on its web workbench with a folder open and the extension loaded, the page's
// errors collected, and one teardown that keeps a screenshot and the server's state and logs
// when something failed.
import {
  launchBrowser,
  runCommand,
  startServer,
  waitForWorkbench,
  workbenchUrl,
} from '../../../tools/vscode-runtime/lib.mjs';

/** Editor settings that keep screenshots and clicks steady (no minimap, no preview tabs...). */
export const QUIET_SETTINGS = {
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
  'editor.stickyScroll.enabled': false,
};

/**
 * Start a server and open its workbench on `folder` with the extension at `extension`.
 * Returns { server, browser, page, pageErrors, close({ ok, screenshot }) }.
 */
export async function openWorkbench({
  folder,
  extension,
  settings = {},
  viewport = { width: 1400, height: 900 },
  timeout = 30000,
}) {
  const server = startServer({ settings: { ...QUIET_SETTINGS, ...settings } });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(timeout);
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(workbenchUrl(server.url, { folder, extensionDevelopmentPath: extension }));
    await waitForWorkbench(page);
    const close = async ({ ok = true, screenshot } = {}) => {
      if (!ok && screenshot) await page.screenshot({ path: screenshot }).catch(() => {});
      await browser.close().catch(() => {});
      server.stop({ removeState: ok });
      if (!ok) console.log(`      server state and logs kept in ${server.state}`);
    };
    return { server, browser, page, pageErrors, close };
  } catch (e) {
    if (browser) await browser.close().catch(() => {});
    server.stop({ removeState: false });
    console.log(`      server state and logs kept in ${server.state}`);
    throw e;
  }
}

/** Open Workback's walkthrough, "Get Started with Workback"; returns its container. */
export async function openWalkthrough(page) {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  await page.locator('.quick-input-widget .quick-input-box input').fill('Get Started with Workback');
  await page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .first()
    .filter({ hasText: 'Get Started with Workback' })
    .waitFor();
  await page.keyboard.press('Enter');
  return page.locator('.gettingStartedContainer');
}
