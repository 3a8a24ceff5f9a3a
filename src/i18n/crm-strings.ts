/** Words of the CRM parts (caller-ID picker, call history, wrap-up), in English. New keys of the strings table. */
export const crmDefaults = {
  // Caller-ID picker in the place-call field
  callFrom: 'Call from',
  callerIdWithheld: 'Withheld (anonymous)',
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
