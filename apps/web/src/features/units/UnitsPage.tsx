import { useCallback, useMemo, useState } from 'react';
import { Button, Group, Paper, Stack, Switch, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { useAccess } from '../../app/session';
import { buildTree, flattenTree, parentLookup } from '../../lib/unitTree';
import { useDialog } from '../../lib/useDialog';
import { useDeleteUnit, useSetUnitClosed, useUnits } from './api';
import { MoveUnitModal } from './MoveUnitModal';
import { OrganizationCard } from './OrganizationCard';
import { UnitFormModal, type UnitFormMode } from './UnitFormModal';
import { UnitTree, type UnitAction } from './UnitTree';

type ConfirmKind = { action: 'close' | 'delete'; unit: UnitView };

export function UnitsPage() {
  const { t } = useTranslation(['units', 'common']);
  const access = useAccess();
  const [showClosed, setShowClosed] = useState(false);
  const units = useUnits(showClosed);
  const list = useMemo(() => units.data ?? [], [units.data]);
  const roots = useMemo(() => buildTree(list), [list]);
  const [expanded, setExpanded] = useState<Set<string> | null>(null);
  // Until the person expands or collapses anything, small organisations show three levels and
  // large ones (such as a region with 150 units) only the förvaltningar.
  const defaultExpanded = useMemo(() => {
    const depth = list.length <= 60 ? 2 : 1;
    return new Set(
      flattenTree(roots)
        .filter((n) => n.depth < depth)
        .map((n) => n.unit.id),
    );
  }, [roots, list.length]);
  const open = expanded ?? defaultExpanded;

  const parentOf = useMemo(() => parentLookup(list), [list]);
  const canManage = useCallback((unit: UnitView) => access.canOnUnit('unit.manage', unit.id, parentOf), [access, parentOf]);
  const canManageAny = access.can('unit.manage');

  const formDialog = useDialog<UnitFormMode>();
  const moveDialog = useDialog<UnitView>();
  const confirmDialog = useDialog<ConfirmKind>('units-heading');
  const setClosed = useSetUnitClosed();
  const remove = useDeleteUnit();

  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev ?? defaultExpanded);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  function onAction(action: UnitAction, unit: UnitView, trigger: HTMLElement | null) {
    if (action === 'add') formDialog.open({ type: 'create', parentId: unit.id }, trigger);
    else if (action === 'edit') formDialog.open({ type: 'edit', unit }, trigger);
    else if (action === 'move') moveDialog.open(unit, trigger);
    else if (action === 'reopen') {
      setClosed.mutate(
        { id: unit.id, closed: false },
        {
          onSuccess: () => notifications.show({ color: 'green', message: t('units:reopen.done', { name: unit.name }) }),
          onError: (e) => notifications.show({ color: 'red', message: e.message }),
        },
      );
    } else {
      setClosed.reset();
      remove.reset();
      confirmDialog.open({ action, unit }, trigger);
    }
  }

  function confirm() {
    const target = confirmDialog.value;
    if (!target) return;
    const done = (message: string) => () => {
      notifications.show({ color: 'green', message });
      confirmDialog.close();
    };
    if (target.action === 'close')
      setClosed.mutate({ id: target.unit.id, closed: true }, { onSuccess: done(t('units:close.done', { name: target.unit.name })) });
    else remove.mutate(target.unit.id, { onSuccess: done(t('units:delete.done', { name: target.unit.name })) });
  }

  const pendingConfirm = confirmDialog.value;
  const confirmError = pendingConfirm?.action === 'close' ? setClosed.error : remove.error;

  return (
    <>
      <PageHeader
        title={t('units:title')}
        description={t('units:intro')}
        actions={
          canManageAny && (
            <Button
              leftSection={<IconPlus size={18} aria-hidden />}
              onClick={(e) => formDialog.open({ type: 'create', parentId: roots[0]?.unit.id ?? null }, e.currentTarget)}
              disabled={!roots.length}
              data-testid="add-unit"
            >
              {t('units:actions.add')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <OrganizationCard />
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="units-heading">
          <Group justify="space-between" mb="md" gap="sm">
            <Title order={2} size="h3" id="units-heading" tabIndex={-1}>
              {t('units:tree.title')}
            </Title>
            <Group gap="sm">
              <Switch
                label={t('units:tree.showClosed')}
                checked={showClosed}
                onChange={(e) => setShowClosed(e.currentTarget.checked)}
                data-testid="show-closed-units"
              />
              <Button variant="default" size="xs" onClick={() => setExpanded(new Set(list.map((u) => u.id)))}>
                {t('units:tree.expandAll')}
              </Button>
              <Button variant="default" size="xs" onClick={() => setExpanded(new Set())}>
                {t('units:tree.collapseAll')}
              </Button>
            </Group>
          </Group>
          {units.isPending ? (
            <LoadingState />
          ) : units.error ? (
            <ErrorState error={units.error} onRetry={() => void units.refetch()} />
          ) : roots.length === 1 && roots[0]!.children.length === 0 ? (
            <>
              <UnitTree roots={roots} expanded={open} onToggle={toggle} canManage={canManage} onAction={onAction} />
              <EmptyState title={t('units:empty.title')}>{canManageAny ? t('units:empty.manage') : t('units:empty.read')}</EmptyState>
            </>
          ) : (
            <UnitTree roots={roots} expanded={open} onToggle={toggle} canManage={canManage} onAction={onAction} />
          )}
        </Paper>
      </Stack>

      <UnitFormModal
        opened={formDialog.opened}
        formKey={formDialog.key}
        mode={formDialog.value}
        units={list}
        canManage={canManage}
        onClose={formDialog.close}
        onCreated={(unit) => unit.parentId && setExpanded((prev) => new Set(prev ?? defaultExpanded).add(unit.parentId!))}
      />
      <MoveUnitModal
        opened={moveDialog.opened}
        formKey={moveDialog.key}
        unit={moveDialog.value}
        units={list}
        canManage={canManage}
        onClose={moveDialog.close}
      />
      <ConfirmDialog
        opened={confirmDialog.opened}
        onClose={confirmDialog.close}
        title={
          pendingConfirm?.action === 'close'
            ? t('units:close.title', { name: pendingConfirm.unit.name })
            : t('units:delete.title', { name: pendingConfirm?.unit.name ?? '' })
        }
        message={pendingConfirm?.action === 'close' ? t('units:close.text') : t('units:delete.text')}
        confirmLabel={pendingConfirm?.action === 'close' ? t('units:close.confirm') : t('units:delete.confirm')}
        danger={pendingConfirm?.action === 'delete'}
        loading={setClosed.isPending || remove.isPending}
        error={confirmError?.message}
        onConfirm={confirm}
      />
    </>
  );
}
