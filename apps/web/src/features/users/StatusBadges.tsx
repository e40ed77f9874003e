import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../api';
import { isInFuture } from '../../lib/format';

const colors = { invited: 'tillit', active: 'green', disabled: 'gray' } as const;

export function StatusBadges({ user }: { user: Pick<UserView, 'status' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={colors[user.status]}>{t(`userStatus.${user.status}`)}</Badge>
      {isInFuture(user.lockedUntil) && <Badge color="orange">{t('userStatus.locked')}</Badge>}
    </Group>
  );
}
