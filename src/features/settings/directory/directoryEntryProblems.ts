// What the directory entry form checks before it saves, in the form's words
// (the store checks the same again): a phone number's characters, and an
// emergency role never left without a number.
import { isNationalDefault } from '../../../db/config';

export type DirectoryField = 'name' | 'phone' | 'extension' | 'hours';

export interface DirectoryProblem {
  field: DirectoryField;
  message: string;
}

const PHONE_CHARACTERS = /^[0-9 +()#*-]*$/;

/** A role that comes with a national number (999): the store refuses to leave it without one. */
const hasNationalNumber = (roleId: string): boolean =>
  isNationalDefault({ roleId, name: '', phone: '', extension: '', hours: '', fallbackRoleId: '', updatedAt: 0 });

export function directoryEntryProblems(roleId: string, values: Record<DirectoryField, string>): DirectoryProblem[] {
  const problems: DirectoryProblem[] = [];
  if (!PHONE_CHARACTERS.test(values.phone.trim())) {
    problems.push({ field: 'phone', message: 'Phone number must only include digits, spaces and + ( ) # * -' });
  }
  if (hasNationalNumber(roleId) && values.phone.trim() === '' && values.extension.trim() === '') {
    problems.push({ field: 'phone', message: 'Enter a phone number: this is an emergency role (999, or the hospital arrest number)' });
  }
  return problems;
}
