import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import type { ExplanationLine } from './explain';
import { ExplanationList } from './ExplanationList';
import type { ModelTexts } from './model';
import { LevelBadge } from './ProfileBadges';
import { TableScroll } from '../assets/TableScroll';

interface Row {
  aspect: AspectKey;
  level: number | null;
  lines: ExplanationLine[];
}

/** One row per aspect: the level and, in words, what sets it. The deciding input is marked in text. */
export function ExplanationTable({ caption, rows, texts, testId }: { caption: string; rows: Row[]; texts: ModelTexts; testId: string }) {
  const { t } = useTranslation('classification');
  return (
    <TableScroll minWidth={560}>
      <Table data-testid={testId} highlightOnHover={false}>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('explain.aspect')}</Table.Th>
            <Table.Th scope="col">{t('explain.level')}</Table.Th>
            <Table.Th scope="col">{t('explain.where')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.aspect} data-aspect={row.aspect} data-testid={`${testId}-${row.aspect}`}>
              <Table.Th scope="row" fw={600}>
                {texts.aspectName(row.aspect)}
              </Table.Th>
              <Table.Td>
                <LevelBadge aspect={row.aspect} level={row.level} texts={texts} />
                <Text size="xs" mt={2}>
                  {row.level === null ? t('notClassified') : texts.levelName(row.level)}
                </Text>
              </Table.Td>
              <Table.Td>
                <ExplanationList lines={row.lines} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
