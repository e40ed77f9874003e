import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../lib/validation';

interface Props {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  passwordError?: string;
  repeatError?: string;
}

/** Choosing a password: typed twice, with the rule stated up front rather than after a failure. */
export function PasswordFields({ password, repeat, onPassword, onRepeat, passwordError, repeatError }: Props) {
  const { t } = useTranslation(['auth', 'common']);
  return (
    <Stack gap="md">
      <PasswordInput
        label={t('auth:password.new')}
        description={t('auth:password.rule', { min: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={passwordError}
        autoComplete="new-password"
        required
        data-testid="new-password"
      />
      <PasswordInput
        label={t('auth:password.repeat')}
        value={repeat}
        onChange={(e) => onRepeat(e.currentTarget.value)}
        error={repeatError}
        autoComplete="new-password"
        required
        data-testid="repeat-password"
      />
    </Stack>
  );
}
