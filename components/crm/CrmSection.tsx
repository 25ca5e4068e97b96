import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '@/lib/messaging/messenger';
import { HubSpotConnectForm } from './HubSpotConnectForm';
import { SalesforceConnectForm } from './SalesforceConnectForm';

export type CrmSource = 'local' | 'hubspot' | 'salesforce';
const NAMES: Record<CrmSource, string> = {
  local: 'This browser (local)',
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
};

/**
 * Where leads come from: this browser, HubSpot or Salesforce, one at a time. The picker starts on
 * the CRM that is connected (else this browser) and shows that CRM's form; picking the other CRM
 * while one is connected says to disconnect it first (the background refuses it too).
 */
export function CrmSection() {
  const hubspot = useQuery({ queryKey: ['crm-status'], queryFn: () => request('crmStatus', null) });
  const salesforce = useQuery({ queryKey: ['sf-status'], queryFn: () => request('salesforceStatus', null) });
  const [picked, setPicked] = useState<CrmSource | undefined>();
  const connected: CrmSource | undefined = hubspot.data?.connected
    ? 'hubspot'
    : salesforce.data?.connected
      ? 'salesforce'
      : undefined;
  const source: CrmSource = picked ?? connected ?? 'local';
  const blockedBy = connected && connected !== source ? connected : undefined;

  return (
    <div className="stack">
      <fieldset data-testid="crm-source">
        <legend>Where leads come from</legend>
        {(Object.keys(NAMES) as CrmSource[]).map((value) => (
          <label key={value} className="row">
            <input
              type="radio"
              name="crm-source"
              data-testid={`crm-source-${value}`}
              checked={source === value}
              onChange={() => setPicked(value)}
            />{' '}
            {NAMES[value]}
            {connected === value ? ' (connected)' : ''}
          </label>
        ))}
      </fieldset>
      {blockedBy ? (
        <p className="small" role="status" data-testid="crm-source-blocked">
          {source === 'local'
            ? `Leads come from ${NAMES[blockedBy]} while it is connected: disconnect ${NAMES[blockedBy]} to work with this browser’s own leads.`
            : `Baton works with one CRM at a time: disconnect ${NAMES[blockedBy]} first.`}
        </p>
      ) : source === 'local' ? (
        <p className="muted small" data-testid="crm-source-local-note">
          Leads, attempts and hand-backs stay in this browser; nothing is sent anywhere.
        </p>
      ) : null}
      {source === 'hubspot' && !blockedBy && <HubSpotConnectForm />}
      {source === 'salesforce' && !blockedBy && <SalesforceConnectForm />}
    </div>
  );
}
