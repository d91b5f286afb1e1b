// What the user reads when saving fails: the log's own plain-English message,
// never a stack trace or a raw browser error.
import { StorageError } from '../../../db/database';

export const GENERIC_FAILURE =
  'The last step could not be saved to the log. It is kept on screen. Choose Try again; if it keeps failing, note the times on paper.';

export function failureMessage(error: unknown): string {
  return error instanceof StorageError ? error.userMessage : GENERIC_FAILURE;
}
