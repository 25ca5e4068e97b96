import { useState } from 'react';
import type { Recommendation } from '@/lib/core';
import { safeHttpUrl } from '@/lib/format/safe-url';
import type { AssetSent } from '@/lib/model/schemas';
import { StatusIcon } from '../../shared/StatusIcon';

type Props = {
  suggestions: Recommendation[];
  /** What was already sent to this lead, newest first, with the asset's title. */
  sent: Array<{ id: string; title: string; at: string; channel: AssetSent['channel'] }>;
  /** Assets shared with this lead: inserted into a reply (sent) or link copied. */
  shared: ReadonlyMap<string, 'sent' | 'copied'>;
  /** Puts the asset into the Gmail compose of the followed tab; resolves false when there is none. */
  insert: (title: string, url: string) => Promise<{ inserted: boolean; reason?: string }>;
  onSent: (assetId: string, channel: AssetSent['channel']) => void;
  onContentRequest: (text: string) => Promise<unknown>;
};

/** Inserted is sent; a copied link and an opened asset are listed apart, never counted as sent. */
const SHARED_GROUPS: Array<{ channel: AssetSent['channel']; heading: string; testId: string }> = [
  { channel: 'gmail_insert', heading: 'Sent to this lead', testId: 'asset-sent' },
  { channel: 'copy_link', heading: 'Links copied (not known to be sent)', testId: 'asset-copied' },
  { channel: 'open', heading: 'Opened by you', testId: 'asset-opened' },
];

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function AssetSuggestions({
  suggestions,
  sent: sentList,
  shared,
  insert,
  onSent,
  onContentRequest,
}: Props) {
  const [notice, setNotice] = useState<string | undefined>();

  const insertAsset = async (title: string, url: string, assetId: string) => {
    const result = await insert(title, url).catch((error: Error) => ({
      inserted: false,
      reason: error.message,
    }));
    if (result.inserted) {
      onSent(assetId, 'gmail_insert');
      setNotice(`Inserted “${title}” into your reply.`);
      return;
    }
    const copied = await copyText(url);
    if (copied) onSent(assetId, 'copy_link');
    setNotice(
      `${result.reason ?? 'No Gmail reply is open'}: ${copied ? 'the link was copied instead (recorded as copied, not sent); paste it where you need it' : 'copy the link by hand'}.`,
    );
  };

  const copyAsset = async (title: string, url: string, assetId: string) => {
    if (await copyText(url)) {
      onSent(assetId, 'copy_link');
      setNotice(`Copied the link to “${title}”.`);
    } else setNotice('Could not copy: the browser refused clipboard access.');
  };

  return (
    <section aria-label="Suggested assets">
      <h2>Suggested assets</h2>
      {suggestions.length === 0 && <p className="muted">No asset fits this lead yet.</p>}
      <ul className="plain">
        {suggestions.map(({ asset, reasons }) => {
          const url = safeHttpUrl(asset.url);
          const how = shared.get(asset.id);
          return (
            <li key={asset.id} data-testid="asset-suggestion">
              <div className="row spread">
                <strong>{asset.title}</strong>
                {how === 'sent' && (
                  <span className="chip tone-ok">
                    <StatusIcon name="check" /> Sent
                  </span>
                )}
                {how === 'copied' && <span className="chip">Link copied</span>}
              </div>
              <p className="muted small">{reasons.join(' · ')}</p>
              {url && (
                <div className="row">
                  <button
                    type="button"
                    data-testid="asset-insert"
                    onClick={() => insertAsset(asset.title, url, asset.id)}
                  >
                    Insert into reply
                  </button>
                  <button
                    type="button"
                    data-testid="asset-copy"
                    onClick={() => copyAsset(asset.title, url, asset.id)}
                  >
                    Copy link
                  </button>
                  <a
                    href={url}
                    target="_blank"
                    rel="noopener noreferrer"
                    onClick={() => onSent(asset.id, 'open')}
                  >
                    Open
                  </a>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {SHARED_GROUPS.map(({ channel, heading, testId }) => {
        const items = sentList.filter((item) => item.channel === channel);
        if (items.length === 0) return null;
        return (
          <div key={channel}>
            <h3 className="small">{heading}</h3>
            <ul className="plain">
              {items.map((item) => (
                <li key={item.id} data-testid={testId} className="row small">
                  <span className="grow">{item.title}</span>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {notice && (
        <p className="small" role="status">
          {notice}
        </p>
      )}
      <ContentRequestForm onSubmit={onContentRequest} />
    </section>
  );
}

function ContentRequestForm({ onSubmit }: { onSubmit: (text: string) => Promise<unknown> }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ kind: 'ok' | 'error'; message: string } | undefined>();
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setState({ kind: 'error', message: 'Say what the prospect asked for.' });
      return;
    }
    try {
      await onSubmit(text.trim());
      setText('');
      setState({ kind: 'ok', message: 'Sent to marketing.' });
    } catch (error) {
      setState({ kind: 'error', message: `Not saved: ${(error as Error).message}` });
    }
  };
  return (
    <details>
      <summary>Ask marketing for content</summary>
      <form onSubmit={submit}>
        <label htmlFor="content-request">What did the prospect ask for that the library lacks?</label>
        <textarea
          id="content-request"
          data-testid="content-request"
          rows={2}
          maxLength={2000}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit">Send request</button>
      </form>
      {state && <p className={state.kind === 'error' ? 'error small' : 'muted small'}>{state.message}</p>}
    </details>
  );
}
