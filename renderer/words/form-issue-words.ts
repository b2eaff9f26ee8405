/**
 * Words for a form field the domain schema refused, in plain en-GB, shown beside the field. The
 * limits come from the schema's own issue (its minimum or maximum), never restated here.
 */
import type { z } from 'zod';

/** One schema issue in words; passed to zod as the error map of a form's validation. */
export function formIssueWords(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? 'This cannot be empty.' : `Use at least ${Number(issue.minimum)} characters.`;
      }
      return `Must be at least ${Number(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `Use ${Number(issue.maximum).toLocaleString('en-GB')} characters or fewer.`;
      }
      return `Must be at most ${Number(issue.maximum).toLocaleString('en-GB')}.`;
    case 'invalid_value':
      return 'Choose one of the options.';
    case 'invalid_format':
      return 'This is not in the expected form.';
    default:
      return 'This is not valid.';
  }
}
