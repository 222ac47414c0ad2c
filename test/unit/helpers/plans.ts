/** Small plan texts for inline tests. */
export const SMALL_PLAN = `workback: 1
title: Small plan
goal:
  outcome: Done
  measure: Checked
  due: 2026-09-30
  owner: dana
people:
  dana: { name: Dana Whitfield, email: dana@example.com }
  lee: { name: Lee Chen }
milestones:
  - id: m1
    title: First milestone
    tasks:
      - id: t1
        title: Task one
        owner: dana
        duration: 2d
      - id: t2
        title: Task two
        owner: lee
        depends_on: [t1]
`;
