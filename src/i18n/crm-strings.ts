/** Words of the CRM parts the first paint needs (the caller-ID picker of the place-call field), in English. New keys of the strings table. */
export const crmFirstPaint = {
  callFrom: 'Call from',
  callerIdWithheld: 'Withheld (anonymous)',
};
