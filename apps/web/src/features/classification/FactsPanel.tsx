import type { ReactNode } from 'react';
import { Anchor, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView, ClassificationModelDefinition, ClassificationVersionView } from '../../api';
import { formatReference, type Derivation } from '@tillit/core';
import type { ModelTexts } from './model';
import { ProfileBadges } from './ProfileBadges';

interface Props {
  version: ClassificationVersionView;
  asset: AssetDetailView | undefined;
  model: ClassificationModelDefinition;
  derivation: Derivation | ClassificationVersionView['derivation'];
  texts: ModelTexts;
}

/** What the rules start from: personal data, the information type, legal minimums and inherited levels. */
export function FactsPanel({ version, asset, model, derivation, texts }: Props) {
  const { t } = useTranslation(['classification', 'assets']);
  const minimums = texts.enabledAspects.flatMap((a) => derivation.aspects[a]?.minimumReasons.map((m) => ({ aspect: a, ...m })) ?? []);
  const rows: [string, ReactNode][] = [[t('assets:fields.personalData'), t(`assets:personalData.${version.facts.personalData}`)]];
  if (asset) rows.push([t('assets:fields.thirdCountryTransfer'), t(`assets:thirdCountry.${asset.thirdCountryTransfer}`)]);
  // The facts of an information set that law attaches duties to, apart from the kind of personal data.
  const f = version.facts;
  const special = [
    f.secrecyChapter !== null && t('classification:facts.secrecy', { chapter: f.secrecyChapter }),
    f.protectedIdentity && t('classification:facts.protectedIdentity'),
    f.criminalOffenceData && t('classification:facts.criminalOffenceData'),
    f.securityProtection && t('classification:facts.securityProtection'),
  ].filter((x): x is string => Boolean(x));
  if (special.length)
    rows.push([
      t('classification:facts.legalFacts'),
      <span key="legal" data-testid="legal-facts">
        {special.join(' · ')}
      </span>,
    ]);
  if (version.facts.informationTypeName) {
    rows.push([
      t('assets:fields.informationType'),
      <Group key="type" gap="xs">
        <span>{version.facts.informationTypeName}</span>
        {version.facts.typeRecommended && (
          <ProfileBadges profile={version.facts.typeRecommended} model={model} size="sm" testId="type-recommended" />
        )}
      </Group>,
    ]);
  }
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="facts-heading" data-testid="classification-facts">
      <Title order={2} size="h3" id="facts-heading" mb="sm">
        {t('classification:facts.title')}
      </Title>
      <Stack gap="md">
        <dl className="facts-list">
          {rows.map(([label, value]) => (
            <div key={label} style={{ display: 'contents' }}>
              <Text component="dt" fw={600}>
                {label}
              </Text>
              <Text component="dd" m={0}>
                {value}
              </Text>
            </div>
          ))}
        </dl>
        {version.status !== 'approved' && (
          <Text size="sm" c="dimmed">
            {t('classification:facts.factsFromAsset')}{' '}
            <Anchor component={Link} underline="always" to={`/assets/${version.assetId}`}>
              {t('classification:facts.openAsset', { name: version.assetName })}
            </Anchor>
          </Text>
        )}
        {minimums.length > 0 && (
          <div>
            <Title order={3} size="h5" mb={4}>
              {t('classification:facts.minimums')}
            </Title>
            <List size="sm" spacing={4} data-testid="minimum-rules">
              {minimums.map((m) => (
                <List.Item key={`${m.aspect}-${m.ruleId}`} data-testid={`minimum-${m.ruleId}`}>
                  {t('classification:explain.minimum', { code: texts.code(m.aspect), level: m.level, reason: texts.text(m.reason) })}
                  {(m.references ?? []).length > 0 && (
                    <Text size="sm" c="dimmed" component="span" display="block">
                      {t('classification:explain.references', { refs: m.references.map(formatReference).join('; ') })}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {version.inherited && (
          <div data-testid="inherited-sets">
            <Title order={3} size="h5" mb={4}>
              {t('classification:facts.inherited')}
            </Title>
            {version.inherited.sets.length === 0 ? (
              <Text size="sm">{t('classification:facts.noSets')}</Text>
            ) : (
              <List size="sm" spacing={6}>
                {version.inherited.sets.map((s) => (
                  <List.Item key={s.id}>
                    <Group gap="xs">
                      <Anchor component={Link} to={`/assets/${s.id}`}>
                        {s.name}
                      </Anchor>
                      <ProfileBadges profile={s.levels} model={model} size="sm" testId="inherited-set-profile" />
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </div>
        )}
      </Stack>
    </Paper>
  );
}
