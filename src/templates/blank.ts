/** Template: a blank plan, the least that checks clean: a goal, one person, one milestone, one task. */
import { Dates, yamlText, type PlanTemplate } from './render';

export const blankPlan: PlanTemplate = {
  id: 'blank',
  label: 'Blank plan',
  description: 'A goal, one person, one milestone and one task to start from (docs/format.md has every field)',
  defaultWeeks: 8,
  render(input) {
    const d = new Dates(input);
    return `# A Workback plan. Say what will be true and by when (goal), who works on it (people), then
# the steps (milestones and their tasks): Workback works the dates back from goal.due.
workback: 1
title: ${yamlText(input.title)}
goal:
  outcome: Say what will be true when the goal is met
  measure: Say how you will know (a report, a number, an audit result)
  due: ${d.due}
  owner: me
start: ${d.startDay}
people:
  me: { name: Your name }
milestones:
  - id: first-milestone
    title: What is true when the first step is done
    tasks:
      - id: first-task
        title: The first task
        owner: me
        duration: 1w
`;
  },
};
