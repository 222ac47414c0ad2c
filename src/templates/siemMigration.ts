/** Template: move the SOC from one SIEM to another (inventory, landing zone, parallel run, cutover). */
import { Dates, yamlText, type PlanTemplate } from './render';

export const siemMigration: PlanTemplate = {
  id: 'siem-migration',
  label: 'SIEM migration',
  description: 'Move the SOC to a new SIEM: log sources, detections, parallel run, cutover, decommission',
  defaultWeeks: 20,
  render(input) {
    const d = new Dates(input);
    return `# SIEM migration — a Workback plan (https://workback.dev). Replace the people with your team,
# adjust durations, then open the timeline. Dates are worked back from goal.due
# (usually the day the old SIEM's licence renews).
workback: 1
title: ${yamlText(input.title)}
goal:
  outcome: The SOC detects and responds from the new SIEM only; the old SIEM is switched off
  measure: Every in-scope log source ingests into the new SIEM (daily counts within 2%), detections migrated and tested
  due: ${d.due}
  owner: ciso
start: ${d.startDay}
calendar:
  workdays: [mon, tue, wed, thu, fri]
  holidays: []                       # add your public holidays and shutdown days
people:
  ciso:        { name: CISO, role: Owns the goal }
  soc-manager: { name: SOC manager, capacity: 2 }        # tasks at once
  detection:   { name: Detection engineer }
  cloud:       { name: Cloud engineer }
  infra:       { name: Infrastructure engineer, capacity: 2 }
  change:      { name: Change manager }
  procurement: { name: IT procurement }
policy:
  check_in_every: 2w
  escalate_after: 3d
  escalate_to: soc-manager

milestones:
  - id: inventory
    title: Log sources inventoried and sized
    tasks:
      - id: source-inventory
        title: Inventory log sources and daily volume from the current SIEM
        owner: soc-manager
        duration: 1w
      - id: use-cases
        title: Export correlation searches and map them to MITRE ATT&CK
        owner: detection
        duration: 1w
      - id: retention
        title: Agree retention (interactive and archive) with legal
        owner: ciso
        duration: 2d
        depends_on: [source-inventory]
      - id: sizing
        title: Size the new workspace and choose a commitment tier
        owner: cloud
        duration: 2d
        depends_on: [source-inventory, retention]
        follow_ups:
          - on: ${d.afterStart(10)}
            with: procurement
            about: Budget approved for the commitment tier?

  - id: landing-zone
    title: New SIEM ready and collecting
    depends_on: [inventory]
    tasks:
      - id: workspace
        title: Deploy the workspace with infrastructure as code; RBAC for the SOC
        owner: cloud
        duration: 3d
      - id: connectors-cloud
        title: Connect the identity provider, email and cloud audit logs
        owner: cloud
        duration: 1w
        depends_on: [workspace]
      - id: agents
        title: Deploy log agents and collection rules to the servers
        owner: infra
        duration: 2w
        depends_on: [workspace]
        tags: [change-required]
      - id: syslog-forwarders
        title: Build syslog/CEF forwarders for firewalls and network gear
        owner: infra
        duration: 1w
        depends_on: [workspace]

  - id: detections
    title: Detection rules migrated and tested
    depends_on: [inventory]
    tasks:
      - id: migrate-rules
        title: Translate correlation searches into the new SIEM's rules
        owner: detection
        duration: 3w
        depends_on: [use-cases, connectors-cloud]
      - id: tune-rules
        title: Tune false positives against parallel-run data
        owner: detection
        duration: 1w
        depends_on: [migrate-rules, agents, syslog-forwarders]
      - id: soc-training
        title: Query-language and incident-handling training for all analysts
        owner: soc-manager
        duration: 3d
        depends_on: [migrate-rules]

  - id: parallel-run
    title: Parallel run complete (both SIEMs ingest everything)
    depends_on: [landing-zone]
    tasks:
      - id: parallel-validate
        title: Compare daily event counts per source between the two SIEMs
        owner: soc-manager
        duration: 2w

  - id: cab-approved                 # a checkpoint: a milestone without tasks
    title: Cutover change approved by CAB
    depends_on: [parallel-run, detections]

  - id: cutover
    title: SOC works from the new SIEM
    depends_on: [cab-approved]
    tasks:
      - id: renewal-notice
        title: Send the old SIEM vendor the notice of non-renewal
        owner: procurement
        duration: 1d
        due: ${d.at(0.8)}
        tags: [contract]
      - id: cutover-day
        title: Cut over alerting and on-call to the new SIEM
        owner: soc-manager
        duration: 1d
        tags: [change-required]
      - id: runbooks
        title: Update SOC runbooks and the incident response plan
        owner: soc-manager
        duration: 2d
        depends_on: [cutover-day]

  - id: decommission
    title: Old SIEM decommissioned
    depends_on: [cutover-day]
    tasks:
      - id: archive-export
        title: Export the retained data to the archive
        owner: infra
        duration: 1w
      - id: switch-off
        title: Shut down the old SIEM and uninstall its forwarders
        owner: infra
        duration: 3d
        depends_on: [archive-export]
        tags: [change-required]
`;
  },
};
