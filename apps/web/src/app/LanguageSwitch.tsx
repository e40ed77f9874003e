import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLanguage } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Locale, SessionView } from '@tillit/core';
import { api, queryKeys } from '../api';
import { changeLocale, currentLocale } from '../i18n';

/**
 * Shows the other language's name in that language (with its `lang`, so screen readers pronounce
 * it right). The choice is kept in this browser and, when signed in, in the person's profile.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const target: Locale = currentLocale() === 'sv' ? 'en' : 'sv';

  async function switchLanguage() {
    await changeLocale(target);
    const session = queryClient.getQueryData<SessionView | null>(queryKeys.session);
    if (!session) return;
    queryClient.setQueryData<SessionView>(queryKeys.session, { ...session, user: { ...session.user, locale: target } });
    try {
      await api.auth.updateProfile({ locale: target });
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    }
  }

  return (
    <Button
      variant="default"
      size="sm"
      leftSection={<IconLanguage size={18} aria-hidden />}
      onClick={switchLanguage}
      title={t('language.switchTo', { language: t(`language.${target}`) })}
      data-testid="language-switch"
    >
      {/* On a phone only the icon shows; the name stays for screen readers (class in global.css). */}
      <span lang={target} className="narrow-visually-hidden">
        {t(`language.${target}`)}
      </span>
    </Button>
  );
}
