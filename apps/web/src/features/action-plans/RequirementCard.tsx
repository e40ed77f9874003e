import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanRequirementView } from '@tillit/core/modules/action-plans/schemas';
import { assessmentStatuses } from '@tillit/core/modules/action-plans/rules';
import { FormAlert } from '../../components/FormAlert';
import { isApiError } from '../../api/client';
import { formatDate } from '../../lib/format';
import { useAddLink, useAssess, plansApi } from './api';
import { GapMeasureModal } from './GapMeasureModal';

/** One requirement: its ÄR text and guidance, the self-assessment form, evidence, coverage and measures. */
export function RequirementCard({ requirement: r, editable }: { requirement: PlanRequirementView; editable: boolean }) {
  const { t } = useTranslation(['actionPlans', 'common']);
  const assess = useAssess();
  const addLink = useAddLink();
  const [status, setStatus] = useState<string | null>(r.status);
  const [how, setHow] = useState(r.how ?? '');
  const [comment, setComment] = useState(r.comment ?? '');
  const [naReason, setNaReason] = useState(r.naReason ?? '');
  const [linkTitle, setLinkTitle] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [measureOpen, setMeasureOpen] = useState(false);
  const fieldErrors = isApiError(assess.error) ? assess.error.fieldErrors : {};
  const gap = r.status === 'not_met' || r.status === 'partly_met';
  const prefix = `req-${r.key}`;

  function save() {
    assess.mutate({
      requirementId: r.id,
      version: r.rowVersion,
      body: {
        status: (status as PlanRequirementView['status']) ?? null,
        how: how || null,
        comment: comment || null,
        naReason: status === 'not_applicable' ? naReason || null : null,
      },
    });
  }

  return (
    <Paper withBorder p="md" data-testid={prefix} id={`requirement-${r.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600} component="h3" m={0}>
            {r.key} {r.title}
          </Text>
          <Group gap={4}>
            {r.change && r.change !== 'unchanged' && (
              <Badge color={r.change === 'added' ? 'blue.9' : 'indigo.9'} variant="outline">
                {t(`req.change.${r.change}`)}
              </Badge>
            )}
            <Badge
              variant="outline"
              color={r.status === 'met' ? 'teal.9' : r.status === 'not_met' ? 'red.9' : r.status === 'partly_met' ? 'grape.9' : 'dark.6'}
              data-testid={`${prefix}-status`}
            >
              {t(`status.${r.status ?? 'none'}`)}
            </Badge>
          </Group>
        </Group>
        <Text>{r.text}</Text>
        {r.guidance && (
          <Text size="sm" c="dimmed">
            {t('req.guidance')}: {r.guidance}
          </Text>
        )}
        {r.references.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('req.references')}: {r.references.join('; ')}
          </Text>
        )}
        {r.previous && (
          <Paper bg="var(--mantine-color-gray-0)" p="xs">
            <Text size="sm">{t('req.previous', { status: t(`status.${r.previous.status ?? 'none'}`) })}</Text>
            {r.previous.how && <Text size="sm">{t('req.previousHow', { how: r.previous.how })}</Text>}
            {r.previous.text && <Text size="sm">{t('req.previousText', { text: r.previous.text })}</Text>}
          </Paper>
        )}
        {r.assessedBy && <Text size="xs">{t('req.assessed', { name: r.assessedBy.name, date: formatDate(r.assessedAt) })}</Text>}
        {r.stale && (
          <Text size="sm" c="orange.9">
            {t('req.stale')}
          </Text>
        )}
        {r.coveredBy.length > 0 && (
          <Text size="sm">
            {t('req.coveredBy')}: {r.coveredBy.map((c) => `${c.assetName} (${t(`status.${c.status ?? 'none'}`)})`).join(', ')}
          </Text>
        )}
        {editable && (
          <>
            <Radio.Group label={t('req.status')} value={status ?? ''} onChange={setStatus} name={`${prefix}-status-input`}>
              <Group gap="md" mt={4} wrap="wrap">
                {assessmentStatuses.map((s) => (
                  <Radio key={s} value={s} label={t(`status.${s}`)} data-testid={`${prefix}-${s}`} />
                ))}
              </Group>
            </Radio.Group>
            {status === 'not_applicable' && (
              <Textarea
                label={t('req.naReason')}
                value={naReason}
                onChange={(e) => setNaReason(e.currentTarget.value)}
                error={fieldErrors.naReason}
                required
                autosize
                minRows={1}
                data-testid={`${prefix}-na-reason`}
              />
            )}
            <Textarea
              label={t('req.how')}
              value={how}
              onChange={(e) => setHow(e.currentTarget.value)}
              autosize
              minRows={2}
              data-testid={`${prefix}-how`}
            />
            <Textarea label={t('req.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={1} />
            <FormAlert message={assess.error && !fieldErrors.naReason ? assess.error.message : null} />
            <Group gap="sm">
              <Button onClick={save} loading={assess.isPending} data-testid={`${prefix}-save`}>
                {t('req.save')}
              </Button>
              {assess.isSuccess && (
                <Text size="sm" role="status">
                  {t('req.saved')}
                </Text>
              )}
              {gap && (
                <Button variant="light" onClick={() => setMeasureOpen(true)} data-testid={`${prefix}-create-measure`}>
                  {t('req.createMeasure')}
                </Button>
              )}
            </Group>
          </>
        )}
        <Text size="sm" fw={600}>
          {t('req.evidence')}
        </Text>
        <ul style={{ margin: 0 }}>
          {r.evidence.map((e) => (
            <li key={e.id}>
              <Anchor
                href={e.kind === 'link' ? (e.url ?? undefined) : plansApi.fileUrl(e.id)}
                target={e.kind === 'link' ? '_blank' : undefined}
                rel="noreferrer"
              >
                {e.title}
              </Anchor>
            </li>
          ))}
        </ul>
        {editable && (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <TextInput label={t('req.linkTitle')} value={linkTitle} onChange={(e) => setLinkTitle(e.currentTarget.value)} />
            <TextInput label={t('req.linkUrl')} type="url" value={linkUrl} onChange={(e) => setLinkUrl(e.currentTarget.value)} />
            <Button
              variant="default"
              disabled={!linkTitle || !linkUrl}
              loading={addLink.isPending}
              onClick={() =>
                addLink.mutate(
                  { requirementId: r.id, body: { title: linkTitle, url: linkUrl } },
                  {
                    onSuccess: () => {
                      setLinkTitle('');
                      setLinkUrl('');
                    },
                  },
                )
              }
            >
              {t('req.addLink')}
            </Button>
          </Group>
        )}
        <FormAlert message={addLink.error?.message} />
        {r.measures.length > 0 && (
          <>
            <Text size="sm" fw={600}>
              {t('req.measures')}
            </Text>
            <ul style={{ margin: 0 }} data-testid={`${prefix}-measures`}>
              {r.measures.map((m) => (
                <li key={m.id}>
                  <Anchor component={Link} to={`/measures/${m.id}`}>
                    {m.title}
                  </Anchor>{' '}
                  ({formatDate(m.dueDate)})
                </li>
              ))}
            </ul>
          </>
        )}
      </Stack>
      {measureOpen && <GapMeasureModal requirement={r} onClose={() => setMeasureOpen(false)} />}
    </Paper>
  );
}
