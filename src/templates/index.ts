/**
 * New-plan templates behind `Workback: New Plan…`: realistic, valid plans whose dates are
 * computed from today and the due date the user gives. (Pure: no clock, no vscode.)
 */
import { blankPlan } from './blank';
import { edrDeployment } from './edrDeployment';
import { mfaRollout } from './mfaRollout';
import { siemMigration } from './siemMigration';
import type { PlanTemplate } from './render';

export { slugOf, yamlText, type PlanTemplate, type TemplateInput } from './render';

/** The worked examples first; the blank plan last. */
export const TEMPLATES: readonly PlanTemplate[] = [mfaRollout, siemMigration, edrDeployment, blankPlan];

export function templateById(id: string): PlanTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
