import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { HUBSPOT_DEFAULT_BASE_URL } from '@/lib/crm/hubspot/api';
import { crmPermissions } from '@/lib/crm/permission';
import { request } from '@/lib/messaging/messenger';
import { CrmCacheForm } from '../options/CrmCacheForm';
import { HubSpotSetupForm } from './HubSpotSetupForm';

/**
 * Connect HubSpot with a Service Key or an existing private-app token. The API host is an
 * optional permission, asked for here (a click is the user gesture it needs), not at install.
 */
export function HubSpotConnectForm() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['crm-status'], queryFn: () => request('crmStatus', null) });
  const [token, setToken] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [baseUrl, setBaseUrl] = useState(HUBSPOT_DEFAULT_BASE_URL);
  const [problem, setProblem] = useState<string | undefined>();

  const connect = useMutation({
    mutationFn: async () => {
      // The permission prompt must come first, inside the click; a local test server needs none.
      const origin = `${new URL(baseUrl).origin}/*`;
      if (baseUrl.startsWith('https://')) {
        // Firefox also asks, in the same prompt, for the data collection the connection means.
        const granted = await browser.permissions.request(
          crmPermissions(origin, import.meta.env.FIREFOX) as Parameters<
            typeof browser.permissions.request
          >[0],
        );
        if (!granted)
          throw new Error(
            `Baton needs access to ${new URL(baseUrl).host} to read and write HubSpot records.`,
          );
      }
      return request('crmConnect', { token, baseUrl, ownerId });
    },
    onSuccess: () => {
      setToken('');
      void client.invalidateQueries({ queryKey: ['crm-status'] });
    },
  });
  const disconnect = useMutation({
    mutationFn: () => request('crmDisconnect', null),
    onSuccess: () => client.invalidateQueries({ queryKey: ['crm-status'] }),
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      new URL(baseUrl);
    } catch {
      setProblem('API address: must be a URL such as https://api.hubapi.com');
      return;
    }
    if (token.trim().length < 10) {
      setProblem('Token: paste the whole Service Key or private-app token');
      return;
    }
    connect.mutate();
  };

  const confirmDisconnect = async () => {
    const outbox = await request('outboxStatus', null).catch(() => undefined);
    const unsent = (outbox?.pending ?? 0) + (outbox?.failed ?? 0);
    const warning =
      unsent > 0
        ? `${unsent} logged action${unsent === 1 ? ' has' : 's have'} not reached HubSpot yet and will be lost. `
        : '';
    if (
      window.confirm(`${warning}Disconnect HubSpot? Baton forgets the token and the HubSpot data it cached.`)
    )
      disconnect.mutate();
  };

  return (
    <section aria-label="HubSpot">
      <h2>HubSpot</h2>
      {status.data?.connected ? (
        <div data-testid="crm-connected">
          <p>
            Connected to <strong>{status.data.baseUrl}</strong>
            {status.data.ownerId ? ` as owner ${status.data.ownerId}` : ''} since{' '}
            {new Date(status.data.connectedAt ?? 0).toLocaleString()}. Leads come from HubSpot; attempts and
            hand-backs are written there.
          </p>
          <button type="button" data-testid="crm-disconnect" onClick={() => void confirmDisconnect()}>
            Disconnect…
          </button>
          <HubSpotSetupForm />
        </div>
      ) : (
        <form onSubmit={submit} className="stack">
          <p className="muted small">
            Create a Service Key (Settings › Integrations › Service Keys) with the scopes
            crm.objects.contacts.read, crm.objects.contacts.write and crm.schemas.contacts.read (and, for a
            team that works the Leads object, crm.objects.leads.read and crm.objects.leads.write; and, to name
            who had a lead before you, crm.objects.owners.read). The token stays in this browser’s extension
            storage and is sent only to HubSpot.
          </p>
          <label>
            Service Key or private-app token
            <br />
            <input
              data-testid="crm-token"
              type="password"
              autoComplete="off"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              size={50}
            />
          </label>
          <label>
            Your HubSpot owner id (for your queue and what you log)
            <br />
            <input
              data-testid="crm-owner"
              inputMode="numeric"
              value={ownerId}
              onChange={(e) => setOwnerId(e.target.value)}
            />
          </label>
          <details>
            <summary className="small">Advanced</summary>
            <label>
              API address
              <br />
              <input
                data-testid="crm-base-url"
                value={baseUrl}
                onChange={(e) => setBaseUrl(e.target.value)}
                size={40}
              />
            </label>
          </details>
          <button type="submit" className="primary" data-testid="crm-connect" disabled={connect.isPending}>
            {connect.isPending ? 'Checking the token…' : 'Connect HubSpot'}
          </button>
        </form>
      )}
      {(problem ?? connect.error?.message ?? disconnect.error?.message) && (
        <p className="error" role="alert" data-testid="crm-error">
          {problem ?? connect.error?.message ?? disconnect.error?.message}
        </p>
      )}
      {connect.data && connect.data.missingMappedProperties.length > 0 && (
        <p className="small">
          Your portal has no properties named {connect.data.missingMappedProperties.join(', ')}: budget,
          timeframe and need are not saved to HubSpot until they exist.
        </p>
      )}
      <CrmCacheForm />
    </section>
  );
}
