/**
 * Code that only a command needs, bundled apart (dist/onDemand.js, esbuild.mjs) and loaded the
 * first time that command runs, so that the extension host loads less at start: the quick fixes
 * (the first light bulb), the status report, the calendar export and the SVG sanitizer of the
 * timeline's export.
 */
export {
  calendarEvents,
  dayRunRefactors,
  quickFixes,
  statusReport,
  statusReportMarkdown,
  toICalendar,
} from '../../core';
export { asXmlFile, sanitizeSvg } from '../../shared/svgSanitize';
