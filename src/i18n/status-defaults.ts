/** The status pill's words (`<vc-phone-status>`), in English: new keys of the strings table, loaded with the pill (`status-strings.ts`). */
export const statusDefaults = {
  phoneStatus: 'Phone status',
  statusReady: 'Ready',
  statusConnecting: 'Connecting',
  statusOffline: 'Offline',
  statusRetryIn: 'retry in {seconds} s',
  // Why the phone is offline (its connectionReason), beside the pill and in its tooltip
  statusLost: 'Connection to the SIP server lost',
  statusUnreachable: 'The SIP server cannot be reached',
  statusPaused: 'Paused while the page is hidden',
  statusBlocked: 'Blocked by the page’s security policy',
  statusNotConnected: 'Not connected to the SIP server',
  retry: 'Retry',
};
