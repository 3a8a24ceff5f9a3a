/** Words of the call history and the wrap-up, in English: loaded with those elements (`crm-later-strings.ts`), not in the first paint. */
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
