import { useEffect, useState } from 'react';
import { describeZodError } from '@/lib/model/schemas';
import { readSettings, settingsItem } from '@/lib/settings/item';
import { Settings } from '@/lib/settings/schema';

/** The user's own email domains: people at these domains are never taken as the lead. */
export function OwnDomainsForm() {
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();

  useEffect(() => {
    void readSettings().then((settings) => setText(settings.ownDomains.join(', ')));
  }, []);

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const ownDomains = text.split(/[\s,]+/).filter(Boolean);
    const parsed = Settings.safeParse({ ...(await readSettings()), ownDomains });
    if (!parsed.success) {
      setMessage({ kind: 'error', text: `Own domains: ${describeZodError(parsed.error)}` });
      return;
    }
    await settingsItem.setValue(parsed.data);
    setMessage({ kind: 'ok', text: 'Saved.' });
  };

  return (
    <section aria-label="Your email domains">
      <h2>Your email domains</h2>
      <form onSubmit={save}>
        <label>
          Domains (comma-separated), e.g. <code>yourcompany.com</code>
          <br />
          <input value={text} onChange={(event) => setText(event.target.value)} size={40} />
        </label>{' '}
        <button type="submit" data-testid="options-save">
          Save
        </button>
      </form>
      {message && (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          data-testid={message.kind === 'error' ? 'options-error' : undefined}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
