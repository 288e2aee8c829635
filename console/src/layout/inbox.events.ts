/**
 * Sent when the inbox changed (marked read), so the header's unread badge counts again. Its own
 * module so the shell does not import the notification pages' code (and strings) to listen for it.
 */
export const INBOX_CHANGED = 'liutong:inbox-changed';
export const announceInboxChanged = () => window.dispatchEvent(new Event(INBOX_CHANGED));
