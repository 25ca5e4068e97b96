// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CrmSection } from '@/components/crm/CrmSection';
import { SalesforceConnectForm } from '@/components/crm/SalesforceConnectForm';

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const KEY = '3MVG9fakeConsumerKey0123456789';

/** What the background answers, per message; each call is kept in order, with what happened before it. */
const backend = vi.hoisted(() => ({
  answers: {} as Record<string, (data: unknown) => unknown>,
  sent: [] as Array<{ type: string; data: unknown }>,
  log: [] as string[],
}));
vi.mock('@/lib/messaging/messenger', () => ({
  request: async (type: string, data: unknown) => {
    backend.sent.push({ type, data });
    backend.log.push(`request:${type}`);
    const answer = backend.answers[type];
    if (!answer) throw new Error(`no answer for ${type}`);
    return answer(data);
  },
}));

let permissionRequest: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  backend.sent.length = 0;
  backend.log.length = 0;
  backend.answers = {
    crmStatus: () => ({ connected: false }),
    salesforceStatus: () => ({ connected: false }),
    outboxStatus: () => ({ pending: 0, failed: 0, failedEntries: [] }),
  };
  fakeBrowser.identity.getRedirectURL = () => REDIRECT;
  permissionRequest = vi.fn(async () => {
    backend.log.push('permissions.request');
    return true;
  });
  fakeBrowser.permissions.request = permissionRequest as typeof fakeBrowser.permissions.request;
});
afterEach(cleanup);

