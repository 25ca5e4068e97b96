import { useState } from 'react';
import type { Recommendation } from '@/lib/core';
import { safeHttpUrl } from '@/lib/format/safe-url';
import type { AssetSent } from '@/lib/model/schemas';

type Props = {
  suggestions: Recommendation[];
  /** What was already sent to this lead, newest first, with the asset's title. */
  sent: Array<{ id: string; title: string; at: string; channel: AssetSent['channel'] }>;
  sentAssetIds: ReadonlySet<string>;
  /** Puts the asset into the Gmail compose of the followed tab; resolves false when there is none. */
  insert: (title: string, url: string) => Promise<{ inserted: boolean; reason?: string }>;
  onSent: (assetId: string, channel: AssetSent['channel']) => void;
  onContentRequest: (text: string) => Promise<unknown>;
};

const SENT_HOW: Record<AssetSent['channel'], string> = {
  gmail_insert: 'inserted in Gmail',
  copy_link: 'link copied',
  open: 'opened',
};

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
  sentAssetIds,
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
      `${result.reason ?? 'No Gmail reply is open'}: ${copied ? 'the link was copied instead; paste it where you need it' : 'copy the link by hand'}.`,
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
          const sent = sentAssetIds.has(asset.id);
          return (
            <li key={asset.id} data-testid="asset-suggestion">
              <div className="row spread">
                <strong>{asset.title}</strong>
                {sent && <span className="chip tone-ok">✓ Sent</span>}
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
      {sentList.length > 0 && (
        <>
          <h3 className="small">Sent to this lead</h3>
          <ul className="plain">
            {sentList.map((item) => (
              <li key={item.id} data-testid="asset-sent" className="row small">
                <span className="grow">✓ {item.title}</span>
                <span className="muted">{SENT_HOW[item.channel]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
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
