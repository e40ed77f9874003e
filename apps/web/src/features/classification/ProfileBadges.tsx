import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AspectKey, Profile } from '@tillit/core';
import type { ClassificationModelDefinition } from '../../api';
import { levelColors, useModelTexts, type ModelTexts } from './model';

interface Props {
  profile: Profile | null | undefined;
  model: ClassificationModelDefinition | null | undefined;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
}

/**
 * A profile as K3 R2 T2 S2: one badge per enabled aspect, coloured by level. The text itself is the
 * profile (screen readers read "K3 R2 T2 S2"); the tooltip names the aspect and the level.
 */
export function ProfileBadges({ profile, model, size = 'md', testId = 'profile' }: Props) {
  const { t } = useTranslation('classification');
  const texts = useModelTexts(model);
  const label = texts.profileLabel(profile);
  if (!profile || !label) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId} data-profile="">
        {t('notClassified')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap" data-testid={testId} data-profile={label}>
      {texts.enabledAspects.map((aspect) => (
        <LevelBadge key={aspect} aspect={aspect} level={profile[aspect]} texts={texts} size={size} />
      ))}
    </Group>
  );
}

export function LevelBadge({
  aspect,
  level,
  texts,
  size = 'md',
}: {
  aspect: AspectKey;
  level: number | null | undefined;
  texts: ModelTexts;
  size?: 'sm' | 'md' | 'lg';
}) {
  const colors = levelColors(level, texts.levelCount);
  const value = level === null || level === undefined ? '–' : String(level);
  return (
    <Tooltip label={`${texts.aspectName(aspect)}: ${texts.levelLabel(level)}`} openDelay={300}>
      <Badge
        component="span"
        size={size}
        radius="sm"
        variant="outline"
        styles={{
          root: { background: colors.bg, color: colors.fg, borderColor: colors.border, fontVariantNumeric: 'tabular-nums', minWidth: 34 },
        }}
        data-aspect={aspect}
        data-level={level ?? ''}
      >
        {`${texts.code(aspect)}${value}`}
      </Badge>
    </Tooltip>
  );
}
