import { useState } from 'react';
import { Anchor, Button, Checkbox, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClassificationModelDefinition } from '../../api';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDialog } from '../../lib/useDialog';
import { useAssetClassifications } from './api';
import { CompareModal } from './CompareModal';
import { ProfileBadges } from './ProfileBadges';
import { VersionStatusBadge } from './StatusBadges';
import { TableScroll } from '../assets/TableScroll';

/** Every classification version of one asset, newest first; two can be compared side by side. */
export function ClassificationHistory({ assetId, model }: { assetId: string; model: ClassificationModelDefinition | undefined }) {
  const { t } = useTranslation(['classification', 'common']);
  const versions = useAssetClassifications(assetId);
  const [picked, setPicked] = useState<string[]>([]);
  const compare = useDialog<[string, string]>();

  const toggle = (id: string, on: boolean) =>
    setPicked((prev) => (on ? [...prev.filter((p) => p !== id), id].slice(-2) : prev.filter((p) => p !== id)));

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="history-heading" data-testid="classification-history">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h3" id="history-heading">
          {t('classification:history.title')}
        </Title>
        {(versions.data?.length ?? 0) > 1 && (
          <Button
            variant="default"
            leftSection={<IconArrowsDiff size={16} aria-hidden />}
            disabled={picked.length !== 2}
            onClick={(e) => {
              const [older, newer] = [...picked].sort((x, y) => versionNo(x) - versionNo(y));
              compare.open([older!, newer!], e.currentTarget);
            }}
            data-testid="compare-versions"
          >
            {t('classification:history.compare', { count: picked.length })}
          </Button>
        )}
      </Group>
      {versions.isPending ? (
        <LoadingState />
      ) : versions.error ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : versions.data.length === 0 ? (
        <Text>{t('classification:history.empty')}</Text>
      ) : (
        <>
          {versions.data.length > 1 && (
            <Text size="sm" c="dimmed" mb="xs">
              {t('classification:history.compareHint')}
            </Text>
          )}
          <TableScroll minWidth={820}>
            <Table>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('classification:history.caption', { count: versions.data.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  {versions.data.length > 1 && <Table.Th scope="col">{t('classification:history.pick')}</Table.Th>}
                  <Table.Th scope="col">{t('classification:fields.version')}</Table.Th>
                  <Table.Th scope="col">{t('classification:fields.status')}</Table.Th>
                  <Table.Th scope="col">{t('classification:fields.profile')}</Table.Th>
                  <Table.Th scope="col">{t('classification:fields.author')}</Table.Th>
                  <Table.Th scope="col">{t('classification:fields.submittedAt')}</Table.Th>
                  <Table.Th scope="col">{t('classification:fields.decidedAt')}</Table.Th>
                  <Table.Th scope="col">{t('classification:fields.reviewDueAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {versions.data.map((v) => (
                  <Table.Tr key={v.id} data-testid="history-row" data-status={v.status}>
                    {versions.data.length > 1 && (
                      <Table.Td>
                        <Checkbox
                          aria-label={t('classification:history.pickVersion', { version: v.versionNo })}
                          checked={picked.includes(v.id)}
                          onChange={(e) => toggle(v.id, e.currentTarget.checked)}
                          data-testid="history-pick"
                        />
                      </Table.Td>
                    )}
                    <Table.Td>
                      <Anchor component={Link} to={`/classifications/${v.id}`} fw={600}>
                        {t('classification:history.versionLink', { version: v.versionNo })}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <VersionStatusBadge status={v.status} superseded={v.superseded} />
                    </Table.Td>
                    <Table.Td>
                      <ProfileBadges profile={v.profile} model={model} size="sm" />
                    </Table.Td>
                    <Table.Td>{v.author?.name ?? ''}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.submittedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.decidedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(v.reviewDueAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </>
      )}
      <CompareModal pair={compare.value} opened={compare.opened} onClose={compare.close} model={model} />
    </Paper>
  );

  function versionNo(id: string) {
    return versions.data?.find((v) => v.id === id)?.versionNo ?? 0;
  }
}
