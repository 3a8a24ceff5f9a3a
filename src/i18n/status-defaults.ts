/** The status pill's words (`<vc-phone-status>`), in English: new keys of the strings table, loaded with the pill (`status-strings.ts`). */
export const statusDefaults = {
  phoneStatus: 'Phone status',
  statusReady: 'Ready',
  statusConnecting: 'Connecting',
  statusOffline: 'Offline',
  statusRetryIn: 'retry in {seconds} s',
  retry: 'Retry',
};
