import { useEffect, useState } from 'react';
import {
  defaultQualificationFields,
  type QualificationField,
  QualificationFields,
  type QualificationKey,
} from '@/lib/core/qualification';
import { EDITABLE_FIELDS } from '@/lib/model/schemas';
import { type IssuePath, LoadingSection, PartFormFrame, rowId, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'Qualification fields';

/** The lead fields a qualification field may read, in words. */
export const QUALIFICATION_KEY_NAMES: Record<QualificationKey, string> = {
  need: 'Need',
  budget: 'Budget',
  timeframe: 'Timeframe',
  title: 'Title',
  phone: 'Phone',
  territory: 'Territory',
  industry: 'Industry',
  companySize: 'Company size',
  productInterest: 'Product of interest',
  company: 'Company',
  name: 'Name',
};

const INPUT_NAMES: Record<QualificationField['input'], string> = {
  text: 'Text',
  amount: 'Amount',
  picklist: 'Picklist',
  number: 'Number',
};
const INPUTS = Object.keys(INPUT_NAMES) as Array<QualificationField['input']>;

interface FieldDraft {
  id: string;
  key: QualificationKey;
  label: string;
  owner: QualificationField['owner'];
  blocksSql: boolean;
  input: QualificationField['input'];
  /** Picklist options, comma-separated. */
  options: string;
}

function toDraft(fields: readonly QualificationField[]): FieldDraft[] {
  return fields.map((field) => ({
    id: rowId(),
    key: field.key,
    label: field.label,
    owner: field.owner,
    blocksSql: field.blocksSql,
    input: field.input,
    options: (field.options ?? []).join(', '),
  }));
}

function fromDraft(rows: readonly FieldDraft[]) {
  return rows.map((row) => ({
    key: row.key,
    label: row.label,
    owner: row.owner,
    blocksSql: row.blocksSql,
    input: row.input,
    options:
      row.input === 'picklist'
        ? row.options
            .split(',')
            .map((option) => option.trim())
            .filter(Boolean)
        : undefined,
  }));
}

const LEAF_NAMES: Record<string, string> = {
  key: 'lead field',
  label: 'label',
  owner: 'owner',
  blocksSql: 'blocks SQL',
  input: 'input',
  options: 'options',
};

export function qualificationLabelFor(rows: readonly FieldDraft[], path: IssuePath): string {
  const [index, leaf] = path;
  if (typeof index !== 'number') return TITLE;
  const row = rows[index];
  const name = row ? ` (${row.label.trim() || QUALIFICATION_KEY_NAMES[row.key]})` : '';
  const what = typeof leaf === 'string' ? ` ${LEAF_NAMES[leaf] ?? leaf}` : '';
  return `Field ${index + 1}${name}${what}`;
}

/** Which lead fields the card asks for, in which order, who owns them and which block SQL. */
export function QualificationFieldsForm() {
  const stored = useStoredPart('qualificationFields');
  if (!stored) return <LoadingSection title={TITLE} />;
  return <QualificationFieldsEditor initial={stored} />;
}

function QualificationFieldsEditor({ initial }: { initial: QualificationField[] }) {
  const [rows, setRows] = useState(() => toDraft(initial));
  /** After a move, keep focus on the button that was pressed (or its twin when that one is now disabled). */
  const [focus, setFocus] = useState<{ id: string; direction: 'up' | 'down' } | undefined>();
  const form = usePartForm({
    settingsKey: 'qualificationFields',
    schema: QualificationFields,
    labelFor: (path) => qualificationLabelFor(rows, path),
    defaults: () => defaultQualificationFields,
    load: (fields) => setRows(toDraft(fields)),
  });

  useEffect(() => {
    if (!focus) return;
    const pressed = document.getElementById(`${focus.id}-${focus.direction}`) as HTMLButtonElement | null;
    const other = document.getElementById(`${focus.id}-${focus.direction === 'up' ? 'down' : 'up'}`);
    (pressed && !pressed.disabled ? pressed : other)?.focus();
    setFocus(undefined);
  }, [focus]);

  const update = (id: string, patch: Partial<FieldDraft>) =>
    setRows((rs) => rs.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  /** A label still naming the old lead field follows the new one; a label the user wrote stays. */
  const changeKey = (row: FieldDraft, key: QualificationKey) => {
    const named = row.label.trim() === '' || row.label.trim() === QUALIFICATION_KEY_NAMES[row.key];
    update(row.id, named ? { key, label: QUALIFICATION_KEY_NAMES[key] } : { key });
  };
  const move = (index: number, direction: 'up' | 'down') => {
    const target = direction === 'up' ? index - 1 : index + 1;
    const row = rows[index];
    if (!row || target < 0 || target >= rows.length) return;
    setRows((rs) => {
      const next = [...rs];
      const [moved] = next.splice(index, 1);
      if (moved) next.splice(target, 0, moved);
      return next;
    });
    setFocus({ id: row.id, direction });
  };
  const unused = EDITABLE_FIELDS.filter((key) => !rows.some((r) => r.key === key));
  const add = () => {
    const key = unused[0];
    if (!key) return;
    setRows((rs) => [
      ...rs,
      {
        id: rowId(),
        key,
        label: QUALIFICATION_KEY_NAMES[key],
        owner: 'sales',
        blocksSql: false,
        input: 'text',
        options: '',
      },
    ]);
  };

  return (
    <PartFormFrame
      title={TITLE}
      intro="What the card lists as missing, in this order; fields that block SQL come first."
      form={form}
      onSubmit={() => void form.submit(fromDraft(rows))}
    >
      {rows.length === 0 && <p className="muted small">No fields: the card asks for nothing.</p>}
      <ol className="options-fields">
        {rows.map((row, index) => {
          const n = index + 1;
          const path = (leaf: string) => `${index}.${leaf}`;
          return (
            <li key={row.id}>
              <fieldset className="options-group">
                <legend>
                  Field {n}: {row.label.trim() || QUALIFICATION_KEY_NAMES[row.key]}
                </legend>
                <div className="options-grid">
                  <label>
                    Lead field<span className="sr-only"> (field {n})</span>
                    <select
                      value={row.key}
                      onChange={(e) => changeKey(row, e.target.value as QualificationKey)}
                      {...form.field(path('key'))}
                    >
                      {EDITABLE_FIELDS.map((key) => (
                        <option key={key} value={key}>
                          {QUALIFICATION_KEY_NAMES[key]}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    Label<span className="sr-only"> (field {n})</span>
                    <input
                      value={row.label}
                      onChange={(e) => update(row.id, { label: e.target.value })}
                      {...form.field(path('label'))}
                    />
                  </label>
                  <label>
                    Owner<span className="sr-only"> (field {n})</span>
                    <select
                      value={row.owner}
                      onChange={(e) => update(row.id, { owner: e.target.value as FieldDraft['owner'] })}
                      {...form.field(path('owner'))}
                    >
                      <option value="marketing">Marketing</option>
                      <option value="sales">Sales</option>
                    </select>
                  </label>
                  <label>
                    Input<span className="sr-only"> (field {n})</span>
                    <select
                      value={row.input}
                      onChange={(e) => update(row.id, { input: e.target.value as FieldDraft['input'] })}
                      {...form.field(path('input'))}
                    >
                      {INPUTS.map((input) => (
                        <option key={input} value={input}>
                          {INPUT_NAMES[input]}
                        </option>
                      ))}
                    </select>
                  </label>
                  {row.input === 'picklist' && (
                    <label>
                      Options, comma-separated<span className="sr-only"> (field {n})</span>
                      <input
                        value={row.options}
                        onChange={(e) => update(row.id, { options: e.target.value })}
                        {...form.field(path('options'))}
                      />
                    </label>
                  )}
                </div>
                <div className="row">
                  <label className="row">
                    <input
                      type="checkbox"
                      checked={row.blocksSql}
                      onChange={(e) => update(row.id, { blocksSql: e.target.checked })}
                    />
                    Blocks SQL<span className="sr-only"> (field {n})</span>
                  </label>
                  <button
                    type="button"
                    id={`${row.id}-up`}
                    disabled={index === 0}
                    onClick={() => move(index, 'up')}
                  >
                    Move up<span className="sr-only"> (field {n})</span>
                  </button>
                  <button
                    type="button"
                    id={`${row.id}-down`}
                    disabled={index === rows.length - 1}
                    onClick={() => move(index, 'down')}
                  >
                    Move down<span className="sr-only"> (field {n})</span>
                  </button>
                  <button type="button" onClick={() => setRows((rs) => rs.filter((r) => r.id !== row.id))}>
                    Remove<span className="sr-only"> (field {n})</span>
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button type="button" disabled={unused.length === 0} onClick={add}>
        Add field
      </button>
      {unused.length === 0 && <span className="muted small"> Every lead field is listed.</span>}
    </PartFormFrame>
  );
}
