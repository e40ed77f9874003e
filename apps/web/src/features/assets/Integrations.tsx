import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconArrowRight, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView, IntegrationView } from '../../api';
import { AppModal } from '../../components/AppModal';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormAlert } from '../../components/FormAlert';
import { useDialog } from '../../lib/useDialog';
import { useAddIntegration, useRemoveIntegration, useUpdateIntegration } from './api';
import { AssetPicker } from './AssetPicker';
import { TableScroll } from './TableScroll';

/** Integrations between systems/processes: from → to and what flows. */
export function Integrations({ asset, canWrite }: { asset: AssetDetailView; canWrite: boolean }) {
  const { t } = useTranslation(['assets', 'common']);
  const add = useAddIntegration();
  const remove = useRemoveIntegration();
  const [toId, setToId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [pickerKey, setPickerKey] = useState(0);
  const [removing, setRemoving] = useState<IntegrationView | null>(null);
  const edit = useDialog<IntegrationView>();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!toId) return;
    add.mutate(
      { id: asset.id, body: { toAssetId: toId, description: description.trim() || null } },
      {
        onSuccess: () => {
          setToId(null);
          setDescription('');
          setPickerKey((k) => k + 1);
        },
      },
    );
  }

  const name = (i: IntegrationView) => t('assets:integrations.name', { from: i.from.name, to: i.to.name });
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="integrations-heading" data-testid="integrations">
      <Title order={2} size="h3" id="integrations-heading" mb="xs">
        {t('assets:integrations.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('assets:integrations.intro')}
      </Text>
      {asset.integrations.length === 0 ? (
        <Text mb="sm">{canWrite ? t('assets:integrations.emptyWrite') : t('assets:integrations.empty')}</Text>
      ) : (
        <TableScroll minWidth={560}>
          <Table>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('assets:integrations.caption', { count: asset.integrations.length, name: asset.name })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets:integrations.direction')}</Table.Th>
                <Table.Th scope="col">{t('assets:integrations.what')}</Table.Th>
                {canWrite && (
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('assets:table.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {asset.integrations.map((i) => (
                <Table.Tr key={i.id} data-testid="integration-row">
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <End id={i.from.id} name={i.from.name} self={i.from.id === asset.id} />
                      <IconArrowRight size={16} aria-hidden />
                      <VisuallyHidden>{t('assets:integrations.to')}</VisuallyHidden>
                      <End id={i.to.id} name={i.to.name} self={i.to.id === asset.id} />
                    </Group>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                    {i.description || (
                      <Text span c="dimmed">
                        {t('assets:integrations.noDescription')}
                      </Text>
                    )}
                  </Table.Td>
                  {canWrite && (
                    <Table.Td ta="right">
                      {i.from.id === asset.id && (
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t('assets:integrations.edit', { name: name(i) })}>
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('assets:integrations.edit', { name: name(i) })}
                              onClick={(e) => edit.open(i, e.currentTarget)}
                              data-testid="edit-integration"
                            >
                              <IconPencil size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('assets:integrations.remove', { name: name(i) })}>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('assets:integrations.remove', { name: name(i) })}
                              onClick={() => setRemoving(i)}
                              data-testid="remove-integration"
                            >
                              <IconTrash size={18} aria-hidden />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      )}
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
              label={t('assets:integrations.pickTo', { name: asset.name })}
              kinds={['system', 'process']}
              value={toId}
              onChange={setToId}
              exclude={new Set([asset.id])}
              w={{ base: '100%', sm: 340 }}
              data-testid="integration-to-picker"
            />
            <TextInput
              label={t('assets:integrations.what')}
              description={t('assets:integrations.whatHint')}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
              maxLength={1000}
              w={{ base: '100%', sm: 340 }}
              data-testid="integration-description"
            />
            <Button
              type="submit"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={!toId}
              loading={add.isPending}
              data-testid="add-integration"
            >
              {t('assets:integrations.add')}
            </Button>
          </Group>
          <FormAlert message={add.error instanceof Error ? add.error.message : null} />
        </form>
      )}
      <EditIntegrationModal integration={edit.value} opened={edit.opened} formKey={edit.key} onClose={edit.close} />
      <ConfirmDialog
        opened={Boolean(removing)}
        title={t('assets:integrations.removeTitle')}
        message={removing ? t('assets:integrations.removeText', { name: name(removing) }) : ''}
        confirmLabel={t('assets:integrations.removeConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error instanceof Error ? remove.error.message : null}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
      />
    </Paper>
  );
}

function End({ id, name, self }: { id: string; name: string; self: boolean }) {
  return self ? (
    <Text span fw={600}>
      {name}
    </Text>
  ) : (
    <Anchor component={Link} to={`/assets/${id}`}>
      {name}
    </Anchor>
  );
}

function EditIntegrationModal({
  integration,
  opened,
  formKey,
  onClose,
}: {
  integration: IntegrationView | null;
  opened: boolean;
  formKey: number;
  onClose: () => void;
}) {
  const { t } = useTranslation(['assets', 'common']);
  return (
    <AppModal
      opened={opened}
      onClose={onClose}
      title={integration ? t('assets:integrations.editTitle', { from: integration.from.name, to: integration.to.name }) : ''}
    >
      {integration && <EditIntegrationForm key={formKey} integration={integration} onClose={onClose} />}
    </AppModal>
  );
}

function EditIntegrationForm({ integration, onClose }: { integration: IntegrationView; onClose: () => void }) {
  const { t } = useTranslation(['assets', 'common']);
  const update = useUpdateIntegration();
  const [description, setDescription] = useState(integration.description ?? '');
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate(
          { id: integration.id, body: { description: description.trim() || null }, version: integration.rowVersion },
          { onSuccess: onClose },
        );
      }}
    >
      <Stack gap="md">
        <FormAlert message={update.error instanceof Error ? update.error.message : null} />
        <Textarea
          label={t('assets:integrations.what')}
          description={t('assets:integrations.whatHint')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          maxLength={1000}
          autosize
          minRows={3}
          data-autofocus
          data-testid="integration-edit-description"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending} data-testid="integration-edit-submit">
            {t('common:actions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
