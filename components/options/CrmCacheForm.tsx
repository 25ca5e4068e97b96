import { useState } from 'react';
import { CrmCacheDays, defaultSettings } from '@/lib/settings/schema';
import { LoadingSection, PartFormFrame, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'CRM cache';

/** How long records read from the CRM stay in this browser (for offline cards) before they are pruned. */
export function CrmCacheForm() {
  const stored = useStoredPart('crmCacheDays');
  if (stored === undefined) return <LoadingSection title={TITLE} />;
  return <CrmCacheEditor initial={stored} />;
}

function CrmCacheEditor({ initial }: { initial: number }) {
  const [days, setDays] = useState(String(initial));
  const form = usePartForm({
    settingsKey: 'crmCacheDays',
    schema: CrmCacheDays,
    labelFor: () => 'Days to keep',
    defaults: () => defaultSettings.crmCacheDays,
    load: (value: number) => setDays(String(value)),
  });
  return (
    <PartFormFrame
      title={TITLE}
      intro="With a CRM connected, Baton keeps the contacts it read (names, emails, phones) so a card opens offline. A contact not read for this many days is removed from this browser; the CRM keeps it."
      form={form}
      onSubmit={() => void form.submit(days.trim() === '' ? Number.NaN : Number(days))}
    >
      <div className="options-grid">
        <label>
          Days to keep
          <input
            type="number"
            min={1}
            max={365}
            data-testid="crm-cache-days"
            value={days}
            onChange={(e) => setDays(e.target.value)}
            {...form.field('')}
          />
        </label>
      </div>
    </PartFormFrame>
  );
}
