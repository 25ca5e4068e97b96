import { useState } from 'react';
import { mailtoHref, telHref } from '@/lib/format/contact-links';

type Props = {
  phone: string | undefined;
  email: string | undefined;
  /** The rep clicked the number: their phone app dials, and the call is logged (undoable). */
  onCall: () => void;
};

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The lead's phone and email, one click to dial or write, one click to copy. */
export function ContactLinks({ phone, email, onCall }: Props) {
  const [notice, setNotice] = useState<string | undefined>();
  const tel = telHref(phone);
  const mailto = mailtoHref(email);
  if (!phone && !email) return null;

  const copyValue = async (what: string, value: string) => {
    setNotice((await copy(value)) ? `${what} copied.` : `Could not copy the ${what.toLowerCase()}.`);
  };

  return (
    <section className="contact small" aria-label="Contact">
      {phone && (
        <div className="row">
          <span aria-hidden="true" className="contact-kind">
            Tel
          </span>
          {tel ? (
            <a href={tel} data-testid="lead-phone" onClick={onCall} title="Call (logs a call attempt)">
              {phone}
            </a>
          ) : (
            <span data-testid="lead-phone">{phone}</span>
          )}
          <button
            type="button"
            className="link small"
            data-testid="copy-phone"
            onClick={() => void copyValue('Phone number', phone)}
          >
            Copy
          </button>
        </div>
      )}
      {email && (
        <div className="row">
          <span aria-hidden="true" className="contact-kind">
            Email
          </span>
          {mailto ? (
            <a href={mailto} data-testid="lead-email">
              {email}
            </a>
          ) : (
            <span data-testid="lead-email">{email}</span>
          )}
          <button
            type="button"
            className="link small"
            data-testid="copy-email"
            onClick={() => void copyValue('Email address', email)}
          >
            Copy
          </button>
        </div>
      )}
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
