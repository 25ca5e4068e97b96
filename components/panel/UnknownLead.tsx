import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/messaging/messenger';
import type { LeadIdentity } from '@/lib/model/schemas';

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
    </div>
  );
}
