import { Button, Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/DateField';
import { useAuditLabels } from '../../lib/auditLabels';
import { PersonSelect } from '../../components/PersonSelect';

export interface AuditFilterValues {
  user: string | null;
  type: string | null;
  action: string | null;
  from: string | null;
  to: string | null;
}

export function AuditFilters({
  value,
  onChange,
  canPickUser,
}: {
  value: AuditFilterValues;
  onChange: (next: Partial<AuditFilterValues>) => void;
  canPickUser: boolean;
}) {
  const { t } = useTranslation(['audit', 'common']);
  // Every entity type and action the server's vocabulary declares.
  const { actionOptions, entityTypeOptions } = useAuditLabels();
  const all = { value: '', label: t('common:select.all') };
  const hasFilters = Object.values(value).some(Boolean);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('audit:filters.label')}>
      {canPickUser && (
        <PersonSelect
          label={t('audit:filters.user')}
          value={value.user}
          onChange={(user) => onChange({ user })}
          activeOnly={false}
          w={{ base: '100%', sm: 240 }}
          data-testid="audit-user-filter"
        />
      )}
      <Select
        label={t('audit:filters.entityType')}
        data={[all, ...entityTypeOptions]}
        value={value.type ?? ''}
        onChange={(v) => onChange({ type: v || null })}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('common:select.noResults')}
        w={{ base: '100%', sm: 220 }}
        data-testid="audit-type-filter"
      />
      <Select
        label={t('audit:filters.action')}
        data={[all, ...actionOptions]}
        value={value.action ?? ''}
        onChange={(v) => onChange({ action: v || null })}
        allowDeselect={false}
        searchable
        nothingFoundMessage={t('common:select.noResults')}
        w={{ base: '100%', sm: 200 }}
        data-testid="audit-action-filter"
      />
      <DateField
        label={t('audit:filters.from')}
        value={value.from}
        onChange={(from) => onChange({ from })}
        maxDate={value.to ?? undefined}
        testId="audit-from"
      />
      <DateField
        label={t('audit:filters.to')}
        value={value.to}
        onChange={(to) => onChange({ to })}
        minDate={value.from ?? undefined}
        testId="audit-to"
      />
      {hasFilters && (
        <Button variant="subtle" onClick={() => onChange({ user: null, type: null, action: null, from: null, to: null })}>
          {t('common:actions.clearFilters')}
        </Button>
      )}
    </Group>
  );
}
