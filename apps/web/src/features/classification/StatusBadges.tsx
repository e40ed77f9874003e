import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClassificationStatus, ReviewState, WorkStatus } from '../../api';

const reviewColor: Record<ReviewState, string> = { valid: 'green', due_soon: 'orange', overdue: 'red', missing: 'gray' };
const statusColor: Record<ClassificationStatus, string> = { draft: 'gray', submitted: 'tillit', returned: 'orange', approved: 'green' };

/** Giltig / förfaller snart / förfallen / saknas: the word is always shown, the colour only supports it. */
export function ReviewStateBadge({ state }: { state: ReviewState | null | undefined }) {
  const { t } = useTranslation('classification');
  if (!state) return null;
  return (
    <Badge component="span" color={reviewColor[state]} variant="light" data-testid="review-state" data-state={state}>
      {t(`reviewStates.${state}`)}
    </Badge>
  );
}

export function WorkStatusBadge({ status }: { status: WorkStatus | null | undefined }) {
  const { t } = useTranslation('classification');
  if (!status) return null;
  return (
    <Badge component="span" color={statusColor[status]} variant="outline" data-testid="work-status" data-status={status}>
      {t(`workStatuses.${status}`)}
    </Badge>
  );
}

export function VersionStatusBadge({ status, superseded }: { status: ClassificationStatus; superseded?: boolean }) {
  const { t } = useTranslation('classification');
  const label = status === 'approved' && superseded ? t('statuses.superseded') : t(`statuses.${status}`);
  return (
    <Badge
      component="span"
      color={status === 'approved' && superseded ? 'gray' : statusColor[status]}
      variant="light"
      data-testid="version-status"
      data-status={status}
    >
      {label}
    </Badge>
  );
}
