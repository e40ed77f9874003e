import { Anchor, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeasureView } from '@tillit/core/modules/measures/schemas';
import { formatDate } from '../../lib/format';
import { TableScroll } from '../assets/TableScroll';
import { MeasureBadges } from './MeasureBadges';
import { useMeasureLabels } from './labels';

/** The measures of one list page: what each answers (in words, linked), owner, due date and status. */
export function MeasuresTable({ items, caption }: { items: MeasureView[]; caption: string }) {
  const { t } = useTranslation('measures');
  const labels = useMeasureLabels();
  return (
    <TableScroll minWidth={860}>
      <Table data-testid="measures-table" fz="sm" verticalSpacing="xs">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.title')}</Table.Th>
            <Table.Th scope="col">{t('table.answers')}</Table.Th>
            <Table.Th scope="col">{t('table.owner')}</Table.Th>
            <Table.Th scope="col">{t('table.due')}</Table.Th>
            <Table.Th scope="col">{t('table.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id} data-testid="measure-row" data-measure-id={m.id}>
              <Table.Td>
                <Anchor component={Link} to={`/measures/${m.id}`} fw={600}>
                  {m.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {m.unitName} · {labels.priority(m.priority)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {m.links.map((l) =>
                    l.href ? (
                      <Anchor key={l.id} component={Link} to={l.href} size="sm">
                        {l.label}
                      </Anchor>
                    ) : (
                      <Text key={l.id} size="sm">
                        {l.label}
                      </Text>
                    ),
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>{m.owner?.name ?? t('table.noOwner')}</Table.Td>
              <Table.Td>{formatDate(m.dueDate)}</Table.Td>
              <Table.Td>
                <MeasureBadges m={m} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
