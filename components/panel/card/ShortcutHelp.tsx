import { useEffect } from 'react';
import { LOGGABLE_CHANNELS } from './attempt-defaults';

const HELP_WORDS: Record<(typeof LOGGABLE_CHANNELS)[number]['channel'], string> = {
  call: 'log a call',
  email: 'log an email',
  linkedin: 'log a LinkedIn message',
  voicemail: 'log a voicemail',
};

/** The keyboard shortcuts, in words; Escape closes it. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <dl className="help small" aria-label="Keyboard shortcuts" data-testid="shortcut-help">
      {LOGGABLE_CHANNELS.map((entry) => (
        <div key={entry.key}>
          <dt>
            <kbd>{entry.key}</kbd>
          </dt>
          <dd>{HELP_WORDS[entry.channel]}</dd>
        </div>
      ))}
      <div>
        <dt>
          <kbd>z</kbd>
        </dt>
        <dd>undo this lead’s last action</dd>
      </div>
      <div>
        <dt>
          <kbd>?</kbd>
        </dt>
        <dd>show or hide this help</dd>
      </div>
      <div>
        <dt>
          <kbd>Esc</kbd>
        </dt>
        <dd>close this help</dd>
      </div>
    </dl>
  );
}
