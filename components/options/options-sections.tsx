import type { ReactNode } from 'react';
import { CrmSection } from '../crm/CrmSection';
import { DataSection } from '../data/DataSection';
import { CalendarForm } from './CalendarForm';
import { OwnDomainsForm } from './OwnDomainsForm';
import { QualificationFieldsForm } from './QualificationFieldsForm';
import { QueueOwnerForm } from './QueueOwnerForm';
import { RemindersForm } from './RemindersForm';
import { ReportTargetsForm } from './ReportTargetsForm';
import { ScoreModelForm } from './ScoreModelForm';
import { SlaPolicyForm } from './SlaPolicyForm';
import { TeamPolicySection } from './TeamPolicySection';
import { WorkspaceSection } from './WorkspaceSection';

export interface OptionsSection {
  /** The URL's hash: `options.html#sla`. */
  id: string;
  title: string;
  /** What this section changes for the reps, in one sentence. */
  forReps: string;
  content: () => ReactNode;
}

/** The options page's sections, in the order a manager sets a team up. */
export const OPTIONS_SECTIONS: OptionsSection[] = [
  {
    id: 'workspace',
    title: 'Workspace and data',
    forReps:
      'Which leads and assets Baton knows in this browser: the sample, CSV imports, exports and the backup.',
    content: () => (
      <>
        <WorkspaceSection />
        <DataSection />
      </>
    ),
  },
  {
    id: 'crm',
    title: 'CRM',
    forReps:
      'With HubSpot or Salesforce connected, the card reads the CRM’s leads and every logged attempt is written there.',
    content: () => <CrmSection />,
  },
  {
    id: 'sla',
    title: 'SLA and reminders',
    forReps:
      'How soon a new MQL must get its first attempt and how many attempts follow: the card’s SLA clock, the queue’s order, the badge and the notifications.',
    content: () => (
      <>
        <SlaPolicyForm />
        <RemindersForm />
      </>
    ),
  },
  {
    id: 'calendar',
    title: 'Business calendar',
    forReps: 'When the SLA clock runs: only in these hours, in this time zone, never on holidays.',
    content: () => <CalendarForm />,
  },
  {
    id: 'score',
    title: 'Score model',
    forReps:
      'The score on every card and its “Why?”, the hot/warm/cold bands, and which tier of the SLA applies.',
    content: () => <ScoreModelForm />,
  },
  {
    id: 'qualification',
    title: 'Qualification fields',
    forReps:
      'What the card lists as “Still missing”, in this order, and which fields must be known to accept as SQL.',
    content: () => <QualificationFieldsForm />,
  },
  {
    id: 'queue',
    title: 'Queue and email',
    forReps: 'Whose leads the queue lists, and which email domains are your own (never taken as the lead).',
    content: () => (
      <>
        <QueueOwnerForm />
        <OwnDomainsForm />
      </>
    ),
  },
  {
    id: 'report',
    title: 'Weekly report',
    forReps:
      'What marketing commits to (MQLs per rep, the money behind an MQL): the weekly report measures delivery against it.',
    content: () => <ReportTargetsForm />,
  },
  {
    id: 'team-policy',
    title: 'Team policy',
    forReps:
      'One file with the team’s settings, so every rep’s Baton counts the same SLA; values your administrator sets are read-only.',
    content: () => <TeamPolicySection />,
  },
];

/** The section a URL hash names, else the first. */
export function sectionOfHash(hash: string): string {
  const id = decodeURIComponent(hash.replace(/^#/, ''));
  return OPTIONS_SECTIONS.some((section) => section.id === id) ? id : (OPTIONS_SECTIONS[0]?.id ?? '');
}
