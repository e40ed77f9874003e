import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Role } from '@tillit/core';
import { roles } from '@tillit/core/permissions';
import type { AuditEventView } from '../../api';
import { formatDateTime } from '../../lib/format';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const knownFields = ['name', 'kind', 'description', 'parentId', 'unitId', 'userId', 'closedAt', 'email', 'status', 'role', 'lockedUntil', 'failedAttempts', 'scope', 'orgNumber'] as const;
type KnownField = (typeof knownFields)[number];
const isKnownField = (f: string): f is KnownField => (knownFields as readonly string[]).includes(f);
const orgKinds = ['region', 'municipality', 'other'] as const;
const unitKinds = ['organization', 'administration', 'operation', 'unit'] as const;
const statuses = ['invited', 'active', 'disabled'] as const;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

interface Props {
  event: AuditEventView;
  unitName: (id: string) => string | undefined;
}

/** Before and after of each changed field, shown the way people know them: names, not ids. */
export function ChangesTable({ event, unitName }: Props) {
  const { t } = useTranslation(['audit', 'common', 'tokens']);

  function formatValue(field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t('audit:changes.empty');
    if (typeof value === 'boolean') return value ? t('audit:changes.yes') : t('audit:changes.no');
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') return JSON.stringify(value, null, 2);
    if (field === 'parentId' || field === 'unitId') return unitName(value) ?? value;
    if (field === 'role' && isOneOf<Role>(roles, value)) return t(`common:roles.${value}`);
    if (field === 'kind' && event.entityType === 'organization' && isOneOf(orgKinds, value)) return t(`common:orgKinds.${value}`);
    if (field === 'kind' && isOneOf(unitKinds, value)) return t(`common:unitKinds.${value}`);
    if (field === 'status' && isOneOf(statuses, value)) return t(`common:userStatus.${value}`);
    if (field === 'scope' && (value === 'read' || value === 'write')) return t(`tokens:scope.${value}`);
    if (ISO_DATE_TIME.test(value)) return formatDateTime(value);
    return value;
  }

  const entries = Object.entries(event.changes ?? {});
  if (!entries.length) return <Text size="sm">{t('audit:changes.none')}</Text>;
  return (
    <Table withTableBorder withColumnBorders highlightOnHover={false} bg="white" aria-label={t('audit:changes.caption')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="25%">
            {t('audit:changes.field')}
          </Table.Th>
          <Table.Th scope="col">{t('audit:changes.before')}</Table.Th>
          <Table.Th scope="col">{t('audit:changes.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map(([field, change]) => (
          <Table.Tr key={field}>
            <Table.Th scope="row" fw={600}>
              {isKnownField(field) ? t(`audit:fields.${field}`) : field}
            </Table.Th>
            <Table.Td className="changes-value">{formatValue(field, change.before)}</Table.Td>
            <Table.Td className="changes-value">{formatValue(field, change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
