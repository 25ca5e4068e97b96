import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { crmPermissions } from '@/lib/crm/permission';
import { LOGIN_HOSTS, originPattern, pinnedLoginOrigin } from '@/lib/crm/salesforce/origins';
import { request } from '@/lib/messaging/messenger';
import { SalesforceSetupForm } from './SalesforceSetupForm';

const MY_DOMAIN = 'my-domain';
const HOST_CHOICES = [
  { value: LOGIN_HOSTS[0], label: 'Production (login.salesforce.com)' },
  { value: LOGIN_HOSTS[1], label: 'Sandbox (test.salesforce.com)' },
  { value: MY_DOMAIN, label: 'My Domain' },
] as const;

/** The extension's redirect URL, the app's callback; empty where the browser has no identity API. */
function redirectUrl(): string {
  try {
    return browser.identity.getRedirectURL();
  } catch {
    return '';
  }
}

/** A test server on loopback needs no host permission (test builds only; the background pins it too). */
const isTestLoopback = (loginUrl: string) =>
  import.meta.env.WXT_BATON_TEST_BUILD === 'true' && /^http:\/\/127\.0\.0\.1(?::\d+)?$/.test(loginUrl);

/** Asked for inside the click: the browser shows its prompt only for a user gesture. */
const permissionFor = (loginUrl: string): Promise<boolean> =>
  isTestLoopback(loginUrl)
    ? Promise.resolve(true)
    : browser.permissions.request(
        crmPermissions(salesforceConnectOrigins(loginUrl), import.meta.env.FIREFOX) as Parameters<
          typeof browser.permissions.request
        >[0],
      );

/** The host permissions connecting asks for: the login host and the org's My Domain. */
export const salesforceConnectOrigins = (loginUrl: string) => [
  originPattern(loginUrl),
  'https://*.my.salesforce.com/*',
];

/**
 * Connect Salesforce through the org's External Client App (OAuth with PKCE; no secret): the
 * admin pastes the redirect URL shown here as the app's callback URL, the rep picks the login host
 * and pastes the consumer key. The host permissions are asked for in the click (the user gesture
 * they need); the sign-in window and the token exchange run in the background.
 */
