import { Paper, Text } from '@mantine/core';
import { Link } from 'react-router';

interface Props {
  label: string;
  hint: string;
  value: string;
  to?: string;
  testId: string;
  /** Asks for attention (e.g. overdue reviews): a coloured border, not colour alone – the label says it too. */
  attention?: boolean;
}

/** One figure. The whole card is the link when the person may open the page behind it. */
export function StatCard({ label, hint, value, to, testId, attention = false }: Props) {
  const body = (
    <Paper
      withBorder
      p="md"
      radius="md"
      h="100%"
      style={attention ? { borderColor: 'var(--mantine-color-orange-8)', borderWidth: 2 } : undefined}
    >
      <Text className="stat-title" fw={600}>
        {label}
      </Text>
      <Text fz={34} fw={700} lh={1.2} c="tillit.8" data-testid={testId}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
  return to ? (
    <Link to={to} className="stat-link">
      {body}
    </Link>
  ) : (
    body
  );
}
