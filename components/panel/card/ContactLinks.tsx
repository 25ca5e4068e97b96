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
        <ContactRow
          kind="Tel"
          value={phone}
          href={tel}
          name="phone"
          title="Call (logs a call attempt)"
          onFollow={onCall}
          onCopy={() => void copyValue('Phone number', phone)}
        />
      )}
      {email && (
        <ContactRow
          kind="Email"
          value={email}
          href={mailto}
          name="email"
          onCopy={() => void copyValue('Email address', email)}
        />
      )}
      {notice && (
        <p className="muted small" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}

/** One way to reach the lead: the value as a link when it makes a safe one, and a Copy button. */
function ContactRow(props: {
  kind: string;
  value: string;
  href: string | undefined;
  /** `lead-<name>` and `copy-<name>` are the test ids. */
  name: 'phone' | 'email';
  title?: string;
  onFollow?: () => void;
  onCopy: () => void;
}) {
  return (
    <div className="row">
      <span aria-hidden="true" className="contact-kind">
        {props.kind}
      </span>
      {props.href ? (
        <a href={props.href} data-testid={`lead-${props.name}`} onClick={props.onFollow} title={props.title}>
          {props.value}
        </a>
      ) : (
        <span data-testid={`lead-${props.name}`}>{props.value}</span>
      )}
      <button type="button" className="link small" data-testid={`copy-${props.name}`} onClick={props.onCopy}>
        Copy
      </button>
    </div>
  );
}
