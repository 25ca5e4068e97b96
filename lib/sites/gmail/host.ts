import { defineHost } from '../host-row';
import * as gmail from './detect';
import { gmailSeen, gmailSelectors } from './selectors';

export const gmailHost = defineHost({
  name: 'gmail',
  matches: ['https://mail.google.com/*'],
  detect: gmail.detectGmail,
  selectors: { seen: gmailSeen, lists: gmailSelectors },
  strategies: {
    user: { list: gmail.userStrategies, found: 'user' },
    thread: { list: gmail.threadStrategies, found: 'thread' },
    participants: { list: gmail.participantStrategies, found: 'participants' },
    composeRoot: { list: gmail.composeRootStrategies },
    compose: { list: gmail.composeStrategies, found: 'compose' },
    recipients: { list: gmail.recipientStrategies, found: 'recipients' },
    row: { list: gmail.rowStrategies, found: 'row' },
    rowSender: { list: gmail.rowSenderStrategies, found: 'sender' },
  },
  fixtures: 'test/fixtures/gmail',
});
