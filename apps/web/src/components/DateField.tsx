import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  minDate?: string;
  maxDate?: string;
  testId?: string;
  /** A message beside the field (a refused save names the field). */
  error?: string | undefined;
  required?: boolean;
}

/** A calendar date (YYYY-MM-DD) with every calendar control named for screen readers. */
export function DateField({ label, value, onChange, minDate, maxDate, testId, error, required }: Props) {
  const { t } = useTranslation();
  return (
    <DatePickerInput
      label={label}
      value={value}
      onChange={(v) => onChange(v ? String(v) : null)}
      valueFormat="YYYY-MM-DD"
      clearable
      hideOutsideDates
      minDate={minDate}
      maxDate={maxDate}
      leftSection={<IconCalendar size={16} aria-hidden />}
      clearButtonProps={{ 'aria-label': t('actions.clearField', { label }) }}
      ariaLabels={{
        nextMonth: t('dateField.nextMonth'),
        previousMonth: t('dateField.previousMonth'),
        nextYear: t('dateField.nextYear'),
        previousYear: t('dateField.previousYear'),
        nextDecade: t('dateField.nextDecade'),
        previousDecade: t('dateField.previousDecade'),
      }}
      w={{ base: '100%', sm: 160 }}
      error={error}
      required={required}
      data-testid={testId}
    />
  );
}
