import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeasureView } from '@tillit/core/modules/measures/schemas';
import { STATUS_COLOR, useMeasureLabels } from './labels';

/** Status, and for open measures whether they are late; colour is never the only sign (the words are shown). */
export function MeasureBadges({ m }: { m: Pick<MeasureView, 'status' | 'dueState'> }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  return (
    <Group gap={4} wrap="wrap">
      <Badge component="span" color={STATUS_COLOR[m.status]} variant="light" data-testid="measure-status" data-status={m.status}>
        {labels.status(m.status)}
      </Badge>
      {(m.dueState === 'overdue' || m.dueState === 'due_soon') && (
        <Badge component="span" color={m.dueState === 'overdue' ? 'red' : 'orange'} variant="outline">
          {t(`dueStates.${m.dueState}`)}
        </Badge>
      )}
    </Group>
  );
}
