// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { QualificationFieldsForm } from '@/components/options/QualificationFieldsForm';
import { defaultQualificationFields, type QualificationField } from '@/lib/core/qualification';
import { click, renderSection, saveFails, saveOk, seed, seededSettings, stored, type } from './helpers';

const TITLE = 'Qualification fields';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const three: QualificationField[] = [
  { key: 'need', label: 'Need', owner: 'sales', blocksSql: true, input: 'text' },
  { key: 'budget', label: 'Budget', owner: 'sales', blocksSql: true, input: 'amount' },
  { key: 'title', label: 'Title', owner: 'marketing', blocksSql: false, input: 'text' },
];

async function seedThree() {
  return seed({ ...seededSettings(), qualificationFields: three });
}

const legends = (section: HTMLElement) =>
  [...section.querySelectorAll('fieldset legend')].map((legend) => legend.textContent);
const savedFields = async () =>
  ((await stored()) as { qualificationFields: QualificationField[] }).qualificationFields;

describe('Qualification fields form', () => {
  test('lists the stored fields in order with their settings', async () => {
    await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    expect(legends(section)).toEqual(['Field 1: Need', 'Field 2: Budget', 'Field 3: Title']);
    expect((within(section).getByLabelText('Lead field (field 2)') as HTMLSelectElement).value).toBe(
      'budget',
    );
    expect((within(section).getByLabelText('Owner (field 3)') as HTMLSelectElement).value).toBe('marketing');
    expect((within(section).getByLabelText('Blocks SQL (field 1)') as HTMLInputElement).checked).toBe(true);
    expect((within(section).getByLabelText('Input (field 2)') as HTMLSelectElement).value).toBe('amount');
    expect(within(section).getByRole('button', { name: 'Move up (field 1)' }).hasAttribute('disabled')).toBe(
      true,
    );
    expect(
      within(section).getByRole('button', { name: 'Move down (field 3)' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  test('reorders, edits, removes and adds fields, and saves them in that order', async () => {
    const before = await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    click(section, 'Move up (field 3)'); // Need, Title, Budget
    click(section, 'Move down (field 1)'); // Title, Need, Budget
    expect(legends(section)).toEqual(['Field 1: Title', 'Field 2: Need', 'Field 3: Budget']);
    type(section, 'Label (field 1)', 'Job title');
    fireEvent.change(within(section).getByLabelText('Owner (field 1)'), { target: { value: 'sales' } });
    fireEvent.click(within(section).getByLabelText('Blocks SQL (field 1)'));
    click(section, 'Remove (field 3)');
    click(section, 'Add field'); // the first lead field not listed any more: budget
    expect((within(section).getByLabelText('Lead field (field 3)') as HTMLSelectElement).value).toBe(
      'budget',
    );
    fireEvent.change(within(section).getByLabelText('Lead field (field 3)'), {
      target: { value: 'timeframe' },
    });
    // The label named the old field, so it follows the new one.
    expect((within(section).getByLabelText('Label (field 3)') as HTMLInputElement).value).toBe('Timeframe');
    fireEvent.change(within(section).getByLabelText('Input (field 3)'), { target: { value: 'picklist' } });
    type(section, 'Options, comma-separated (field 3)', 'This quarter, Next quarter, ,Later');
    await saveOk(section);
    expect(await stored()).toEqual({
      ...before,
      qualificationFields: [
        { key: 'title', label: 'Job title', owner: 'sales', blocksSql: true, input: 'text' },
        { key: 'need', label: 'Need', owner: 'sales', blocksSql: true, input: 'text' },
        {
          key: 'timeframe',
          label: 'Timeframe',
          owner: 'sales',
          blocksSql: false,
          input: 'picklist',
          options: ['This quarter', 'Next quarter', 'Later'],
        },
      ],
    });
  });

  test('a moved field keeps keyboard focus on its move button', async () => {
    await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    const down = within(section).getByRole('button', { name: 'Move down (field 1)' });
    down.focus();
    fireEvent.click(down);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Move down (field 2)'));
    // At the bottom "Move down" is disabled: focus moves to its twin.
    fireEvent.click(within(section).getByRole('button', { name: 'Move down (field 2)' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Move up (field 3)'));
    expect(legends(section)).toEqual(['Field 1: Budget', 'Field 2: Title', 'Field 3: Need']);
  });

  test('a lead field listed twice is refused with the field named', async () => {
    const before = await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    type(section, 'Label (field 2)', 'Pain');
    fireEvent.change(within(section).getByLabelText('Lead field (field 2)'), { target: { value: 'need' } });
    // A label the user wrote stays when the lead field changes.
    expect((within(section).getByLabelText('Label (field 2)') as HTMLInputElement).value).toBe('Pain');
    expect(await saveFails(section)).toContain('Field 2 (Pain) lead field: the field "need" is listed twice');
    expect(within(section).getByLabelText('Lead field (field 2)').getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toEqual(before);
  });

  test('an empty label and a picklist without options are refused', async () => {
    const before = await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    type(section, 'Label (field 1)', '   ');
    fireEvent.change(within(section).getByLabelText('Input (field 3)'), { target: { value: 'picklist' } });
    const text = await saveFails(section);
    expect(text).toContain('Field 1 (Need) label: must not be empty');
    expect(text).toContain('Field 3 (Title) options: a picklist needs at least one option');
    expect(await stored()).toEqual(before);
  });

  test('Add field is disabled once every lead field is listed', async () => {
    await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    for (let i = 0; i < 8; i++) click(section, 'Add field');
    expect(legends(section)).toHaveLength(11);
    expect(within(section).getByRole('button', { name: 'Add field' }).hasAttribute('disabled')).toBe(true);
    await saveOk(section);
    expect(new Set((await savedFields()).map((f) => f.key)).size).toBe(11);
  });

  test('Reset to defaults restores and saves the default fields', async () => {
    const before = await seedThree();
    const section = await renderSection(<QualificationFieldsForm />, TITLE);
    fireEvent.click(within(section).getByRole('button', { name: /^Reset to defaults/ }));
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe('Reset to defaults. Saved.'),
    );
    expect(await stored()).toEqual({ ...before, qualificationFields: defaultQualificationFields });
    expect(legends(section)).toHaveLength(defaultQualificationFields.length);
  });
});
