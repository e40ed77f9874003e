import { SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import type { ClassificationModelDefinition, ClassificationVersionView, PersonalDataKind } from '../../api';
import { AppModal } from '../../components/AppModal';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate, formatDateTime } from '../../lib/format';
import { useComparison } from './api';
import { useModelTexts } from './model';
import { ProfileBadges } from './ProfileBadges';
import { VersionStatusBadge } from './StatusBadges';
import { TableScroll } from '../assets/TableScroll';

interface Props {
  pair: [string, string] | null;
  opened: boolean;
  onClose: () => void;
  model: ClassificationModelDefinition | undefined;
}

/** Two versions side by side: the profiles, then only what differs, in words. */
export function CompareModal({ pair, opened, onClose, model }: Props) {
  const { t } = useTranslation('classification');
  return (
    <AppModal opened={opened} onClose={onClose} title={t('compare.title')} size="xl">
      {pair && <Comparison a={pair[0]} b={pair[1]} model={model} />}
    </AppModal>
  );
}

function Comparison({ a, b, model }: { a: string; b: string; model: ClassificationModelDefinition | undefined }) {
  const { t } = useTranslation(['classification', 'assets']);
  const comparison = useComparison(a, b);
  const texts = useModelTexts(model);
  if (comparison.isPending) return <LoadingState />;
  if (comparison.error) return <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const { a: va, b: vb, differences } = comparison.data;

  const isAspect = (s: string | undefined): s is AspectKey => s === 'C' || s === 'I' || s === 'A' || s === 'T';
  const category = (key: string | undefined) => {
    const c = model?.categories.find((x) => x.key === key);
    return c ? texts.text(c.name) : (key ?? '');
  };
  const label = (path: string) => {
    const [head, second, third] = path.split('.');
    const aspect = isAspect(second) ? texts.aspectName(second) : (second ?? '');
    switch (head) {
      case 'profile':
        return t('compare.paths.profile', { aspect });
      case 'answers':
        return t('compare.paths.answer', { aspect, category: category(third) });
      case 'justifications':
        return t('compare.paths.justification', { aspect });
      case 'raises':
        return t('compare.paths.raise', { aspect });
      case 'typeDeviationReason':
        return t('compare.paths.typeDeviationReason');
      case 'modelVersion':
        return t('compare.paths.modelVersion');
      case 'facts':
        return second === 'personalData' ? t('compare.paths.personalData') : t('compare.paths.informationType');
      case 'reviewDueAt':
        return t('compare.paths.reviewDueAt');
      default:
        return path;
    }
  };
  const value = (path: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return t('compare.empty');
    const [head, , third] = path.split('.');
    if (head === 'reviewDueAt' && typeof v === 'string') return formatDate(v);
    if (head === 'facts' && path.endsWith('personalData')) return t(`assets:personalData.${v as PersonalDataKind}`);
    if ((head === 'profile' || head === 'answers' || (head === 'raises' && third === 'level')) && typeof v === 'number')
      return texts.levelLabel(v);
    if (typeof v === 'object') {
      const raise = v as { level?: number; reason?: string };
      if (typeof raise.level === 'number')
        return t('compare.raiseValue', { level: texts.levelLabel(raise.level), reason: raise.reason ?? '' });
      return JSON.stringify(v);
    }
    return String(v);
  };

  return (
    <Stack gap="md" data-testid="comparison">
      <SimpleGrid cols={2} spacing="md">
        <VersionHead version={va} model={model} />
        <VersionHead version={vb} model={model} />
      </SimpleGrid>
      {differences.length === 0 ? (
        <Text data-testid="comparison-same">{t('compare.same')}</Text>
      ) : (
        <TableScroll minWidth={560}>
          <Table data-testid="comparison-table">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('compare.caption', { count: differences.length })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('compare.what')}</Table.Th>
                <Table.Th scope="col">{t('compare.versionColumn', { version: va.versionNo })}</Table.Th>
                <Table.Th scope="col">{t('compare.versionColumn', { version: vb.versionNo })}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {differences.map((d) => (
                <Table.Tr key={d.path} data-path={d.path}>
                  <Table.Th scope="row" fw={600}>
                    {label(d.path)}
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value(d.path, d.a)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value(d.path, d.b)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

function VersionHead({ version, model }: { version: ClassificationVersionView; model: ClassificationModelDefinition | undefined }) {
  const { t } = useTranslation('classification');
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {t('compare.versionColumn', { version: version.versionNo })}
      </Title>
      <VersionStatusBadge status={version.status} superseded={version.superseded} />
      <ProfileBadges profile={version.profile} model={model} size="sm" testId={`compare-profile-${version.versionNo}`} />
      <Text size="sm">
        {version.decidedAt
          ? t('compare.decided', { date: formatDateTime(version.decidedAt), name: version.decidedBy?.name ?? '' })
          : t('compare.updated', { date: formatDateTime(version.updatedAt) })}
      </Text>
    </Stack>
  );
}
