import { useMemo, useState, type FormEvent } from 'react';
import { ActionIcon, Anchor, Button, Group, Paper, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView, AssetRefView, ClassificationModelDefinition } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { ProfileBadges } from '../classification/ProfileBadges';
import { useLinkSet, useUnlinkSet } from './api';
import { AssetPicker } from './AssetPicker';
import { assetListLink } from './filters';
import { TableScroll } from './TableScroll';

/** The information sets a system or process processes; its levels are inherited from them. */
export function LinkedSets({
  asset,
  canWrite,
  model,
}: {
  asset: AssetDetailView;
  canWrite: boolean;
  model: ClassificationModelDefinition | undefined;
}) {
  const { t } = useTranslation(['assets', 'common']);
  const link = useLinkSet();
  const unlink = useUnlinkSet();
  const [setId, setSetId] = useState<string | null>(null);
  const [pickerKey, setPickerKey] = useState(0);
  const [removing, setRemoving] = useState<AssetRefView | null>(null);
  const linked = useMemo(() => new Set(asset.informationSets.map((s) => s.id)), [asset.informationSets]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!setId) return;
    link.mutate(
      { id: asset.id, setId },
      {
        onSuccess: () => {
          setSetId(null);
          setPickerKey((k) => k + 1);
        },
      },
    );
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="linked-sets-heading" data-testid="linked-sets">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3" id="linked-sets-heading">
          {t('assets:sets.title')}
        </Title>
        {asset.informationSets.length > 0 && (
          <Anchor component={Link} to={assetListLink({ processedById: asset.id })} size="sm">
            {t('assets:sets.showInList')}
          </Anchor>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t('assets:sets.intro')}
      </Text>
      {asset.informationSets.length === 0 ? (
        <Text mb="sm" data-testid="linked-sets-empty">
          {canWrite ? t('assets:sets.emptyWrite') : t('assets:sets.empty')}
        </Text>
      ) : (
        <TableScroll minWidth={560}>
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('assets:sets.caption', { count: asset.informationSets.length, name: asset.name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets:fields.name')}</Table.Th>
                <Table.Th scope="col">{t('assets:fields.lifecycle')}</Table.Th>
                <Table.Th scope="col">{t('assets:sets.approvedProfile')}</Table.Th>
                {canWrite && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('assets:table.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {asset.informationSets.map((s) => (
                <Table.Tr key={s.id} data-testid="linked-set-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/assets/${s.id}`} fw={600}>
                      {s.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t(`assets:lifecycles.${s.lifecycle}`)}</Table.Td>
                  <Table.Td>
                    <ProfileBadges profile={s.levels} model={model} size="sm" testId="linked-set-profile" />
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      <Tooltip label={t('assets:sets.unlink', { name: s.name })}>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('assets:sets.unlink', { name: s.name })}
                          onClick={() => setRemoving(s)}
                          data-testid="unlink-set"
                        >
                          <IconUnlink size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
      {canWrite && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" mt="md" wrap="wrap">
            <AssetPicker
              key={pickerKey}
              label={t('assets:sets.pick')}
              description={t('assets:sets.pickHint')}
              kinds={['information_set']}
              value={setId}
              onChange={setSetId}
              exclude={linked}
              w={{ base: '100%', sm: 420 }}
              data-testid="link-set-picker"
            />
            <Button
              type="submit"
              leftSection={<IconLink size={16} aria-hidden />}
              disabled={!setId}
              loading={link.isPending}
              data-testid="link-set-submit"
            >
              {t('assets:sets.link')}
            </Button>
          </Group>
          <FormAlert message={link.error instanceof Error ? link.error.message : null} />
        </form>
      )}
      <ConfirmDialog
        opened={Boolean(removing)}
        title={t('assets:sets.unlinkTitle')}
        message={t('assets:sets.unlinkText', { set: removing?.name ?? '', system: asset.name })}
        confirmLabel={t('assets:sets.unlinkConfirm')}
        danger
        loading={unlink.isPending}
        error={unlink.error instanceof Error ? unlink.error.message : null}
        onClose={() => {
          setRemoving(null);
          unlink.reset();
        }}
        onConfirm={() => removing && unlink.mutate({ id: asset.id, setId: removing.id }, { onSuccess: () => setRemoving(null) })}
      />
    </Paper>
  );
}
