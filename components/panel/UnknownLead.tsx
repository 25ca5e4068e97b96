import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '@/lib/messaging/messenger';
import type { LeadIdentity } from '@/lib/model/schemas';
import { useLeadSearch } from './queries';

/** Somebody is on screen but is not one of the leads: show who, as text, and offer to add them. */
export function UnknownLead({ identity }: { identity: LeadIdentity }) {
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: () =>
      request('addLead', {
        name: identity.name || identity.emails[0] || identity.linkedinSlug || 'Unknown',
        emails: identity.emails,
        company: identity.company,
        title: identity.title,
        linkedinUrl: identity.linkedinSlug
          ? `https://www.linkedin.com/in/${identity.linkedinSlug}/`
          : undefined,
        crm: identity.crm ? [identity.crm] : [],
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lead'] }),
  });
  return (
    <div>
      <h1>Not in your leads</h1>
      <dl data-testid="detected-identity">
        {identity.name && (
          <>
            <dt className="muted">Name</dt>
            <dd>{identity.name}</dd>
          </>
        )}
        {identity.emails.length > 0 && (
          <>
            <dt className="muted">Email</dt>
            <dd>{identity.emails.join(', ')}</dd>
          </>
        )}
        {identity.linkedinSlug && (
          <>
            <dt className="muted">LinkedIn</dt>
            <dd>{identity.linkedinSlug}</dd>
          </>
        )}
        {identity.crm && (
          <>
            <dt className="muted">CRM record</dt>
            <dd>
              {identity.crm.system} {identity.crm.id}
            </dd>
          </>
        )}
      </dl>
      <button
        type="button"
        className="primary"
        data-testid="add-lead"
        disabled={add.isPending}
        onClick={() => add.mutate()}
      >
        Add lead
      </button>
      {add.isError && <p className="error">Could not add the lead: {add.error.message}</p>}
      <LinkToLead identity={identity} />
    </div>
  );
}

/** The person is already a lead under another email or profile: tie this one to them. */
function LinkToLead({ identity }: { identity: LeadIdentity }) {
  const client = useQueryClient();
  const [text, setText] = useState('');
  const results = useLeadSearch(text);
  const link = useMutation({
    mutationFn: (leadId: string) => request('linkIdentity', { leadId, identity }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['lead'] }),
  });
  return (
    <details>
      <summary>Link to an existing lead</summary>
      <label>
        <span className="muted small">Find the lead by name, email or company</span>
        <br />
        <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <ul className="plain">
        {results.data?.map((lead) => (
          <li key={lead.id} className="row">
            <span className="grow">
              {lead.name} <span className="muted small">{lead.company}</span>
            </span>
            <button
              type="button"
              data-testid="link-lead"
              disabled={link.isPending}
              onClick={() => link.mutate(lead.id)}
            >
              Link
            </button>
          </li>
        ))}
      </ul>
      {link.isError && <p className="error small">Could not link: {link.error.message}</p>}
    </details>
  );
}
