// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LeadCard } from '@/components/panel/LeadCard';
import { keys } from '@/components/panel/queries';
import type { LeadContext } from '@/lib/lead-source/lead-source';
import type { Lead } from '@/lib/model/schemas';
import { defaultSettings } from '@/lib/settings/schema';

const sent = vi.hoisted(() => [] as Array<{ type: string; data: unknown }>);
vi.mock('@/lib/messaging/messenger', () => ({
  request: async (type: string, data: unknown) => {
    sent.push({ type, data });
    return null;
  },
  messenger: { sendMessage: async () => null, onMessage: () => () => {} },
}));
vi.mock('@/lib/messaging/transport', () => ({
  messenger: { sendMessage: async () => null, onMessage: () => () => {} },
}));

const NOW = Date.parse('2026-11-24T10:00:00Z');
const lead = (id: string, name: string, extra: Partial<Lead> = {}): Lead => ({
  id,
  name,
  emails: [`${id}@northwind.example`],
  stage: 'mql',
  mqlAt: '2026-11-24T09:00:00.000Z',
  crm: [],
  sample: false,
  updatedAt: '2026-11-24T09:00:00.000Z',
  ...extra,
});
const dana = lead('dana', 'Dana Whitfield');
const priya = lead('priya', 'Priya Raman', { phone: '+1 (555) 010-2030 ext. 7' });

function setup(leads: Lead[] = [dana, priya]) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  for (const one of leads) {
    const context: LeadContext = {
      lead: one,
      touches: [],
      attempts: [],
      dispositions: [],
      assetsSent: [],
      contentRequests: [],
    };
    client.setQueryData(keys.context(one.id), context);
  }
  client.setQueryData(keys.assets, []);
  client.setQueryData(['settings'], defaultSettings);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  return { client, wrapper };
}

const attemptsOf = (client: QueryClient, id: string) =>
  client.getQueryData<LeadContext>(keys.context(id))?.attempts ?? [];
const press = (key: string) => fireEvent.keyDown(document.body, { key });
/** Lets the mutations reach the (mocked) background. */
const settle = () => act(async () => {});

beforeEach(() => {
  sent.length = 0;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: NOW });
});
afterEach(() => {
  cleanup();
  // Every pending undo lapses, so no test sees another's.
  vi.advanceTimersByTime(60_000);
  vi.useRealTimers();
});

describe('LeadCard: every pending action belongs to its lead', () => {
  test('an email logged for Dana is undone only on Dana’s card, which names her', async () => {
    const { client, wrapper } = setup();
    const view = render(<LeadCard lead={dana} tabId={1} />, { wrapper });
    fireEvent.click(screen.getByTestId('log-attempt-email'));
    expect(screen.getByTestId('undo-bar').textContent).toContain('Email to Dana Whitfield logged.');
    const danaAttempt = attemptsOf(client, 'dana')[0];
    expect(danaAttempt?.channel).toBe('email');

    // The rep moves to Priya: no undo bar, and neither the key nor anything else removes Dana's email.
    view.rerender(<LeadCard lead={priya} tabId={1} />);
    expect(screen.getByTestId('lead-name').textContent).toBe('Priya Raman');
    expect(screen.queryByTestId('undo-bar')).toBeNull();
    press('z');
    await settle();
    expect(sent.filter((message) => message.type === 'removeAttempt')).toEqual([]);
    expect(attemptsOf(client, 'dana')).toHaveLength(1);

    // Back on Dana within the window: her undo is still there, and takes back her email.
    view.rerender(<LeadCard lead={dana} tabId={1} />);
    fireEvent.click(screen.getByTestId('undo'));
    await settle();
    expect(sent.filter((message) => message.type === 'removeAttempt')).toEqual([
      { type: 'removeAttempt', data: { attemptId: danaAttempt?.id } },
    ]);
    expect(attemptsOf(client, 'dana')).toHaveLength(0);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });

  test('“accepted as SQL” names the lead and is undone only for that lead', async () => {
    const filled = { ...dana, need: 'Faster onboarding', budget: '$80k', timeframe: 'Next quarter' };
    const { wrapper } = setup([filled, priya]);
    const view = render(<LeadCard lead={filled} tabId={1} />, { wrapper });
    fireEvent.click(screen.getByTestId('accept-sql'));
    expect(screen.getByTestId('undo-bar').textContent).toContain('Dana Whitfield accepted as SQL.');
    view.rerender(<LeadCard lead={priya} tabId={1} />);
    expect(screen.queryByTestId('undo-bar')).toBeNull();
    press('z');
    await settle();
    expect(sent.filter((message) => message.type === 'setDisposition')).toHaveLength(1);
    expect(sent.filter((message) => message.type === 'undoDisposition')).toEqual([]);
  });

  test('the undo goes after five seconds', () => {
    const { wrapper } = setup();
    render(<LeadCard lead={dana} tabId={1} />, { wrapper });
    fireEvent.click(screen.getByTestId('log-attempt-call'));
    expect(screen.getByTestId('undo-bar').textContent).toContain('Call with Dana Whitfield logged.');
    act(() => vi.advanceTimersByTime(5_001));
    expect(screen.queryByTestId('undo-bar')).toBeNull();
  });
});

