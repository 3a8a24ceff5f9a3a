/** Words of the CRM parts the first paint needs (the caller-ID picker of the place-call field), in English. New keys of the strings table. */
export const crmFirstPaint = {
  callFrom: 'Call from',
  callerIdWithheld: 'Withheld (anonymous)',
};

/** Words of the call history and the wrap-up, in English: loaded with those elements (`crm-later-strings.ts`). */
export const crmLaterDefaults = {
  // Call history
  callHistory: 'Call history',
  historyEmpty: 'No calls yet.',
  clearHistory: 'Clear history',
  historyCallAgain: 'Call again',
  historyCallAgainWith: 'Call again: {party}',
  historyAnswered: 'Talked {duration}',
  historyNotAnswered: 'Not answered',
  // Wrap-up after a call
  wrapUpTitle: 'Wrap-up: {party}',
  wrapUpDisposition: 'Outcome',
  wrapUpChoose: 'Choose…',
  wrapUpNotes: 'Notes',
  wrapUpSave: 'Save',
  wrapUpSkip: 'Skip',
  wrapUpDueIn: 'Saved automatically in {seconds} s',
  wrapUpSaved: 'Wrap-up saved.',
};
