import { useState } from 'react';
import { Button, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportMapping, ImportReport } from '../../api';
import { TableScroll } from '../assets/TableScroll';

export type Invitee = NonNullable<ImportMapping['invite']>[number];
type Unknown = NonNullable<ImportReport['unknownPeople']>[number];

/** The role a person gets from the column that names her. */
const ROLE_OF: Partial<Record<Unknown['field'], Invitee['role']>> = {
  informationOwner: 'information_owner',
  systemOwner: 'system_owner',
  systemSteward: 'system_steward',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The people the file names whom no user matches (issue 9 item 7): with an address (and a name)
 * each, the user confirms them; the check runs again and the apply invites them (the server checks
 * she may manage users on the unit and grant the role).
 */
export function UnknownPeople({
  people,
  defaultUnitId,
  onConfirm,
  loading,
}: {
  people: Unknown[];
  defaultUnitId: string | null;
  onConfirm: (invite: Invitee[]) => void;
  loading: boolean;
}) {
  const { t } = useTranslation('assetImport');
  const [rows, setRows] = useState(() =>
    people.map((p) => ({ email: p.value.includes('@') ? p.value : '', name: p.value.includes('@') ? '' : p.value })),
  );
  const invitable = people
    .map((p, i) => ({ p, r: rows[i]!, role: ROLE_OF[p.field], unitId: p.unitId ?? defaultUnitId }))
    .filter((x) => x.role && x.unitId);
  const ready = invitable.filter((x) => EMAIL.test(x.r.email.trim()) && x.r.name.trim());
  const set = (i: number, key: 'email' | 'name', value: string) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [key]: value } : r)));

  return (
    <Stack gap="sm" mt="md" data-testid="import-unknown-people">
      <Title order={3} size="h4">
        {t('people.title')}
      </Title>
      <Text size="sm">{t('people.intro')}</Text>
      <TableScroll minWidth={640}>
        <Table>
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('people.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('people.inFile')}</Table.Th>
              <Table.Th>{t('people.column')}</Table.Th>
              <Table.Th>{t('people.email')}</Table.Th>
              <Table.Th>{t('people.name')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p, i) => (
              <Table.Tr key={p.value}>
                <Table.Th scope="row" fw={400}>
                  {p.value}
                  <Text size="xs" c="dimmed">
                    {t('people.rows', { rows: p.rows.join(', ') })}
                  </Text>
                </Table.Th>
                <Table.Td>{t(`fields.${p.field}`)}</Table.Td>
                <Table.Td>
                  <TextInput
                    type="email"
                    aria-label={t('people.emailFor', { person: p.value })}
                    value={rows[i]!.email}
                    onChange={(e) => set(i, 'email', e.currentTarget.value)}
                    maxLength={254}
                    data-testid={`invite-email-${i}`}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={t('people.nameFor', { person: p.value })}
                    value={rows[i]!.name}
                    onChange={(e) => set(i, 'name', e.currentTarget.value)}
                    maxLength={200}
                    data-testid={`invite-name-${i}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Button
        variant="default"
        leftSection={<IconUserPlus size={16} aria-hidden />}
        disabled={!ready.length}
        loading={loading}
        onClick={() =>
          onConfirm(
            ready.map(({ p, r, role, unitId }) => ({
              value: p.value,
              email: r.email.trim(),
              name: r.name.trim(),
              role: role!,
              unitId: unitId!,
            })),
          )
        }
        data-testid="invite-confirm"
      >
        {t('people.confirm', { count: ready.length })}
      </Button>
    </Stack>
  );
}