describe('LeadCard: a new attempt starts clean', () => {
  test('after a call with a note and an outcome, `v` shows empty chips and an empty note', () => {
    const { wrapper } = setup();
    render(<LeadCard lead={dana} tabId={1} />, { wrapper });
    fireEvent.click(screen.getByTestId('log-attempt-call'));
    fireEvent.click(screen.getByTestId('outcome-connected'));
    fireEvent.change(screen.getByTestId('attempt-note'), { target: { value: 'Talked budget' } });
    press('v');
    const amend = screen.getByTestId('attempt-amend');
    expect(amend.textContent).toContain('Voicemail logged');
    expect((screen.getByTestId('attempt-note') as HTMLInputElement).value).toBe('');
    const checked = within(amend)
      .getAllByRole('radio')
      .filter((chip) => chip.getAttribute('aria-checked') === 'true');
    expect(checked).toEqual([]);
  });

  test('switching leads drops the half-typed note of the previous one', () => {
    const { wrapper } = setup();
    const view = render(<LeadCard lead={dana} tabId={1} />, { wrapper });
    fireEvent.click(screen.getByTestId('log-attempt-call'));
    fireEvent.change(screen.getByTestId('attempt-note'), { target: { value: 'For Dana' } });
    view.rerender(<LeadCard lead={priya} tabId={1} />);
    expect(screen.queryByTestId('attempt-note')).toBeNull();
  });
});

describe('LeadCard: switching leads starts at the top', () => {
  test('a new lead scrolls the panel to the top; a refresh of the same lead does not', () => {
    const { wrapper } = setup();
    const scrollTo = vi.spyOn(window, 'scrollTo').mockImplementation(() => {});
    const view = render(<LeadCard lead={dana} tabId={1} />, { wrapper });
    scrollTo.mockClear();
    view.rerender(<LeadCard lead={{ ...dana, title: 'VP Operations' }} tabId={1} />);
    expect(scrollTo).not.toHaveBeenCalled();
    view.rerender(<LeadCard lead={priya} tabId={1} />);
    expect(scrollTo).toHaveBeenCalledWith({ top: 0 });
  });
});

describe('LeadCard: the phone is on the card', () => {
  test('phone and email are tel:/mailto: links; clicking the number logs a call', () => {
    const { client, wrapper } = setup();
    render(<LeadCard lead={priya} tabId={1} />, { wrapper });
    const phone = screen.getByTestId('lead-phone');
    expect(phone.textContent).toBe('+1 (555) 010-2030 ext. 7');
    expect(phone.getAttribute('href')).toBe('tel:+15550102030');
    expect(screen.getByTestId('lead-email').getAttribute('href')).toBe('mailto:priya@northwind.example');
    fireEvent.click(phone);
    expect(attemptsOf(client, 'priya').map((attempt) => attempt.channel)).toEqual(['call']);
    expect(screen.getByTestId('undo-bar').textContent).toContain('Call with Priya Raman logged.');
  });

  test('a value that is not a phone number is text, never a link', () => {
    const odd = { ...priya, phone: 'javascript:alert(1)' };
    const { wrapper } = setup([odd]);
    render(<LeadCard lead={odd} tabId={1} />, { wrapper });
    expect(screen.getByTestId('lead-phone').tagName).toBe('SPAN');
  });
});

describe('LeadCard: shortcut help', () => {
  test('says what each key logs in words, and Escape closes it', () => {
    const { wrapper } = setup();
    render(<LeadCard lead={dana} tabId={1} />, { wrapper });
    press('?');
    const help = screen.getByTestId('shortcut-help');
    expect(help.textContent).toContain('log a LinkedIn message');
    expect(help.textContent).not.toContain('log linkedin');
    press('Escape');
    expect(screen.queryByTestId('shortcut-help')).toBeNull();
  });
});
