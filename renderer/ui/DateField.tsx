import { DateInput, DatesProvider, type DateInputProps } from '@mantine/dates';
import 'dayjs/locale/fr';
import { useState, type ReactNode } from 'react';
import { parseFrenchDate, typedDateError } from './dates';

/**
 * Calendars in French, weeks from Monday: wraps the whole application once. No weekend days:
 * Mantine paints them light red, below the contrast WCAG asks for text.
 */
export function FrenchDates({ children }: { children: ReactNode }) {
  return (
    <DatesProvider settings={{ locale: 'fr', firstDayOfWeek: 1, weekendDays: [] }}>{children}</DatesProvider>
  );
}

// The month and year buttons are named by what they show ("janvier 2027").
const calendarLabels = {
  previousMonth: 'Mois précédent',
  nextMonth: 'Mois suivant',
  previousYear: 'Année précédente',
  nextYear: 'Année suivante',
  previousDecade: 'Décennie précédente',
  nextDecade: 'Décennie suivante',
};

export type DateFieldProps = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'fixOnBlur'
> & {
  /** A calendar day, "2027-01-15", or '' / null when empty. */
  value?: string | null;
  /** The ISO day, or '' when the field is empty or what is typed is not a real day. */
  onChange: (value: string) => void;
};

/**
 * A date typed or picked as "JJ/MM/AAAA" and held as ISO, like the native date input it
 * replaces (so schemas, IPC and REST see the same strings). What is not a real day empties the
 * value and, once the field is left, says why on the field while keeping the text to correct.
 */
export function DateField({ value, onChange, error, onBlur, onInput, onKeyDown, ...props }: DateFieldProps) {
  const [draft, setDraft] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  // A day picked in the calendar replaces whatever was wrong.
  const shownError = typedError !== null && !value ? typedError : error;
  const check = (text: string) => setTypedError(typedDateError(text));

  return (
    <DateInput
      placeholder="JJ/MM/AAAA"
      {...props}
      value={value || null}
      valueFormat="DD/MM/YYYY"
      dateParser={parseFrenchDate}
      allowDeselect
      // A wrong text stays to be corrected; a right one is shown as 07/12/2026.
      fixOnBlur={typedDateError(draft) === null}
      ariaLabels={calendarLabels}
      // The other months' days are light grey, below the contrast asked for text.
      hideOutsideDates
      onChange={(day) => onChange(day ?? '')}
      onInput={(event) => {
        const text = event.currentTarget.value;
        setDraft(text);
        setTypedError(null);
        // Mantine keeps the last good day while the text is wrong; the form must not.
        if (parseFrenchDate(text) === null) onChange('');
        onInput?.(event);
      }}
      onBlur={(event) => {
        check(event.currentTarget.value);
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') check(event.currentTarget.value);
        onKeyDown?.(event);
      }}
      error={shownError}
      aria-invalid={shownError ? true : props['aria-invalid']}
    />
  );
}
