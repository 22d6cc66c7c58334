import type { Catalogue } from './zh-CN';

export const idConflictsEn: Catalogue['idConflicts'] = {
  title: 'ID number conflicts',
  intro: 'A school entered or imported an ID number that is already on another roster. The school was only told it cannot be registered there; check with both schools, then mark it handled. ID numbers show their first 6 and last characters only.',
  school: 'School that tried',
  attemptedBy: 'By',
  source: 'How',
  sources: { create: 'Added', update: 'Edited', import: 'Imported' },
  lastAt: 'Last attempt',
  attempts: 'Attempts',
  existing: 'On the roster of',
  idNumber: 'ID number',
  status: 'Status',
  open: 'Open',
  resolved: 'Handled ({{name}})',
  resolve: 'Handled',
  resolveLabel: 'Mark the conflict between {{school}} and {{existing}} handled',
  resolvedMessage: 'Marked handled',
  empty: 'No ID number conflicts',
  listLabel: 'ID number conflicts',
};
