import { Anchor, Button, Group, Paper, Text, VisuallyHidden } from '@mantine/core';
import { IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../api';
import { formatDateTime } from '../../lib/format';
import type { ModelTexts } from './model';
import { ProfileBadges } from './ProfileBadges';
import type { SaveState } from './useClassificationDraft';

interface Props {
  profile: Profile;
  model: ClassificationModelDefinition;
  texts: ModelTexts;
  saveState: SaveState;
  onSave: () => void;
  onSubmit: () => void;
  submitting: boolean;
}

/** Stays at the top while answering: the proposed profile, save status, and the way to submit. */
export function ProfileSummary({ profile, model, texts, saveState, onSave, onSubmit, submitting }: Props) {
  const { t } = useTranslation('classification');
  const label = texts.profileLabel(profile);
  const status =
    saveState.state === 'saving'
      ? t('save.saving')
      : saveState.state === 'pending'
        ? t('save.pending')
        : saveState.state === 'error'
          ? t('save.error', { message: saveState.error ?? '' })
          : saveState.state === 'saved' && saveState.at
            ? t('save.saved', { time: formatDateTime(saveState.at.toISOString()) })
            : t('save.auto');
  return (
    <Paper withBorder shadow="sm" p="sm" radius="md" className="classification-summary" data-testid="classification-summary">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <Text fw={700}>{t('editor.proposed')}</Text>
          <ProfileBadges profile={profile} model={model} size="lg" testId="proposed-profile" />
          {/* Screen readers hear the new profile when an answer changes it. */}
          <VisuallyHidden aria-live="polite" aria-atomic>
            {label ? t('editor.proposedLive', { profile: label }) : ''}
          </VisuallyHidden>
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text
            size="sm"
            c={saveState.state === 'error' ? 'red.8' : 'dimmed'}
            role={saveState.state === 'error' ? 'alert' : undefined}
            data-testid="save-status"
            data-state={saveState.state}
          >
            {status}
          </Text>
          <Button
            variant="default"
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            onClick={onSave}
            loading={saveState.state === 'saving'}
            data-testid="save-classification"
          >
            {t('save.now')}
          </Button>
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={onSubmit}
            loading={submitting}
            data-testid="submit-classification"
          >
            {t('editor.submit')}
          </Button>
        </Group>
      </Group>
      <Group gap="md" mt={6} component="nav" aria-label={t('editor.jump')}>
        {texts.enabledAspects.map((a) => (
          <Anchor key={a} href={`#aspect-${a}`} size="sm">
            {t('questions.aspectHeading', { code: texts.code(a), name: texts.aspectName(a) })}
          </Anchor>
        ))}
      </Group>
    </Paper>
  );
}
