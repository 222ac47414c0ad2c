/**
 * The VS Code theme as Mermaid config: the webview's body class says which kind of theme is
 * active (VS Code updates it live). Light and dark use Mermaid's `default` and `dark` themes
 * with a few readable overrides; high contrast uses `base` with the theme's own colors.
 */
import type { ThemeKind } from '../shared/protocol';

export function bodyTheme(fallback: ThemeKind): ThemeKind {
  const c = document.body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'highContrastLight';
  if (c.contains('vscode-high-contrast')) return 'highContrast';
  if (c.contains('vscode-light')) return 'light';
  if (c.contains('vscode-dark')) return 'dark';
  return fallback;
}

/** Call `cb` when the body's theme class changes. */
export function observeTheme(cb: () => void): void {
  new MutationObserver(cb).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}

function cssVar(name: string, fallback: string): string {
  const v =
    getComputedStyle(document.documentElement).getPropertyValue(name).trim() ||
    getComputedStyle(document.body).getPropertyValue(name).trim();
  // Mermaid's color library reads hex, rgb() and hsl(); anything else falls back
  return /^(#[0-9a-f]{3,8}|rgba?\([^()]*\)|hsla?\([^()]*\))$/i.test(v) ? v : fallback;
}

export function fontFamily(): string {
  const f = getComputedStyle(document.body).getPropertyValue('--vscode-font-family').trim();
  // a font list only: no url(), no braces, nothing that could end the CSS rule it is put in
  return f && /^[\w\s"',.-]+$/.test(f) ? f : '"Segoe UI", system-ui, sans-serif';
}

export interface MermaidTheme {
  theme: 'default' | 'dark' | 'base';
  themeVariables: Record<string, string>;
}

/** The color of today's marker (the goal's due keeps Mermaid's marker color). */
export function todayColor(t: MermaidTheme): string {
  return t.themeVariables.todayLineColor ?? '#d13438';
}

export function mermaidTheme(kind: ThemeKind): MermaidTheme {
  const font = fontFamily();
  const fg = cssVar(
    '--vscode-editor-foreground',
    kind === 'light' || kind === 'highContrastLight' ? '#000000' : '#ffffff',
  );
  const bg = cssVar(
    '--vscode-editor-background',
    kind === 'light' || kind === 'highContrastLight' ? '#ffffff' : '#000000',
  );
  if (kind === 'light') {
    return {
      theme: 'default',
      themeVariables: {
        fontFamily: font,
        todayLineColor: '#d13438',
        vertLineColor: '#8a3ffc',
        critBkgColor: '#e5484d',
        critBorderColor: '#a4161a',
        doneTaskBkgColor: '#d9d9d9',
        doneTaskBorderColor: '#8c8c8c',
        taskTextOutsideColor: '#1f1f1f',
        taskTextDarkColor: '#1f1f1f',
        titleColor: '#1f1f1f',
        textColor: '#1f1f1f',
        gridColor: '#d0d0d0',
        // the plan's days off (weekends, holidays): a light shade behind the bars
        excludeBkgColor: '#eeeeee',
      },
    };
  }
  if (kind === 'dark') {
    return {
      theme: 'dark',
      themeVariables: {
        fontFamily: font,
        todayLineColor: '#ff8f6b',
        vertLineColor: '#c7a4ff',
        // open work stands out, done work recedes; every inside label stays light on its bar
        taskBkgColor: '#3d6fa8',
        taskBorderColor: '#8db4e2',
        taskTextColor: '#ffffff',
        activeTaskBkgColor: '#2b8a78',
        activeTaskBorderColor: '#7fd1c1',
        doneTaskBkgColor: '#4a4a4a',
        doneTaskBorderColor: '#8a8a8a',
        critBkgColor: '#c0392b',
        critBorderColor: '#ff9a8f',
        taskTextOutsideColor: '#e0e0e0',
        taskTextDarkColor: '#e0e0e0',
        titleColor: '#e8e8e8',
        textColor: '#cccccc',
        gridColor: '#4a4a4a',
        excludeBkgColor: '#2b2b2b',
      },
    };
  }
  // high contrast: the theme's own colors, bars outlined, text in the foreground color
  const border = cssVar('--vscode-contrastBorder', kind === 'highContrast' ? '#6fc3df' : '#0f4a85');
  const active = cssVar('--vscode-contrastActiveBorder', kind === 'highContrast' ? '#f38518' : '#006bbd');
  const error = cssVar('--vscode-errorForeground', kind === 'highContrast' ? '#f48771' : '#b5200d');
  return {
    theme: 'base',
    themeVariables: {
      fontFamily: font,
      background: bg,
      primaryColor: bg,
      primaryTextColor: fg,
      primaryBorderColor: border,
      lineColor: fg,
      textColor: fg,
      titleColor: fg,
      gridColor: fg,
      sectionBkgColor: bg,
      altSectionBkgColor: bg,
      sectionBkgColor2: bg,
      taskBkgColor: bg,
      taskBorderColor: border,
      taskTextColor: fg,
      taskTextLightColor: fg,
      taskTextDarkColor: fg,
      taskTextOutsideColor: fg,
      taskTextClickableColor: fg,
      activeTaskBkgColor: bg,
      activeTaskBorderColor: active,
      doneTaskBkgColor: bg,
      doneTaskBorderColor: fg,
      critBkgColor: bg,
      critBorderColor: error,
      todayLineColor: active,
      vertLineColor: active,
      excludeBkgColor: bg,
    },
  };
}
