import { useState } from 'react';
import { defaultSettings, Settings } from '@/lib/settings/schema';
import { type IssuePath, LoadingSection, PartFormFrame, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'Your email domains';

function splitDomains(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

/** The user's own email domains: people at these domains are never taken as the lead. */
export function OwnDomainsForm() {
  const stored = useStoredPart('ownDomains');
  if (!stored) return <LoadingSection title={TITLE} />;
  return <OwnDomainsEditor initial={stored} />;
}

function OwnDomainsEditor({ initial }: { initial: string[] }) {
  const [text, setText] = useState(initial.join(', '));
  const labelFor = (path: IssuePath) => {
    const index = path[0];
    if (typeof index !== 'number') return 'Domains';
    const typed = splitDomains(text)[index];
    return `Domain ${index + 1}${typed === undefined ? '' : ` ("${typed}")`}`;
  };
  const form = usePartForm({
    settingsKey: 'ownDomains',
    schema: Settings.shape.ownDomains,
    labelFor,
    defaults: () => defaultSettings.ownDomains,
    load: (domains) => setText(domains.join(', ')),
  });
  return (
    <PartFormFrame
      title={TITLE}
      intro="People at these domains are never taken as the lead."
      form={form}
      onSubmit={() =>
        void form.submit(splitDomains(text), (domains) => {
          const unique = [...new Set(domains)];
          setText(unique.join(', '));
          return unique;
        })
      }
    >
      <label>
        Domains (comma-separated), e.g. <code>yourcompany.com</code>
        <br />
        <input value={text} onChange={(event) => setText(event.target.value)} size={40} {...form.field('')} />
      </label>
    </PartFormFrame>
  );
}
