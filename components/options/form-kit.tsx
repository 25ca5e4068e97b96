import { type ReactNode, useCallback, useEffect, useId, useState } from 'react';
import type { z } from 'zod';
import { readSettings, saveSettingsPart } from '@/lib/settings/item';
import type { Settings } from '@/lib/settings/schema';
import { useManagedPolicy } from './useManagedParts';

/**
 * What every options form shares: loading its part of the settings, validating a draft with the
 * part's zod schema, messages that name the field and the problem, Save, Reset to defaults, and the
 * section frame. A draft that fails validation is never written.
 */

export type IssuePath = ReadonlyArray<PropertyKey>;
export interface FieldError {
  /** The issue's path joined with dots ("tiers.0.minScore"); "" for the part itself. */
  path: string;
  /** "Tier 1 score at least: is required". */
  text: string;
}
export type FormStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; text: string }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'failed'; text: string };

/** Plain-words messages for zod's built-in checks (a schema's own messages take precedence). */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      return undefined;
    case 'too_small':
      if (issue.origin === 'number')
        return issue.inclusive
          ? `must be at least ${issue.minimum}`
          : `must be greater than ${issue.minimum}`;
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${issue.minimum}`;
      return undefined;
    case 'too_big':
      if (issue.origin === 'number')
        return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
      return undefined;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    default:
      return undefined;
  }
};

/**
 * A number input's text as a number: junk → NaN ("must be a number"); blank → null, so that the
 * schema says "is required" instead of quietly taking a `.default()`.
 */
export function toNumber(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}

export function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

let lastId = 0;
/** A stable key for a row the user adds, removes or moves. */
export function rowId(): string {
  lastId += 1;
  return `row${lastId}`;
}

export type ValidateResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validates `candidate` with `schema`, naming each problem's field with `labelFor(path)`. */
export function validate<T>(
  schema: z.ZodType<T>,
  candidate: unknown,
  labelFor: (path: IssuePath) => string,
  tidyMessage: (message: string) => string = (message) => message,
): ValidateResult<T> {
  const parsed = schema.safeParse(candidate, { error: formErrorMap });
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    text: `${labelFor(issue.path)}: ${tidyMessage(issue.message)}`,
  }));
  return { ok: false, errors };
}

/** One part of the stored settings, read once when the form mounts. */
export function useStoredPart<K extends keyof Settings>(key: K): Settings[K] | undefined {
  const [value, setValue] = useState<Settings[K] | undefined>();
  useEffect(() => {
    let live = true;
    void readSettings().then((settings) => {
      if (live) setValue(settings[key]);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}

export interface PartFormOptions<K extends keyof Settings> {
  settingsKey: K;
  schema: z.ZodType<Settings[K]>;
  labelFor: (path: IssuePath) => string;
  /** Rewrites a schema message, e.g. to drop what the label already says. */
  tidyMessage?: (message: string) => string;
  /** The part's defaults, for Reset. */
  defaults: () => Settings[K];
  /** Puts a value into the form's draft (after Reset). */
  load: (value: Settings[K]) => void;
}

export interface PartForm<K extends keyof Settings = keyof Settings> {
  /** The part of the settings this form edits. */
  settingsKey: K;
  status: FormStatus;
  errorId: string;
  /**
   * Validates the draft and saves it (after `tidy`, e.g. sorting); false when it was invalid, and
   * then nothing was written.
   */
  submit: (candidate: unknown, tidy?: (value: Settings[K]) => Settings[K]) => Promise<boolean>;
  reset: () => Promise<void>;
  /** Called on any edit: clears a stale "Saved.". */
  edited: () => void;
  /**
   * aria-invalid / aria-describedby for the input at `path` (dotted, as in the schema) when a message
   * concerns it or a part containing it; '' for a form's only input.
   */
  field: (path: string) => { 'aria-invalid'?: true; 'aria-describedby'?: string };
}

export function usePartForm<K extends keyof Settings>(options: PartFormOptions<K>): PartForm<K> {
  const { settingsKey, schema, labelFor, tidyMessage, defaults, load } = options;
  const [status, setStatus] = useState<FormStatus>({ kind: 'idle' });
  const errorId = useId();

  const write = useCallback(
    async (value: Settings[K], text: string) => {
      setStatus({ kind: 'saving' });
      try {
        await saveSettingsPart(settingsKey, value);
        setStatus({ kind: 'saved', text });
      } catch (error) {
        setStatus({
          kind: 'failed',
          text: `Not saved: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    [settingsKey],
  );

  const submit = useCallback(
    async (candidate: unknown, tidy?: (value: Settings[K]) => Settings[K]) => {
      const result = validate(schema, candidate, labelFor, tidyMessage);
      if (!result.ok) {
        setStatus({ kind: 'invalid', errors: result.errors });
        return false;
      }
      const value = tidy ? tidy(result.value) : result.value;
      await write(value, 'Saved.');
      return true;
    },
    [schema, labelFor, tidyMessage, write],
  );

  const reset = useCallback(async () => {
    const value = defaults();
    load(value);
    await write(value, 'Reset to defaults. Saved.');
  }, [defaults, load, write]);

  const edited = useCallback(() => setStatus((s) => (s.kind === 'saved' ? { kind: 'idle' } : s)), []);

  const field = (path: string) => {
    if (status.kind !== 'invalid') return {};
    // An input's path names what it edits; '' (a form with a single input) is concerned by every message.
    const hit = status.errors.some(
      (error) =>
        path === '' || error.path === path || (error.path !== '' && path.startsWith(`${error.path}.`)),
    );
    return hit ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};
  };

  return { settingsKey, status, errorId, submit, reset, edited, field };
}

