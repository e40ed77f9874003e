import { Fragment, useState } from 'react';
import { ActionIcon, Table, Text, VisuallyHidden } from '@mantine/core';
import { TableScroll } from '../assets/TableScroll';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AuditEventView } from '../../api';
import { formatDateTime } from '../../lib/format';
import { ChangesTable } from './ChangesTable';

interface Props {
  events: AuditEventView[];
  caption: string;
}

/** The events as the server resolved them for reading (labels, names, dates): no code is shown. */
export function AuditTable({ events, caption }: Props) {
  const { t } = useTranslation(['audit', 'common']);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <TableScroll minWidth={820}>
      <Table data-testid="audit-table">
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden component="span">{t('audit:table.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('audit:table.time')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.action')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.entityType')}</Table.Th>
            <Table.Th scope="col">{t('audit:table.entity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const hasChanges = event.display.changes.length > 0;
            const isOpen = open.has(event.id);
            const detailsId = `audit-changes-${event.id}`;
            const what = event.entityLabel ?? event.display.entityType;
            return (
              <Fragment key={event.id}>
                <Table.Tr data-testid="audit-row" data-action={event.action} data-entity-type={event.entityType}>
                  <Table.Td>
                    {hasChanges && (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => toggle(event.id)}
                        aria-expanded={isOpen}
                        aria-controls={detailsId}
                        aria-label={t(isOpen ? 'audit:table.hideChanges' : 'audit:table.showChanges', { what })}
                        data-testid="audit-row-toggle"
                      >
                        {isOpen ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
                      </ActionIcon>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
                  </Table.Td>
                  <Table.Td>{event.actorName}</Table.Td>
                  <Table.Td>{event.display.action}</Table.Td>
                  <Table.Td>{event.display.entityType}</Table.Td>
                  <Table.Td>
                    {event.entityLabel ?? (
                      <Text span c="dimmed" size="sm">
                        {t('audit:changes.empty')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {hasChanges && (
                  <Table.Tr id={detailsId} hidden={!isOpen} bg="gray.0">
                    <Table.Td />
                    <Table.Td colSpan={5}>{isOpen && <ChangesTable event={event} />}</Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