export function SalesforceConnectForm() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['sf-status'], queryFn: () => request('salesforceStatus', null) });
  const [host, setHost] = useState<string>(LOGIN_HOSTS[0]);
  const [myDomain, setMyDomain] = useState('');
  const [consumerKey, setConsumerKey] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const [redirect] = useState(redirectUrl);

  const connect = useMutation({
    mutationFn: async ({
      loginUrl,
      key,
      permission,
    }: {
      loginUrl: string;
      key: string;
      permission: Promise<boolean>;
    }) => {
      if (!(await permission))
        throw new Error(
          `Baton needs access to ${new URL(loginUrl).host} and your org's My Domain to sign in and read Salesforce records.`,
        );
      return request('salesforceConnect', { loginUrl, consumerKey: key });
    },
    onSuccess: () => {
      setConsumerKey('');
      void client.invalidateQueries({ queryKey: ['sf-status'] });
    },
  });
  const disconnect = useMutation({
    mutationFn: () => request('salesforceDisconnect', null),
    onSuccess: () => {
      connect.reset();
      void client.invalidateQueries({ queryKey: ['sf-status'] });
    },
  });

  const onConnect = () => {
    setProblem(undefined);
    connect.reset();
    let loginUrl: string;
    try {
      loginUrl = pinnedLoginOrigin(host === MY_DOMAIN ? myDomain : host);
    } catch (error) {
      setProblem((error as Error).message);
      return;
    }
    if (consumerKey.trim().length < 20) {
      setProblem("Consumer key: paste the External Client App's whole consumer key");
      return;
    }
    connect.mutate({ loginUrl, key: consumerKey, permission: permissionFor(loginUrl) });
  };

  /** A session Salesforce no longer accepts (the sync line says "reconnect"): sign in again, keeping the queued work. */
  const onReconnect = () => {
    const loginUrl = status.data?.loginUrl;
    const key = status.data?.consumerKey;
    if (!loginUrl || !key) return;
    setProblem(undefined);
    connect.mutate({ loginUrl, key, permission: permissionFor(loginUrl) });
  };

  const confirmDisconnect = async () => {
    const outbox = await request('outboxStatus', null).catch(() => undefined);
    const unsent = (outbox?.pending ?? 0) + (outbox?.failed ?? 0);
    const warning =
      unsent > 0
        ? `${unsent} logged action${unsent === 1 ? ' has' : 's have'} not reached Salesforce yet and will be lost. `
        : '';
    if (
      window.confirm(
        `${warning}Disconnect Salesforce? Baton revokes its session and forgets the Salesforce data it cached.`,
      )
    )
      disconnect.mutate();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(redirect);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const error = problem ?? connect.error?.message ?? disconnect.error?.message;
  const connected = status.data?.connected === true;

  return (
    <section aria-label="Salesforce">
      <h2>Salesforce</h2>
      <p data-testid="sf-status" className="small">
        {connected ? (
          <>
            Connected to <strong>{status.data?.instanceUrl}</strong> as user {status.data?.userId} since{' '}
            {new Date(status.data?.connectedAt ?? 0).toLocaleString()}. Leads come from Salesforce; attempts
            and hand-backs are written there.
          </>
        ) : (
          'Not connected.'
        )}
      </p>
      {connected ? (
        <div data-testid="sf-connected">
          <button
            type="button"
            data-testid="sf-reconnect"
            onClick={onReconnect}
            disabled={connect.isPending}
            title="Sign in to Salesforce again: what is waiting to be sent is kept"
          >
            {connect.isPending ? 'Signing in…' : 'Reconnect'}
          </button>{' '}
          <button type="button" data-testid="sf-disconnect" onClick={() => void confirmDisconnect()}>
            Disconnect…
          </button>
          <SalesforceSetupForm />
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            onConnect();
          }}
        >
          <p className="muted small">
            Your Salesforce admin creates an External Client App with OAuth on, PKCE required, the scopes
            “Manage user data via APIs (api)” and “Perform requests at any time (refresh_token)”, and the
            redirect URL below as its callback URL, then installs it for your profile. The tokens stay in this
            browser’s extension storage and are sent only to your org.
          </p>
          <label>
            Login host
            <br />
            <select data-testid="sf-login-host" value={host} onChange={(e) => setHost(e.target.value)}>
              {HOST_CHOICES.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          {host === MY_DOMAIN && (
            <label>
              Your org’s My Domain
              <br />
              <input
                data-testid="sf-my-domain"
                value={myDomain}
                placeholder="https://<name>.my.salesforce.com"
                onChange={(e) => setMyDomain(e.target.value)}
                size={45}
              />
            </label>
          )}
          <label>
            Consumer key of the External Client App
            <br />
            <input
              data-testid="sf-consumer-key"
              autoComplete="off"
              value={consumerKey}
              onChange={(e) => setConsumerKey(e.target.value)}
              size={50}
            />
          </label>
          <label>
            Redirect URL (the app’s callback URL)
            <br />
            <input data-testid="sf-redirect-url" readOnly value={redirect} size={50} />{' '}
            <button
              type="button"
              data-testid="sf-copy-redirect"
              onClick={() => void copy()}
              disabled={!redirect}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </label>
          <button type="submit" className="primary" data-testid="sf-connect" disabled={connect.isPending}>
            {connect.isPending ? 'Signing in to Salesforce…' : 'Connect Salesforce'}
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert" data-testid="sf-error">
          {error}
        </p>
      )}
      {connect.data && connect.data.missingFields.length > 0 && (
        <p className="small" data-testid="sf-missing-fields">
          Your org has no fields named {connect.data.missingFields.join(', ')}: pick other fields in the setup
          below, or ask your admin to create them.
        </p>
      )}
      {disconnect.data && !disconnect.data.revoked && (
        <p className="small" role="status" data-testid="sf-revoke-failed">
          Disconnected, but Salesforce could not be told to revoke Baton’s session: your admin can revoke it
          under Setup › Connected Apps OAuth Usage.
        </p>
      )}
    </section>
  );
}
