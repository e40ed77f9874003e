import { useState } from 'react';
import { ActionIcon, Button, Group, Paper, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconPencil, IconPlus, IconSearch, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadFile, informationTypesApi, type InformationTypeView } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { useDialog } from '../../lib/useDialog';
import { useCurrentModel } from '../classification/api';
import { ProfileBadges } from '../classification/ProfileBadges';
import { useDeleteInformationType, useImportPresetTypes, useInformationTypes } from './api';
import { ImportTypesModal } from './ImportTypesModal';
import { InformationTypeFormModal } from './InformationTypeFormModal';
import { TableScroll } from '../assets/TableScroll';

/** The organisation's library of information types, each with a recommended profile. */
export function InformationTypesPage() {
  const { t } = useTranslation(['informationTypes', 'common', 'assets']);
  const access = useAccess();
  const canManage = access.can('information_type.manage');
  const types = useInformationTypes();
  const model = useCurrentModel();
  const form = useDialog<InformationTypeView | null>();
  const importDialog = useDialog<true>();
  const remove = useDeleteInformationType();
  const preset = useImportPresetTypes();
  const [removing, setRemoving] = useState<InformationTypeView | null>(null);
  const [search, setSearch] = useState('');
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const needle = search.trim().toLowerCase();
  const shown = (types.data ?? []).filter(
    (it) =>
      !needle || it.name.toLowerCase().includes(needle) || it.key.includes(needle) || (it.description ?? '').toLowerCase().includes(needle),
  );

  async function exportJson() {
    setDownloadError(null);
    try {
      await downloadFile(informationTypesApi.exportPath(), 'informationstyper.json');
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  }

  return (
    <>
      <PageHeader
        title={t('informationTypes:title')}
        description={t('informationTypes:intro')}
        actions={
          <>
            {canManage && (
              <Button
                leftSection={<IconPlus size={18} aria-hidden />}
                onClick={(e) => form.open(null, e.currentTarget)}
                data-testid="create-information-type"
              >
                {t('informationTypes:create')}
              </Button>
            )}
            <Button
              variant="default"
              leftSection={<IconDownload size={18} aria-hidden />}
              onClick={() => void exportJson()}
              data-testid="export-information-types"
            >
              {t('informationTypes:export')}
            </Button>
            {canManage && (
              <Button
                variant="default"
                leftSection={<IconUpload size={18} aria-hidden />}
                onClick={(e) => importDialog.open(true, e.currentTarget)}
                data-testid="import-information-types"
              >
                {t('informationTypes:import.open')}
              </Button>
            )}
          </>
        }
      />
      <FormAlert message={downloadError} />
      <Paper withBorder p="md" radius="md">
        {types.isPending ? (
          <LoadingState />
        ) : types.error ? (
          <ErrorState error={types.error} onRetry={() => void types.refetch()} />
        ) : types.data.length === 0 ? (
          <EmptyState
            title={t('informationTypes:empty.title')}
            action={
              canManage ? (
                <Button onClick={() => preset.mutate()} loading={preset.isPending} data-testid="import-preset-types">
                  {t('informationTypes:empty.preset')}
                </Button>
              ) : undefined
            }
          >
            {canManage ? t('informationTypes:empty.manage') : t('informationTypes:empty.read')}
          </EmptyState>
        ) : (
          <>
            <TextInput
              label={t('informationTypes:search')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={{ base: '100%', sm: 320 }}
              mb="sm"
              data-testid="information-types-search"
            />
            <TableScroll minWidth={820}>
              <Table data-testid="information-types-table">
                <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                  {t('informationTypes:caption', { count: shown.length, total: types.data.length })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('informationTypes:fields.name')}</Table.Th>
                    <Table.Th scope="col">{t('informationTypes:fields.personalData')}</Table.Th>
                    <Table.Th scope="col">{t('informationTypes:fields.recommended')}</Table.Th>
                    <Table.Th scope="col">{t('informationTypes:fields.usage')}</Table.Th>
                    {canManage && (
                      <Table.Th scope="col">
                        <VisuallyHidden>{t('informationTypes:actions')}</VisuallyHidden>
                      </Table.Th>
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((it) => (
                    <Table.Tr key={it.id} data-testid="information-type-row" data-key={it.key}>
                      <Table.Td>
                        <Text fw={600}>{it.name}</Text>
                        {it.description && (
                          <Text size="sm" c="dimmed" lineClamp={2}>
                            {it.description}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          {t('informationTypes:keyLabel', { key: it.key })}
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`assets:personalData.${it.personalData}`)}</Table.Td>
                      <Table.Td>
                        <ProfileBadges profile={it.recommended} model={model.data?.definition} size="sm" />
                      </Table.Td>
                      <Table.Td>{t('informationTypes:usage', { count: it.usageCount })}</Table.Td>
                      {canManage && (
                        <Table.Td ta="right">
                          <Group gap={4} justify="flex-end" wrap="nowrap">
                            <Tooltip label={t('informationTypes:edit', { name: it.name })}>
                              <ActionIcon
                                variant="subtle"
                                aria-label={t('informationTypes:edit', { name: it.name })}
                                onClick={(e) => form.open(it, e.currentTarget)}
                                data-testid="edit-information-type"
                              >
                                <IconPencil size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('informationTypes:delete.action', { name: it.name })}>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                aria-label={t('informationTypes:delete.action', { name: it.name })}
                                onClick={() => setRemoving(it)}
                                data-testid="delete-information-type"
                              >
                                <IconTrash size={18} aria-hidden />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </>
        )}
        <FormAlert message={preset.error instanceof Error ? preset.error.message : null} />
      </Paper>
      {canManage && (
        <>
          <InformationTypeFormModal
            opened={form.opened}
            formKey={form.key}
            type={form.value}
            model={model.data?.definition}
            onClose={form.close}
          />
          <ImportTypesModal opened={importDialog.opened} formKey={importDialog.key} onClose={importDialog.close} />
          <ConfirmDialog
            opened={Boolean(removing)}
            title={t('informationTypes:delete.title', { name: removing?.name ?? '' })}
            message={
              removing && removing.usageCount > 0
                ? t('informationTypes:delete.inUse', { count: removing.usageCount })
                : t('informationTypes:delete.text')
            }
            confirmLabel={t('informationTypes:delete.confirm')}
            danger
            loading={remove.isPending}
            error={remove.error instanceof Error ? remove.error.message : null}
            onClose={() => {
              setRemoving(null);
              remove.reset();
            }}
            onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
          />
        </>
      )}
    </>
  );
}
