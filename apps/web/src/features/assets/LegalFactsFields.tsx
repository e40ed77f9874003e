import { Checkbox, NumberInput, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface LegalFacts {
  secrecyChapter: number | null;
  protectedIdentity: boolean;
  criminalOffenceData: boolean;
  securityProtection: boolean;
}

/**
 * The facts of an information set that law attaches duties to, apart from the kind of personal
 * data: secrecy under OSL (with its chapter), protected personal details, criminal-offence data
 * (GDPR art. 10) and säkerhetsskydd — the only fact that opens level 4.
 */
export function LegalFactsFields({
  value,
  onChange,
  error,
}: {
  value: LegalFacts;
  onChange: (change: Partial<LegalFacts>) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('classification');
  return (
    <Stack gap="sm" component="section" aria-labelledby="asset-form-legal" data-testid="asset-legal-facts">
      <Title order={3} size="h5" id="asset-form-legal">
        {t('facts.legalFacts')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('facts.legalFactsHint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Checkbox
          label={t('facts.secrecyAny')}
          checked={value.secrecyChapter !== null}
          onChange={(e) => onChange({ secrecyChapter: e.currentTarget.checked ? 25 : null })}
          data-testid="asset-secrecy"
        />
        {value.secrecyChapter !== null && (
          <NumberInput
            label={t('facts.secrecyChapter')}
            description={t('facts.secrecyChapterHint')}
            min={1}
            max={50}
            allowDecimal={false}
            value={value.secrecyChapter}
            onChange={(v) => onChange({ secrecyChapter: typeof v === 'number' ? v : null })}
            error={error}
            data-testid="asset-secrecy-chapter"
          />
        )}
        <Checkbox
          label={t('facts.protectedIdentity')}
          checked={value.protectedIdentity}
          onChange={(e) => onChange({ protectedIdentity: e.currentTarget.checked })}
          data-testid="asset-protected-identity"
        />
        <Checkbox
          label={t('facts.criminalOffenceData')}
          checked={value.criminalOffenceData}
          onChange={(e) => onChange({ criminalOffenceData: e.currentTarget.checked })}
          data-testid="asset-criminal-offence-data"
        />
        <Checkbox
          label={t('facts.securityProtectionShort')}
          description={t('facts.securityProtectionHint')}
          checked={value.securityProtection}
          onChange={(e) => onChange({ securityProtection: e.currentTarget.checked })}
          data-testid="asset-security-protection"
        />
      </SimpleGrid>
    </Stack>
  );
}
