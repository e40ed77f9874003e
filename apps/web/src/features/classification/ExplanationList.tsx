import { List, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconArrowUpRight, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ExplanationLine } from './explain';

/** The lines that explain a level; the deciding input is said in words, not only shown in bold. */
export function ExplanationList({ lines }: { lines: ExplanationLine[] }) {
  const { t } = useTranslation('classification');
  return (
    <List spacing={4} size="sm" center data-testid="explanation">
      {lines.map((line, i) => (
        <List.Item
          key={i}
          data-kind={line.kind}
          data-decisive={line.decisive || undefined}
          icon={
            <ThemeIcon
              size={18}
              radius="xl"
              variant="light"
              color={line.tone === 'warning' ? 'orange' : line.decisive ? 'tillit' : 'gray'}
              aria-hidden
            >
              {line.tone === 'warning' ? (
                <IconAlertTriangle size={12} />
              ) : line.decisive ? (
                <IconArrowUpRight size={12} />
              ) : (
                <IconPoint size={12} />
              )}
            </ThemeIcon>
          }
        >
          <Text size="sm" fw={line.decisive ? 600 : 400} c={line.tone === 'warning' ? 'orange.8' : undefined} span>
            {line.text}
            {line.decisive && ` ${t('explain.decides')}`}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}
