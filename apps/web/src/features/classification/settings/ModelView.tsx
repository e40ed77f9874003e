import type { ReactNode } from 'react';
import { Accordion, Badge, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatReference } from '@tillit/core';
import type { ClassificationModelView } from '../../../api';
import { formatDateTime } from '../../../lib/format';
import { useModelTexts } from '../model';
import { useRuleCondition } from './ruleCondition';
import { TableScroll } from '../../assets/TableScroll';

/** A model version as data, in words: aspects, levels, categories with their questions, minimums and rules. */
export function ModelView({ model }: { model: ClassificationModelView }) {
  const { t } = useTranslation(['classification', 'assets']);
  const def = model.definition;
  const texts = useModelTexts(def);
  const facts: [string, ReactNode][] = [
    [t('classification:model.fields.name'), texts.text(def.name)],
    [t('classification:model.fields.version'), t('classification:model.versionLabel', { version: model.version })],
    [
      t('classification:model.fields.created'),
      t('classification:model.createdBy', {
        date: formatDateTime(model.createdAt),
        name: model.createdBy?.name ?? t('classification:model.system'),
      }),
    ],
    [t('classification:model.fields.usage'), t('classification:model.usage', { count: model.usageCount })],
    [t('classification:model.fields.justificationFromLevel'), texts.levelLabel(def.justificationFromLevel)],
    [
      t('classification:model.fields.specialAnalysisFromLevel'),
      def.specialAnalysisFromLevel === null ? t('classification:model.never') : texts.levelLabel(def.specialAnalysisFromLevel),
    ],
    [t('classification:model.fields.reviewMonths'), t('classification:model.months', { count: def.reviewMonths })],
  ];
  if (model.note) facts.push([t('classification:model.fields.note'), model.note]);
  const condition = useRuleCondition();

  return (
    <Stack gap="lg" data-testid="model-view" data-version={model.version}>
      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="model-facts-heading">
        <Title order={2} size="h3" id="model-facts-heading" mb="sm">
          {t('classification:model.factsTitle')}
        </Title>
        {def.description && <Text mb="sm">{texts.text(def.description)}</Text>}
        <dl className="facts-list">
          {facts.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <Text component="dt" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                {value}
              </Text>
            </div>
          ))}
        </dl>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="model-aspects-heading">
        <Title order={2} size="h3" id="model-aspects-heading" mb="sm">
          {t('classification:model.aspectsTitle')}
        </Title>
        <TableScroll minWidth={640}>
          <Table data-testid="model-aspects">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('classification:model.aspectsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('classification:model.fields.code')}</Table.Th>
                <Table.Th scope="col">{t('classification:model.fields.aspect')}</Table.Th>
                <Table.Th scope="col">{t('classification:model.fields.question')}</Table.Th>
                <Table.Th scope="col">{t('classification:model.fields.enabled')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {def.aspects.map((a) => (
                <Table.Tr key={a.key} data-aspect={a.key}>
                  <Table.Td fw={700}>{texts.code(a.key)}</Table.Td>
                  <Table.Th scope="row">{texts.text(a.name)}</Table.Th>
                  <Table.Td>{texts.text(a.question)}</Table.Td>
                  <Table.Td>
                    <Badge color={a.enabled ? 'green' : 'gray'} variant="light">
                      {a.enabled ? t('classification:model.on') : t('classification:model.off')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="model-levels-heading">
        <Title order={2} size="h3" id="model-levels-heading" mb="sm">
          {t('classification:model.levelsTitle', { count: def.levels.length })}
        </Title>
        <TableScroll minWidth={480}>
          <Table data-testid="model-levels">
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>{t('classification:model.levelsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('classification:model.fields.level')}</Table.Th>
                <Table.Th scope="col">{t('classification:model.fields.levelName')}</Table.Th>
                <Table.Th scope="col">{t('classification:model.fields.description')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {def.levels.map((l) => (
                <Table.Tr key={l.value}>
                  <Table.Td fw={700}>{l.value}</Table.Td>
                  <Table.Th scope="row">{texts.text(l.name)}</Table.Th>
                  <Table.Td>{texts.text(l.description)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="model-categories-heading">
        <Title order={2} size="h3" id="model-categories-heading" mb="xs">
          {t('classification:model.categoriesTitle', { count: def.categories.length })}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('classification:model.categoriesIntro')}
        </Text>
        <Accordion variant="separated" order={3} multiple data-testid="model-categories">
          {def.categories.map((c) => (
            <Accordion.Item key={c.key} value={c.key}>
              <Accordion.Control>{texts.text(c.name)}</Accordion.Control>
              <Accordion.Panel>
                {c.description && (
                  <Text size="sm" mb="sm">
                    {texts.text(c.description)}
                  </Text>
                )}
                <Stack gap="md">
                  {def.aspects
                    .filter((a) => a.enabled)
                    .map((a) => {
                      const q = def.questions.find((x) => x.aspect === a.key && x.category === c.key);
                      return (
                        <div key={a.key}>
                          <Text fw={600}>
                            {t('classification:questions.aspectHeading', { code: texts.code(a.key), name: texts.text(a.name) })}
                          </Text>
                          <Text mb={4}>{q ? texts.text(q.text) : t('classification:model.noQuestion')}</Text>
                          {q && q.examples.length > 0 && (
                            <List size="sm" spacing={2}>
                              {q.examples.map((e) => (
                                <List.Item key={e.level}>
                                  {t('classification:model.example', { level: texts.levelLabel(e.level), text: texts.text(e.text) })}
                                </List.Item>
                              ))}
                            </List>
                          )}
                        </div>
                      );
                    })}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Paper>

      <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="model-minimums-heading">
        <Title order={2} size="h3" id="model-minimums-heading" mb="xs">
          {t('classification:model.minimumsTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('classification:model.minimumsIntro')}
        </Text>
        {def.minimumRules.length === 0 ? (
          <Text>{t('classification:model.noMinimums')}</Text>
        ) : (
          <TableScroll minWidth={640}>
            <Table data-testid="model-minimums">
              <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                {t('classification:model.minimumsCaption', { count: def.minimumRules.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('classification:model.fields.when')}</Table.Th>
                  <Table.Th scope="col">{t('classification:model.fields.minimum')}</Table.Th>
                  <Table.Th scope="col">{t('classification:model.fields.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {def.minimumRules.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{condition(r)}</Table.Td>
                    <Table.Td>
                      {`${texts.code(r.aspect)} ≥ ${r.level}`}
                      {!texts.enabled(r.aspect) && (
                        <Text size="xs" c="dimmed">
                          {t('classification:model.ruleInactive')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {texts.text(r.reason)}
                      {r.references.length > 0 && (
                        <Text size="sm" c="dimmed" data-testid={`rule-references-${r.id}`}>
                          {t('classification:explain.references', { refs: r.references.map(formatReference).join('; ') })}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Paper>
    </Stack>
  );
}
