import { useRef } from 'react';
import { ActionIcon, Badge, Box, Group, Menu, Text } from '@mantine/core';
import {
  IconArrowsMove,
  IconChevronDown,
  IconChevronRight,
  IconDots,
  IconDoorEnter,
  IconDoorExit,
  IconPencil,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UnitView } from '../../api';
import type { UnitNode } from '../../lib/unitTree';

export type UnitAction = 'add' | 'edit' | 'move' | 'close' | 'reopen' | 'delete';

interface TreeProps {
  roots: UnitNode[];
  expanded: Set<string>;
  onToggle: (id: string) => void;
  canManage: (unit: UnitView) => boolean;
  onAction: (action: UnitAction, unit: UnitView, trigger: HTMLElement | null) => void;
}

/**
 * Nested lists with a disclosure button per unit rather than an ARIA tree: every row has its own
 * action menu, and interactive rows inside role="treeitem" would be nested controls.
 */
export function UnitTree({ roots, ...props }: TreeProps) {
  const { t } = useTranslation('units');
  return (
    <ul className="tree-list" aria-label={t('tree.label')} data-testid="unit-tree">
      {roots.map((node) => (
        <UnitBranch key={node.unit.id} node={node} {...props} />
      ))}
    </ul>
  );
}

function UnitBranch({ node, expanded, onToggle, canManage, onAction }: { node: UnitNode } & Omit<TreeProps, 'roots'>) {
  const { t } = useTranslation(['units', 'common']);
  const { unit, children } = node;
  const isOpen = expanded.has(unit.id);
  const listId = `unit-children-${unit.id}`;
  return (
    <li>
      <Box
        className="unit-row"
        px="xs"
        py={6}
        data-testid="unit-row"
        data-unit-name={unit.name}
        data-closed={unit.closedAt ? 'true' : 'false'}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
            {children.length ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                size="md"
                onClick={() => onToggle(unit.id)}
                aria-expanded={isOpen}
                aria-controls={listId}
                aria-label={t(isOpen ? 'units:tree.collapse' : 'units:tree.expand', { name: unit.name })}
              >
                {isOpen ? <IconChevronDown size={18} aria-hidden /> : <IconChevronRight size={18} aria-hidden />}
              </ActionIcon>
            ) : (
              <Box w={28} aria-hidden />
            )}
            <div style={{ minWidth: 0 }}>
              <Group gap={8} wrap="wrap">
                <Text className="unit-name" fw={unit.kind === 'organization' ? 700 : 600}>
                  {unit.name}
                </Text>
                <Badge color="gray">{t(`common:unitKinds.${unit.kind}`)}</Badge>
                {unit.closedAt && <Badge color="orange">{t('units:tree.closed')}</Badge>}
                {children.length > 0 && (
                  <Text size="sm" c="dimmed">
                    {t('units:tree.subUnits', { count: children.length })}
                  </Text>
                )}
              </Group>
              {unit.description && (
                <Text size="sm" c="dimmed" maw={640}>
                  {unit.description}
                </Text>
              )}
            </div>
          </Group>
          {canManage(unit) && <UnitMenu unit={unit} onAction={onAction} />}
        </Group>
      </Box>
      {children.length > 0 && (
        <ul className="tree-list" id={listId} hidden={!isOpen}>
          {children.map((child) => (
            <UnitBranch
              key={child.unit.id}
              node={child}
              expanded={expanded}
              onToggle={onToggle}
              canManage={canManage}
              onAction={onAction}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

function UnitMenu({ unit, onAction }: { unit: UnitView; onAction: TreeProps['onAction'] }) {
  const { t } = useTranslation('units');
  const target = useRef<HTMLButtonElement>(null);
  const isRoot = unit.kind === 'organization';
  const closed = Boolean(unit.closedAt);
  const act = (action: UnitAction) => () => onAction(action, unit, target.current);
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          ref={target}
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('tree.actionsFor', { name: unit.name })}
          data-testid="unit-actions"
        >
          <IconDots size={20} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {!closed && (
          <Menu.Item leftSection={<IconPlus size={16} aria-hidden />} onClick={act('add')} data-testid="unit-action-add">
            {t('actions.addChild')}
          </Menu.Item>
        )}
        {!isRoot && (
          <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={act('edit')} data-testid="unit-action-edit">
            {t('actions.edit')}
          </Menu.Item>
        )}
        {!isRoot && !closed && (
          <Menu.Item leftSection={<IconArrowsMove size={16} aria-hidden />} onClick={act('move')} data-testid="unit-action-move">
            {t('actions.move')}
          </Menu.Item>
        )}
        {!isRoot && !closed && (
          <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} onClick={act('close')} data-testid="unit-action-close">
            {t('actions.close')}
          </Menu.Item>
        )}
        {!isRoot && closed && (
          <Menu.Item leftSection={<IconDoorEnter size={16} aria-hidden />} onClick={act('reopen')} data-testid="unit-action-reopen">
            {t('actions.reopen')}
          </Menu.Item>
        )}
        {!isRoot && (
          <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={act('delete')} data-testid="unit-action-delete">
            {t('actions.delete')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
