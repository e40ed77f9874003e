import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import type { AssetDetailView, ClassificationModelDefinition, ClassificationVersionView } from '../../api';
import { ExplanationList } from './ExplanationList';
import { useExplain } from './explain';
import { FactsPanel } from './FactsPanel';
import { useModelTexts } from './model';
import { LevelBadge, ProfileBadges } from './ProfileBadges';
import { TableScroll } from '../assets/TableScroll';

interface Props {
  version: ClassificationVersionView;
  model: ClassificationModelDefinition;
  asset: AssetDetailView | undefined;
}

/** A submitted or approved version as it stands: answers, levels and why, justifications. */
export function ClassificationReadOnly({ version, model, asset }: Props) {
  const { t } = useTranslation('classification');
  const texts = useModelTexts(model);
  const explain = useExplain(texts);
  const inheritedFrom = (a: AspectKey) => {
    const level = version.inherited?.levels[a];
    return level === null || level === undefined
      ? []
      : (version.inherited?.sets.filter((s) => s.levels[a] === level).map((s) => s.name) ?? []);
  };

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" data-testid="classification-result">
        <Text fw={700} mb={4}>
          {version.status === 'approved' ? t('readOnly.approvedProfile') : t('readOnly.proposedProfile')}
        </Text>
        <ProfileBadges profile={version.profile} model={model} size="lg" testId="version-profile" />
      </Paper>
      <FactsPanel version={version} asset={asset} model={model} derivation={version.derivation} texts={texts} />
      {texts.enabledAspects.map((aspect) => {
        const result = version.derivation.aspects[aspect];
        const answers = version.answers[aspect] ?? {};
        return (
          <Paper
            key={aspect}
            withBorder
            p="lg"
            radius="md"
            component="section"
            aria-labelledby={`ro-${aspect}-heading`}
            data-testid={`aspect-${aspect}`}
          >
            <Title order={2} size="h3" id={`ro-${aspect}-heading`} mb="sm">
              {t('questions.aspectHeading', { code: texts.code(aspect), name: texts.aspectName(aspect) })}
            </Title>
            <Stack gap="md">
              <TableScroll minWidth={520}>
                <Table>
                  <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
                    {t('readOnly.answersCaption', { name: texts.aspectName(aspect) })}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('readOnly.category')}</Table.Th>
                      <Table.Th scope="col">{t('readOnly.answer')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {model.categories.map((c) => {
                      const level = answers[c.key];
                      return (
                        <Table.Tr key={c.key}>
                          <Table.Th scope="row" fw={500}>
                            {texts.text(c.name)}
                          </Table.Th>
                          <Table.Td>{typeof level === 'number' ? texts.levelLabel(level) : t('questions.unanswered')}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </TableScroll>
              {result && (
                <div>
                  <Text fw={600} mb={4} component="div">
                    <LevelBadge aspect={aspect} level={result.final} texts={texts} /> {texts.levelName(result.final)}
                  </Text>
                  <ExplanationList
                    lines={explain.aspect(result, {
                      raiseReason: version.raises[aspect]?.reason,
                      typeName: version.facts.informationTypeName,
                      inheritedFrom: inheritedFrom(aspect),
                    })}
                  />
                </div>
              )}
              <div>
                <Title order={3} size="h5" mb={4}>
                  {t('readOnly.justification')}
                </Title>
                <Text style={{ whiteSpace: 'pre-wrap' }} data-testid={`justification-text-${aspect}`}>
                  {version.justifications[aspect] || t('readOnly.noJustification')}
                </Text>
              </div>
            </Stack>
          </Paper>
        );
      })}
      {(version.typeDeviationReason || version.notes) && (
        <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="ro-other-heading">
          <Title order={2} size="h3" id="ro-other-heading" mb="sm">
            {t('readOnly.other')}
          </Title>
          {version.typeDeviationReason && (
            <>
              <Title order={3} size="h5">
                {t('readOnly.typeDeviation')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} mb="sm">
                {version.typeDeviationReason}
              </Text>
            </>
          )}
          {version.notes && (
            <>
              <Title order={3} size="h5">
                {t('editor.notes')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{version.notes}</Text>
            </>
          )}
        </Paper>
      )}
    </Stack>
  );
}
