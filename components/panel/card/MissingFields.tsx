import { useState } from 'react';
import type { QualificationField, QualificationResult } from '@/lib/core';
import { parseFieldInput } from '@/lib/format/field-input';
import type { LeadPatch } from '@/lib/model/schemas';

type Props = {
  qualification: QualificationResult;
  totalFields: number;
  onSave: (patch: LeadPatch) => Promise<unknown>;
  /** Once a lead is SQL (or recycled, disqualified, a customer), nothing blocks SQL any more. */
  pastSql?: boolean;
};

export function MissingFields({ qualification, totalFields, onSave, pastSql = false }: Props) {
  const filled = totalFields - qualification.missing.length;
  return (
    <section aria-label="Missing qualification fields">
      <h2>Still missing</h2>
      <div className="row">
        <meter min={0} max={1} value={qualification.completeness} aria-label="Qualification completeness" />
        <span className="muted small">
          {filled} of {totalFields} known
        </span>
      </div>
      {qualification.blockers.length > 0 && !pastSql && (
        <p className="small">
          <strong>Blocks SQL:</strong> {qualification.blockers.join(', ')}
        </p>
      )}
      {qualification.missing.length === 0 ? (
        <p className="muted">Everything is known.</p>
      ) : (
        <ul className="plain" data-testid="missing-fields">
          {qualification.missing.map((field) => (
            <FieldEditor key={field.key} field={field} onSave={onSave} pastSql={pastSql} />
          ))}
        </ul>
      )}
    </section>
  );
}

function FieldEditor({
  field,
  onSave,
  pastSql,
}: {
  field: QualificationField;
  onSave: Props['onSave'];
  pastSql: boolean;
}) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const inputId = `field-${field.key}`;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = parseFieldInput(field, value);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setSaving(true);
    setError(undefined);
    // What was typed stays in the box until the save succeeds: nothing is lost on failure.
    await onSave(parsed.patch).catch((failure: Error) =>
      setError(`${field.label}: not saved (${failure.message})`),
    );
    setSaving(false);
  };

  return (
    <li data-testid={`missing-field-${field.key}`}>
      <form className="row" onSubmit={save}>
        <label htmlFor={inputId} className="field-label">
          {field.label}
          {field.blocksSql && !pastSql && <span className="muted"> · blocks SQL</span>}
        </label>
        {field.input === 'picklist' && field.options ? (
          <select id={inputId} value={value} onChange={(event) => setValue(event.target.value)}>
            <option value="">Choose…</option>
            {field.options.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        ) : (
          <input
            id={inputId}
            value={value}
            inputMode={field.input === 'number' ? 'numeric' : undefined}
            placeholder={field.input === 'amount' ? 'e.g. $50k' : ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
        )}
        <button type="submit" disabled={saving}>
          Save
        </button>
      </form>
      {error && (
        <p className="error small" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
