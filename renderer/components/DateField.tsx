/**
 * A date typed as day, month and year segments (react-aria-components), in the en-GB order, read
 * and written as an ISO date (`YYYY-MM-DD`) or null. Each segment is announced and keyboard-editable.
 */
import { parseDate } from '@internationalized/date';
import { DateField as AriaDateField, DateInput, DateSegment, Label, Text } from 'react-aria-components';
import styles from './DateField.module.css';

/** The label, the ISO date (null when empty or incomplete), and what to do when it changes. */
export interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (iso: string | null) => void;
  /** The refusal to show under the field, if any. */
  error?: string | undefined;
}

/** An ISO date the field can show, or null for anything it cannot. */
function calendarDate(iso: string | null) {
  if (iso === null) {
    return null;
  }
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

/** Day, month and year segments under the label; the error beside the field. */
export function DateField({ label, value, onChange, error }: DateFieldProps) {
  return (
    <AriaDateField
      className={styles.field}
      value={calendarDate(value)}
      onChange={(date) => onChange(date === null ? null : date.toString())}
      granularity="day"
      isInvalid={error !== undefined}
    >
      <Label className="field__label">{label}</Label>
      <DateInput className={styles.input}>{(segment) => <DateSegment segment={segment} className={styles.segment} />}</DateInput>
      {error !== undefined && (
        <Text slot="errorMessage" className="field__error" elementType="p">
          {error}
        </Text>
      )}
    </AriaDateField>
  );
}
