import type { AttemptChannel, AttemptOutcome } from '@/lib/model/schemas';

export const LOGGABLE_CHANNELS = [
  { channel: 'call', label: 'Call', key: 'c', outcome: 'no_answer' },
  { channel: 'email', label: 'Email', key: 'e', outcome: 'no_answer' },
  { channel: 'linkedin', label: 'LinkedIn', key: 'l', outcome: 'no_answer' },
  { channel: 'voicemail', label: 'Voicemail', key: 'v', outcome: 'left_voicemail' },
] as const satisfies ReadonlyArray<{
  channel: AttemptChannel;
  label: string;
  key: string;
  outcome: AttemptOutcome;
}>;

export const OUTCOME_LABEL: Record<AttemptOutcome, string> = {
  no_answer: 'No answer',
  left_voicemail: 'Left voicemail',
  connected: 'Connected',
  bad_number: 'Bad number',
  replied: 'Replied',
  meeting_booked: 'Meeting booked',
};

export const CHANNEL_LABEL: Record<AttemptChannel, string> = {
  call: 'Call',
  email: 'Email',
  linkedin: 'LinkedIn message',
  voicemail: 'Voicemail',
  meeting: 'Meeting',
};

/** How the undo bar names an attempt: "Email to Dana Whitfield logged." */
export function attemptLoggedLabel(channel: AttemptChannel, name: string): string {
  switch (channel) {
    case 'call':
      return `Call with ${name} logged.`;
    case 'email':
      return `Email to ${name} logged.`;
    case 'linkedin':
      return `LinkedIn message to ${name} logged.`;
    case 'voicemail':
      return `Voicemail for ${name} logged.`;
    case 'meeting':
      return `Meeting with ${name} logged.`;
  }
}
