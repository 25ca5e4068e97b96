import { useState } from 'react';
import type { Lead } from '@/lib/model/schemas';
import { LeadCard } from './LeadCard';
import { useLeadSearch } from './queries';

/** Nothing recognisable on screen: say so and offer a search. */
export function NoLead({ tabId }: { tabId: number | undefined }) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Lead | undefined>();
  const results = useLeadSearch(text);
  if (chosen) {
    return (
      <>
        <button type="button" onClick={() => setChosen(undefined)}>
          ← Back to search
        </button>
        <LeadCard lead={chosen} tabId={tabId} />
      </>
    );
  }
  return (
    <div data-testid="no-lead">
      <h1>No lead detected</h1>
      <p className="muted">Open a Gmail thread, or search your leads by name, email or company.</p>
      <label>
        <span className="muted">Search leads</span>
        <br />
        <input
          data-testid="lead-search"
          type="search"
          value={text}
          placeholder="Name, email or company"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {results.isError && <p className="error">Search failed: {results.error.message}</p>}
      {results.data && results.data.length === 0 && <p className="muted">No leads match “{text}”.</p>}
      <ul className="plain">
        {results.data?.map((lead) => (
          <li key={lead.id}>
            <button type="button" onClick={() => setChosen(lead)}>
              {lead.name}
            </button>{' '}
            <span className="muted">{[lead.company, lead.emails[0]].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
