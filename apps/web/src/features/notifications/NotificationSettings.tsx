import { useEffect, useState } from 'react';
import { Button, Checkbox, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { notificationDigests, type NotificationDigest } from '@tillit/core';
import { FormAlert } from '../../components/FormAlert';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { useNotificationPreferences, useUpdatePreferences } from './api';

/** Per user: which kinds show in Tillit, and whether the unread ones come as an e-mail digest. */
export function NotificationSettings() {
  const { t } = useTranslation('notifications');
  const prefs = useNotificationPreferences();
  const save = useUpdatePreferences();
  const [digest, setDigest] = useState<NotificationDigest>('off');
  const [inApp, setInApp] = useState<Record<string, boolean>>({});

  useEffect(() => {
    if (!prefs.data) return;
    setDigest(prefs.data.digest);
    setInApp(Object.fromEntries(prefs.data.kinds.map((k) => [k.kind, k.inApp])));
  }, [prefs.data]);

  return (
    <section aria-labelledby="notification-settings" id="settings">
      <Paper withBorder p="lg" radius="md">
        <Title order={2} size="h3" id="notification-settings" mb={4}>
          {t('settings.title')}
        </Title>
        <Text c="dimmed" mb="md">
          {t('settings.description')}
        </Text>
        {prefs.isPending ? (
          <LoadingState />
        ) : prefs.error ? (
          <ErrorState error={prefs.error} onRetry={() => void prefs.refetch()} />
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ digest, inApp }, { onSuccess: () => toast.show({ message: t('settings.saved') }) });
            }}
          >
            <Stack gap="lg">
              <FormAlert message={save.error?.message} />
              <Checkbox.Group
                label={t('settings.kindsLegend')}
                value={Object.keys(inApp).filter((k) => inApp[k])}
                onChange={(on) => setInApp(Object.fromEntries(Object.keys(inApp).map((k) => [k, on.includes(k)])))}
              >
                <Stack gap="sm" mt="xs">
                  {prefs.data.kinds.map((k) => (
                    <Checkbox key={k.kind} value={k.kind} label={k.label} description={k.description} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Radio.Group
                label={t('settings.digestLegend')}
                description={t('settings.digestHint')}
                value={digest}
                onChange={(v) => setDigest(v as NotificationDigest)}
              >
                <Stack gap="xs" mt="xs">
                  {notificationDigests.map((d) => (
                    <Radio key={d} value={d} label={t(`settings.digest.${d}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <div>
                <Button type="submit" loading={save.isPending} data-testid="save-notification-settings">
                  {t('settings.save')}
                </Button>
              </div>
            </Stack>
          </form>
        )}
      </Paper>
    </section>
  );
}
