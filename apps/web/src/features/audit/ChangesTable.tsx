import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../api';

/** Before and after of each changed field, as the server resolved them: names, labels and Stockholm dates, never ids or codes. */
export function ChangesTable({ event }: { event: AuditEventView }) {
  const { t } = useTranslation('audit');
  const rows = event.display.changes;
  if (!rows.length) return <Text size="sm">{t('changes.none')}</Text>;
  const shown = (v: string | null) => v ?? t('changes.empty');
  return (
    <Table withTableBorder withColumnBorders highlightOnHover={false} bg="white" aria-label={t('changes.caption')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w="25%">
            {t('changes.field')}
          </Table.Th>
          <Table.Th scope="col">{t('changes.before')}</Table.Th>
          <Table.Th scope="col">{t('changes.after')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.field} data-field={row.field}>
            <Table.Th scope="row" fw={600}>
              {row.label}
            </Table.Th>
            <Table.Td className="changes-value">{shown(row.before)}</Table.Td>
            <Table.Td className="changes-value">{shown(row.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
