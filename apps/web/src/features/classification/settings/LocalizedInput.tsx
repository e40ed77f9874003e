import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Localized } from '@tillit/core';
import { setLocalized } from './modelEdit';

interface Props {
  label: string;
  value: Localized | undefined;
  onChange: (value: Localized) => void;
  multiline?: boolean;
  required?: boolean;
  error?: string;
  testId?: string;
}

/** A model text in Swedish (required) and English (optional; Swedish is shown when it is missing). */
export function LocalizedInput({ label, value, onChange, multiline, required, error, testId }: Props) {
  const { t } = useTranslation('classification');
  const Input = multiline ? Textarea : TextInput;
  const extra = multiline ? { autosize: true, minRows: 1, maxRows: 6 } : {};
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs">
      <Input
        label={t('model.editor.inSwedish', { label })}
        value={value?.sv ?? ''}
        onChange={(e) => onChange(setLocalized(value, 'sv', e.currentTarget.value))}
        required={required}
        error={error}
        maxLength={4000}
        data-testid={testId ? `${testId}-sv` : undefined}
        {...extra}
      />
      <Input
        label={t('model.editor.inEnglish', { label })}
        value={value?.en ?? ''}
        onChange={(e) => onChange(setLocalized(value, 'en', e.currentTarget.value))}
        maxLength={4000}
        data-testid={testId ? `${testId}-en` : undefined}
        {...extra}
      />
    </SimpleGrid>
  );
}