interface SettingsSectionProps {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}

/** A named region (`<section aria-label>`), so each form's controls are findable within it. */
export function SettingsSection({ title, intro, children }: SettingsSectionProps) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {intro && <p className="muted small">{intro}</p>}
      {children}
    </section>
  );
}

export function LoadingSection({ title }: { title: string }) {
  return (
    <SettingsSection title={title}>
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    </SettingsSection>
  );
}

interface PartFormFrameProps {
  title: string;
  intro?: ReactNode;
  form: Pick<PartForm, 'status' | 'errorId' | 'reset' | 'edited'> & { settingsKey?: keyof Settings };
  onSubmit: () => void;
  children: ReactNode;
}

/** The section, the form, its Save and Reset buttons and its messages. */
export function PartFormFrame({ title, intro, form, onSubmit, children }: PartFormFrameProps) {
  const { status } = form;
  const busy = status.kind === 'saving';
  const policy = useManagedPolicy();
  const managed =
    form.settingsKey !== undefined && (policy.managed as ReadonlyArray<string>).includes(form.settingsKey);
  if (managed)
    return (
      <SettingsSection title={title} intro={intro}>
        <p className="managed-note" data-testid="managed-by-admin">
          Set by your administrator (team policy): read-only here.
        </p>
        <fieldset disabled className="bare options-form">
          {children}
        </fieldset>
      </SettingsSection>
    );
  return (
    <SettingsSection title={title} intro={intro}>
      <form
        noValidate
        className="options-form"
        onChange={form.edited}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {children}
        <div className="row options-actions">
          <button type="submit" className="primary" data-testid="options-save" disabled={busy}>
            Save<span className="sr-only"> {title}</span>
          </button>
          <button type="button" disabled={busy} onClick={() => void form.reset()}>
            Reset to defaults<span className="sr-only"> ({title})</span>
          </button>
        </div>
        {(status.kind === 'invalid' || status.kind === 'failed') && (
          <div id={form.errorId} className="error" role="alert" data-testid="options-error">
            {status.kind === 'invalid' ? (
              <>
                <p className="options-error-lead">Not saved. Please fix:</p>
                <ul>
                  {status.errors.map((error, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: messages have no identity and are replaced together
                    <li key={index}>{error.text}</li>
                  ))}
                </ul>
              </>
            ) : (
              <p>{status.text}</p>
            )}
          </div>
        )}
        <p className="muted small" role="status">
          {status.kind === 'saved' ? status.text : status.kind === 'saving' ? 'Saving…' : ''}
        </p>
      </form>
    </SettingsSection>
  );
}
