/** Template: MFA for every staff account (identity provider, pilot, waves, enforcement). */
import { Dates, yamlText, type PlanTemplate } from './render';

export const mfaRollout: PlanTemplate = {
  id: 'mfa-rollout',
  label: 'MFA rollout',
  description: 'Multi-factor authentication for every staff account: method, pilot, enrolment waves, enforcement',
  defaultWeeks: 14,
  render(input) {
    const d = new Dates(input);
    return `# MFA rollout — a Workback plan (https://workback.dev). Replace the people with your team,
# adjust durations, then open the timeline. Dates are worked back from goal.due.
workback: 1
title: ${yamlText(input.title)}
goal:
  outcome: Every staff account signs in with MFA; SMS and voice are disabled as methods
  measure: IdP authentication-methods report shows 100% enrolment, exceptions signed off
  due: ${d.due}
  owner: sponsor
  consulted: [security, desk]        # asked before the policy is set
  informed: [comms]                  # tells the staff
start: ${d.startDay}
calendar:
  workdays: [mon, tue, wed, thu, fri]
  holidays: []                       # add your public holidays: [${d.afterStart(0).slice(0, 4)}-12-25, ...]
people:
  sponsor:  { name: IT director, role: Owns the goal }
  identity: { name: Identity engineer, role: Configures the IdP and Conditional Access }
  desk:     { name: Service desk lead, role: Resets and enrolment help }
  comms:    { name: Internal communications }
  security: { name: Security analyst, role: Exceptions and evidence }
policy:
  check_in_every: 1w
  escalate_after: 2d
  escalate_to: sponsor

milestones:
  - id: design
    title: Method chosen with stakeholders
    tasks:
      - id: licensing
        title: Confirm licences cover MFA and Conditional Access for all staff
        owner: sponsor
        duration: 2d
        follow_ups:
          - on: ${d.afterStart(2)}
            with: identity
            about: Licence count confirmed?
      - id: inventory-accounts
        title: Export every staff, shared and service account from the IdP
        owner: identity
        duration: 3d
      - id: pick-method
        title: Choose the MFA methods (authenticator app, FIDO2 keys for kiosks)
        owner: sponsor
        duration: 3d
        depends_on: [licensing, inventory-accounts]
      - id: exceptions-process
        title: Write the exception process for break-glass and service accounts
        owner: security
        duration: 2d
        depends_on: [inventory-accounts]

  - id: change-approved              # a checkpoint: a milestone without tasks
    title: Conditional Access change approved by CAB
    due: ${d.at(0.3)}
    depends_on: [design]

  - id: pilot
    title: Pilot group enrolled
    due: ${d.at(0.55)}
    depends_on: [change-approved]
    tasks:
      - id: helpdesk-runbook
        title: Service desk runbook for MFA resets with identity checks
        owner: desk
        duration: 3d
        depends_on: [exceptions-process]
      - id: enroll-it
        title: Enroll the IT team and switch their policy to enforce
        owner: identity
        duration: 1w
      - id: pilot-review
        title: Pilot review with the service desk (tickets, failed sign-ins)
        owner: sponsor
        duration: 1d
        depends_on: [enroll-it, helpdesk-runbook]

  - id: rollout
    title: All staff enrolled
    depends_on: [pilot]
    tasks:
      - id: announce
        title: Announce to staff (what changes, when, where to get help)
        owner: comms
        duration: 2d
      - id: enroll-wave-1
        title: Enroll office staff (wave 1)
        owner: identity
        duration: 1w
        depends_on: [announce]
      - id: enroll-wave-2
        title: Enroll field staff and kiosk users (wave 2)
        owner: identity
        duration: 1w
        depends_on: [enroll-wave-1]
      - id: chase-stragglers
        title: Chase accounts not enrolled after both waves
        owner: desk
        duration: 3d
        depends_on: [enroll-wave-2]
      - id: enforce
        title: Enforce MFA for all users; disable SMS and voice methods
        owner: identity
        duration: 1d
        depends_on: [chase-stragglers]
        tags: [change-required]

  - id: evidence
    title: Evidence ready for the auditors
    depends_on: [rollout]
    tasks:
      - id: audit-report
        title: Export the authentication-methods report and the exception register
        owner: security
        duration: 1d
`;
  },
};
