import { useState } from 'react';
import { defaultSettings, QueueOwner } from '@/lib/settings/schema';
import { LoadingSection, PartFormFrame, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'Queue owner';

/** Whose leads the queue shows: the owner value on leads (an email); empty shows every open lead. */
export function QueueOwnerForm() {
  const stored = useStoredPart('owner');
  if (stored === undefined) return <LoadingSection title={TITLE} />;
  return <QueueOwnerEditor initial={stored} />;
}

function QueueOwnerEditor({ initial }: { initial: string }) {
  const [owner, setOwner] = useState(initial);
  const form = usePartForm({
    settingsKey: 'owner',
    schema: QueueOwner,
    labelFor: () => 'Queue owner email',
    defaults: () => defaultSettings.owner,
    load: setOwner,
  });
  return (
    <PartFormFrame
      title={TITLE}
      intro="The queue lists the open leads owned by this email; leave it empty to list every open lead."
      form={form}
      onSubmit={() => void form.submit(owner)}
    >
      <div className="options-grid">
        <label>
          Queue owner email (optional)
          <input
            type="email"
            autoComplete="email"
            placeholder="you@yourcompany.com"
            value={owner}
            onChange={(e) => setOwner(e.target.value)}
            {...form.field('')}
          />
        </label>
      </div>
    </PartFormFrame>
  );
}
