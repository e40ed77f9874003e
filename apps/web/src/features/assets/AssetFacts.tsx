import type { ReactNode } from 'react';
import { Anchor, Group, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView } from '../../api';
import { formatDateTime } from '../../lib/format';
import { assetListLink } from './filters';

/** The asset's registered facts as a description list. */
export function AssetFacts({ asset }: { asset: AssetDetailView }) {
  const { t } = useTranslation(['assets', 'common']);
  const none = (
    <Text component="span" c="dimmed">
      {t('assets:detail.notGiven')}
    </Text>
  );
  const person = (p: AssetDetailView['informationOwner']) => p?.name ?? none;
  const rows: [string, ReactNode][] = [
    [t('assets:fields.kind'), t(`assets:kinds.${asset.kind}`)],
    [t('assets:fields.description'), asset.description ? <span style={{ whiteSpace: 'pre-wrap' }}>{asset.description}</span> : none],
    [t('assets:fields.unit'), asset.unitName],
    [t('assets:fields.informationOwnerId'), person(asset.informationOwner)],
    [t('assets:fields.systemOwnerId'), person(asset.systemOwner)],
    [t('assets:fields.systemStewardId'), person(asset.systemSteward)],
    [t('assets:fields.lifecycle'), t(`assets:lifecycles.${asset.lifecycle}`)],
    [t('assets:fields.personalData'), t(`assets:personalData.${asset.personalData}`)],
    [
      t('assets:fields.thirdCountryTransfer'),
      asset.thirdCountryTransfer === 'yes' && asset.thirdCountries.length
        ? t('assets:detail.thirdCountriesList', { countries: asset.thirdCountries.join(', ') })
        : t(`assets:thirdCountry.${asset.thirdCountryTransfer}`),
    ],
  ];
  if (asset.kind === 'information_set') {
    rows.push([t('assets:fields.informationType'), asset.informationTypeName ?? none]);
  } else {
    rows.push([
      t('assets:fields.supplier'),
      asset.supplier ? (
        <Anchor component={Link} to={assetListLink({ supplier: asset.supplier })}>
          {asset.supplier}
        </Anchor>
      ) : (
        none
      ),
    ]);
    rows.push([t('assets:fields.hosting'), asset.hosting ? t(`assets:hostings.${asset.hosting}`) : none]);
  }
  rows.push([t('assets:fields.externalId'), asset.externalId ?? none]);
  rows.push([
    t('assets:fields.tags'),
    asset.tags.length ? (
      <Group gap="xs" component="span">
        {asset.tags.map((tag) => (
          <Anchor key={tag} component={Link} to={assetListLink({ tag })}>
            {tag}
          </Anchor>
        ))}
      </Group>
    ) : (
      none
    ),
  ]);
  rows.push([t('assets:detail.updated'), formatDateTime(asset.updatedAt)]);

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="asset-facts-heading">
      <Title order={2} size="h3" id="asset-facts-heading" mb="sm">
        {t('assets:detail.facts')}
      </Title>
      <dl className="facts-list" data-testid="asset-facts">
        {rows.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <Text component="dt" fw={600}>
              {label}
            </Text>
            <Text component="dd" m={0} style={{ wordBreak: 'break-word' }}>
              {value}
            </Text>
          </div>
        ))}
      </dl>
    </Paper>
  );
}
