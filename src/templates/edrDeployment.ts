/** Template: endpoint detection and response on every laptop and server, in rings. */
import { Dates, yamlText, type PlanTemplate } from './render';

export const edrDeployment: PlanTemplate = {
  id: 'edr-deployment',
  label: 'EDR deployment',
  description: 'EDR sensor on every laptop and server in rings, prevention mode on, legacy antivirus removed',
  defaultWeeks: 14,
  render(input) {
    const d = new Dates(input);
    return `# EDR deployment — a Workback plan (https://workback.dev). Replace the people with your team,
# adjust durations, then open the timeline. Dates are worked back from goal.due.
workback: 1
title: ${yamlText(input.title)}
goal:
  outcome: Every laptop and server runs the EDR sensor in prevention mode; the legacy antivirus is gone
  measure: EDR host count matches the CMDB, no legacy antivirus agents reported
  due: ${d.due}
  owner: delivery
start: ${d.startDay}
calendar:
  workdays: [mon, tue, wed, thu, fri]
  holidays: []                       # add your public holidays
people:
  delivery: { name: Service delivery manager, role: Owns the goal }
  security: { name: Security engineer, role: Policies and exclusions, capacity: 2 }  # tasks at once
  field:    { name: Field technician }
  it:       { name: Customer IT manager }
  change:   { name: Change manager }
policy:
  check_in_every: 1w
  escalate_after: 1w
  escalate_to: delivery

milestones:
  - id: prep
    title: Tenant, policies and packages ready
    tasks:
      - id: tenant
        title: Provision the EDR tenant; SSO and roles for the team
        owner: security
        duration: 1d
      - id: av-exclusions
        title: Collect antivirus exclusions for line-of-business applications
        owner: security
        duration: 3d
        follow_ups:
          - on: ${d.afterStart(3)}
            with: it
            about: Exclusions for the critical applications?
      - id: policies
        title: Build detection-only and prevention policies per device group
        owner: security
        duration: 2d
        depends_on: [tenant, av-exclusions]
      - id: packages
        title: Package the sensor for the endpoint management tool
        owner: field
        duration: 2d
        depends_on: [tenant]

  - id: change-approved              # a checkpoint: a milestone without tasks
    title: Rollout change approved by CAB
    due: ${d.at(0.25)}
    depends_on: [prep]

  - id: ring-0
    title: Ring 0 (IT staff) in detection mode
    depends_on: [change-approved]
    tasks:
      - id: ring0-deploy
        title: Deploy to IT staff laptops in detection-only mode
        owner: field
        duration: 2d
      - id: ring0-review
        title: Review detections and false positives from ring 0
        owner: security
        duration: 3d
        depends_on: [ring0-deploy]

  - id: ring-1
    title: Ring 1 (all laptops) deployed
    depends_on: [ring-0]
    tasks:
      - id: ring1-deploy
        title: Deploy to every laptop in waves of 200
        owner: field
        duration: 2w
      - id: legacy-av-laptops
        title: Uninstall the legacy antivirus from laptops
        owner: field
        duration: 1w
        depends_on: [ring1-deploy]

  - id: ring-2
    title: Ring 2 (servers) deployed
    priority: p1                     # critical systems first
    due: ${d.at(0.8)}
    depends_on: [ring-1]
    review_by: change                # the CAB signs the servers off
    tasks:
      - id: server-windows
        title: Agree maintenance windows for the servers with the application owners
        owner: it
        duration: 3d
      - id: ring2-deploy
        title: Deploy to servers in their maintenance windows
        owner: field
        duration: 1w
        depends_on: [server-windows]
        interim:                     # what protects the servers while this is late
          control: Servers keep the legacy antivirus with daily signatures until the sensor runs
          owner: security
        tags: [change-required]

  - id: prevention
    title: Prevention mode everywhere
    depends_on: [ring-2]
    tasks:
      - id: prevention-on
        title: Switch every device group to the prevention policy
        owner: security
        duration: 2d
      - id: reconcile
        title: Reconcile EDR hosts against the CMDB; chase the missing ones
        owner: delivery
        duration: 3d
        depends_on: [prevention-on]
`;
  },
};
