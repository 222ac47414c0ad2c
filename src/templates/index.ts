/**
 * New-plan templates behind `Workback: New Plan...`: realistic, valid plans whose dates are
 * computed from today and the due date the user gives. (Pure: no clock, no vscode.)
 */
import { edrDeployment } from './edrDeployment';
import { mfaRollout } from './mfaRollout';
import { siemMigration } from './siemMigration';
import type { PlanTemplate } from './render';

export { slugOf, yamlText, type PlanTemplate, type TemplateInput } from './render';

export const TEMPLATES: readonly PlanTemplate[] = [mfaRollout, siemMigration, edrDeployment];

export function templateById(id: string): PlanTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
