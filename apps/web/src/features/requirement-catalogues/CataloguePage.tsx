import { useMemo, useState } from 'react';
import { Accordion, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { annexAControls, aspectKeys, lawVocabulary, triggerVocabulary, type AspectKey, type RequirementReference } from '@tillit/core';
import type { RequirementListQuery, RequirementView } from '@tillit/core/modules/requirement-catalogues/schemas';
import { downloadFile } from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../components/QueryStates';
import { formatDate } from '../../lib/format';
import { cataloguesApi, useCatalogueVersion, useCatalogueVersions, useRequirements } from './api';

type Lang = 'sv' | 'en';
const text = (l: { sv: string; en?: string }, lang: Lang) => (lang === 'en' ? (l.en ?? l.sv) : l.sv);
const controlTitle = new Map(annexAControls.controls.map((c) => [c.control, c.title]));
const lawOf = new Map(lawVocabulary.laws.map((l) => [l.code, l]));

function referenceText(ref: RequirementReference, lang: Lang, controlLabel: (control: string, title: string) => string): string {
  if (ref.kind === 'iso27002') return controlLabel(ref.control, text(controlTitle.get(ref.control) ?? { sv: '' }, lang));
  if (ref.kind === 'other') return text(ref.text, lang);
  const law = lawOf.get(ref.law);
  const name = law ? `${text(law.short, lang)} (${law.designation})` : ref.law;
  return [name, ref.chapter && `${ref.chapter} kap.`, ref.section && `${ref.section} §`, ref.article && `art. ${ref.article}`]
    .filter(Boolean)
    .join(' ');
}

/** The organisation's requirement catalogues: pick a version, search and filter its requirements, read each in full. */
export function CataloguePage() {
  const { t, i18n } = useTranslation(['requirementCatalogues', 'common']);
  const lang: Lang = i18n.language === 'en' ? 'en' : 'sv';
  const versions = useCatalogueVersions();
  const [picked, setPicked] = useState<string | null>(null);
  const versionId = picked ?? versions.data?.find((v) => v.isLatest && v.catalogue === 'tillit-bas')?.id ?? versions.data?.[0]?.id ?? null;
  const version = useCatalogueVersion(versionId);
  const [q, setQ] = useState('');
  const [theme, setTheme] = useState<string | null>(null);
  const [aspect, setAspect] = useState<AspectKey | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const [trigger, setTrigger] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const query: RequirementListQuery = {
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(theme ? { theme } : {}),
    ...(aspect ? { aspect } : {}),
    ...(aspect && level ? { level: Number(level) } : {}),
    ...(trigger ? { trigger } : {}),
  };
  const requirements = useRequirements(versionId, query);
  const themeLabel = useMemo(() => new Map((version.data?.themes ?? []).map((x) => [x.code, text(x.label, lang)])), [version.data, lang]);
  const triggerLabel = new Map(triggerVocabulary.triggers.map((x) => [x.code, text(x.label, lang)]));

  async function download(format: 'json' | 'xlsx') {
    if (!version.data) return;
    setDownloadError(null);
    try {
      await downloadFile(cataloguesApi.exportPath(version.data.id, format), `${version.data.catalogue}-${version.data.version}.${format}`);
    } catch (e) {
      setDownloadError(e instanceof Error ? e.message : String(e));
    }
  }

  const appliesText = (r: RequirementView) => {
    const parts = aspectKeys.flatMap((a) =>
      typeof r.appliesAt[a] === 'number'
        ? [t('requirementCatalogues:levelFrom', { aspect: t(`requirementCatalogues:aspects.${a}`), level: String(r.appliesAt[a]) })]
        : [],
    );
    return parts.length ? parts.join(', ') : t('requirementCatalogues:always');
  };

  return (
    <>
      <PageHeader
        title={t('requirementCatalogues:title')}
        description={t('requirementCatalogues:intro')}
        actions={
          version.data && (
            <>
              <Button
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
                onClick={() => void download('xlsx')}
                data-testid="catalogue-export-xlsx"
              >
                {t('requirementCatalogues:exportXlsx')}
              </Button>
              <Button
                variant="default"
                leftSection={<IconDownload size={18} aria-hidden />}
                onClick={() => void download('json')}
                data-testid="catalogue-export-json"
              >
                {t('requirementCatalogues:exportJson')}
              </Button>
            </>
          )
        }
      />
      <FormAlert message={downloadError} />
      {versions.isPending ? (
        <LoadingState />
      ) : versions.error ? (
        <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
      ) : (
        <Stack>
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Select
                label={t('requirementCatalogues:version')}
                data={versions.data.map((v) => ({
                  value: v.id,
                  label: `${text(v.name, lang)} ${v.version}${v.isLatest ? ` (${t('requirementCatalogues:latest')})` : ''}`,
                }))}
                value={versionId}
                onChange={setPicked}
                allowDeselect={false}
                data-testid="catalogue-version"
              />
              {version.data && (
                <Text size="sm" c="dimmed">
                  {t(`requirementCatalogues:source.${version.data.source}`)} ·{' '}
                  {t('requirementCatalogues:published', { date: formatDate(version.data.publishedAt) })} ·{' '}
                  {t('requirementCatalogues:count', { count: version.data.requirementCount })} · {t('requirementCatalogues:formatHelp')}
                </Text>
              )}
            </Stack>
          </Paper>
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="catalogue-filters">
            <Title order={2} size="h4" id="catalogue-filters" mb="sm">
              {t('requirementCatalogues:filters')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
              <TextInput
                label={t('requirementCatalogues:search')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={q}
                onChange={(e) => setQ(e.currentTarget.value)}
                data-testid="catalogue-search"
              />
              <Select
                label={t('requirementCatalogues:theme')}
                placeholder={t('requirementCatalogues:allThemes')}
                data={(version.data?.themes ?? []).map((x) => ({ value: x.code, label: `${text(x.label, lang)} (${x.requirementCount})` }))}
                value={theme}
                onChange={setTheme}
                clearable
              />
              <Select
                label={t('requirementCatalogues:aspect')}
                placeholder={t('requirementCatalogues:anyAspect')}
                data={aspectKeys.map((a) => ({ value: a, label: t(`requirementCatalogues:aspects.${a}`) }))}
                value={aspect}
                onChange={(v) => setAspect(v as AspectKey | null)}
                clearable
              />
              <Select
                label={t('requirementCatalogues:level')}
                placeholder={t('requirementCatalogues:anyLevel')}
                data={['1', '2', '3']}
                value={level}
                onChange={setLevel}
                disabled={!aspect}
                clearable
              />
              <Select
                label={t('requirementCatalogues:trigger')}
                placeholder={t('requirementCatalogues:anyTrigger')}
                data={triggerVocabulary.triggers.map((x) => ({ value: x.code, label: text(x.label, lang) }))}
                value={trigger}
                onChange={setTrigger}
                clearable
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" radius="md">
            {requirements.isPending ? (
              <LoadingState />
            ) : requirements.error ? (
              <ErrorState error={requirements.error} onRetry={() => void requirements.refetch()} />
            ) : requirements.data.items.length === 0 ? (
              <EmptyState title={t('requirementCatalogues:none')} />
            ) : (
              <>
                <Text size="sm" mb="sm" aria-live="polite">
                  {t('requirementCatalogues:shown', { count: requirements.data.total })}
                </Text>
                <Accordion multiple variant="separated" data-testid="catalogue-requirements">
                  {requirements.data.items.map((r) => (
                    <Accordion.Item key={r.id} value={r.id}>
                      <Accordion.Control>
                        <Group gap="xs" wrap="wrap">
                          <Text fw={600} span>
                            {r.id}
                          </Text>
                          <Text span>{text(r.title, lang)}</Text>
                          <Badge variant="light">{themeLabel.get(r.theme) ?? r.theme}</Badge>
                        </Group>
                      </Accordion.Control>
                      <Accordion.Panel>
                        <Stack gap="xs">
                          <Field label={t('requirementCatalogues:statement')} value={text(r.statement, lang)} />
                          <Field label={t('requirementCatalogues:procurement')} value={text(r.procurement, lang)} />
                          <Field label={t('requirementCatalogues:guidance')} value={text(r.guidance, lang)} />
                          <Field label={t('requirementCatalogues:appliesAt')} value={appliesText(r)} />
                          {r.triggers.length > 0 && (
                            <Field
                              label={t('requirementCatalogues:triggers')}
                              value={r.triggers.map((x) => triggerLabel.get(x) ?? x).join(', ')}
                            />
                          )}
                          <Field
                            label={t('requirementCatalogues:references')}
                            value={r.references
                              .map((ref) =>
                                referenceText(ref, lang, (control, title) => t('requirementCatalogues:control', { control, title })),
                              )
                              .join('; ')}
                          />
                        </Stack>
                      </Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              </>
            )}
          </Paper>
        </Stack>
      )}
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