function wrapper() {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

const connectRequests = () => backend.sent.filter((m) => m.type === 'salesforceConnect');

describe('SalesforceConnectForm', () => {
  test('shows the redirect URL to paste as the callback', async () => {
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    const redirect = (await screen.findByTestId('sf-redirect-url')) as HTMLInputElement;
    expect(redirect.value).toBe(REDIRECT);
    expect(redirect.readOnly).toBe(true);
  });

  test('asks for the login host and My Domain first, then connects, and names the missing fields', async () => {
    backend.answers.salesforceConnect = () => ({
      instanceUrl: 'https://acme.my.salesforce.com',
      userId: '005xx000001SwiUAAS',
      missingFields: ['Lead.Territory__c'],
    });
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    fireEvent.change(await screen.findByTestId('sf-login-host'), {
      target: { value: 'https://test.salesforce.com' },
    });
    fireEvent.change(screen.getByTestId('sf-consumer-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('sf-connect'));
    await waitFor(() => expect(connectRequests()).toHaveLength(1));
    expect(permissionRequest).toHaveBeenCalledWith({
      origins: ['https://test.salesforce.com/*', 'https://*.my.salesforce.com/*'],
    });
    expect(backend.log.indexOf('permissions.request')).toBeLessThan(
      backend.log.indexOf('request:salesforceConnect'),
    );
    expect(connectRequests()[0]?.data).toEqual({ loginUrl: 'https://test.salesforce.com', consumerKey: KEY });
    expect((await screen.findByTestId('sf-missing-fields')).textContent).toContain('Lead.Territory__c');
  });

  test('a My Domain login host asks for that host', async () => {
    backend.answers.salesforceConnect = () => ({
      instanceUrl: 'https://acme.my.salesforce.com',
      userId: 'u',
      missingFields: [],
    });
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    fireEvent.change(await screen.findByTestId('sf-login-host'), { target: { value: 'my-domain' } });
    fireEvent.change(screen.getByTestId('sf-my-domain'), {
      target: { value: 'https://acme.my.salesforce.com' },
    });
    fireEvent.change(screen.getByTestId('sf-consumer-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('sf-connect'));
    await waitFor(() => expect(connectRequests()).toHaveLength(1));
    expect(permissionRequest).toHaveBeenCalledWith({
      origins: ['https://acme.my.salesforce.com/*', 'https://*.my.salesforce.com/*'],
    });
  });

  test('a host that is not Salesforce’s is refused in the form: no prompt, no message', async () => {
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    fireEvent.change(await screen.findByTestId('sf-login-host'), { target: { value: 'my-domain' } });
    fireEvent.change(screen.getByTestId('sf-my-domain'), {
      target: { value: 'https://acme.salesforce.evil.example' },
    });
    fireEvent.change(screen.getByTestId('sf-consumer-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('sf-connect'));
    expect((await screen.findByTestId('sf-error')).textContent).toMatch(/login host must be/);
    expect(permissionRequest).not.toHaveBeenCalled();
    expect(connectRequests()).toHaveLength(0);
  });

  test('a refused permission stops before the sign-in', async () => {
    permissionRequest.mockResolvedValueOnce(false);
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    fireEvent.change(await screen.findByTestId('sf-consumer-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('sf-connect'));
    expect((await screen.findByTestId('sf-error')).textContent).toMatch(
      /needs access to login\.salesforce\.com/,
    );
    expect(connectRequests()).toHaveLength(0);
  });

  test('the background’s error is shown as text, never as HTML', async () => {
    backend.answers.salesforceConnect = () => {
      throw new Error('Salesforce: <b>blocked</b> by admin');
    };
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    fireEvent.change(await screen.findByTestId('sf-consumer-key'), { target: { value: KEY } });
    fireEvent.click(screen.getByTestId('sf-connect'));
    const error = await screen.findByTestId('sf-error');
    expect(error.textContent).toBe('Salesforce: <b>blocked</b> by admin');
    expect(error.querySelector('b')).toBeNull();
  });

  test('connected: the status, and Disconnect sends salesforceDisconnect after the confirm', async () => {
    backend.answers.salesforceStatus = () => ({
      connected: true,
      system: 'salesforce',
      instanceUrl: 'https://acme.my.salesforce.com',
      userId: '005xx000001SwiUAAS',
      connectedAt: '2026-11-24T15:00:00.000Z',
    });
    backend.answers.salesforceSetupChoices = () => new Promise(() => {});
    backend.answers.salesforceDisconnect = () => ({ purged: 4, revoked: false });
    window.confirm = vi.fn(() => true);
    render(<SalesforceConnectForm />, { wrapper: wrapper() });
    await waitFor(() =>
      expect(screen.getByTestId('sf-status').textContent).toContain('https://acme.my.salesforce.com'),
    );
    fireEvent.click(screen.getByTestId('sf-disconnect'));
    await waitFor(() => expect(backend.sent.some((m) => m.type === 'salesforceDisconnect')).toBe(true));
    expect((await screen.findByTestId('sf-revoke-failed')).textContent).toMatch(
      /could not be told to revoke/,
    );
  });
});

describe('CrmSection: where leads come from', () => {
  test('starts on this browser when nothing is connected; picking Salesforce shows its form', async () => {
    render(<CrmSection />, { wrapper: wrapper() });
    await waitFor(() =>
      expect((screen.getByTestId('crm-source-local') as HTMLInputElement).checked).toBe(true),
    );
    expect(screen.queryByTestId('sf-connect')).toBeNull();
    expect(screen.queryByTestId('crm-connect')).toBeNull();
    fireEvent.click(screen.getByTestId('crm-source-salesforce'));
    expect(await screen.findByTestId('sf-connect')).toBeTruthy();
    fireEvent.click(screen.getByTestId('crm-source-hubspot'));
    expect(await screen.findByTestId('crm-connect')).toBeTruthy();
    expect(screen.queryByTestId('sf-connect')).toBeNull();
  });

  test('starts on the connected CRM; picking the other says to disconnect first', async () => {
    backend.answers.crmStatus = () => ({
      connected: true,
      system: 'hubspot',
      baseUrl: 'https://api.hubapi.com',
    });
    backend.answers.crmSetupChoices = () => new Promise(() => {});
    render(<CrmSection />, { wrapper: wrapper() });
    await waitFor(() =>
      expect((screen.getByTestId('crm-source-hubspot') as HTMLInputElement).checked).toBe(true),
    );
    expect(screen.getByTestId('crm-source-hubspot').parentElement?.textContent).toContain('(connected)');
    expect(await screen.findByTestId('crm-connected')).toBeTruthy();
    fireEvent.click(screen.getByTestId('crm-source-salesforce'));
    expect((await screen.findByTestId('crm-source-blocked')).textContent).toBe(
      'Baton works with one CRM at a time: disconnect HubSpot first.',
    );
    expect(screen.queryByTestId('sf-connect')).toBeNull();
  });
});
