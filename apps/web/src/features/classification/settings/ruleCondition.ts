import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassificationModelDefinition, PersonalDataKind, ThirdCountryTransfer } from '../../../api';

type Rule = ClassificationModelDefinition['minimumRules'][number];

/** A legal floor's condition in words ("Personuppgifter: Patientuppgifter och …"), for the model's view and editor alike. */
export function useRuleCondition() {
  const { t } = useTranslation(['classification', 'assets']);
  return useCallback(
    (r: Rule) =>
      [
        r.when.personalData &&
          t('classification:model.when.personalData', {
            values: r.when.personalData.map((p) => t(`assets:personalData.${p as PersonalDataKind}`)).join(', '),
          }),
        r.when.thirdCountryTransfer &&
          t('classification:model.when.thirdCountry', {
            values: r.when.thirdCountryTransfer.map((v) => t(`assets:thirdCountry.${v as ThirdCountryTransfer}`)).join(', '),
          }),
        r.when.secrecy && t('classification:facts.secrecyAny'),
        r.when.secrecyChapters && t('classification:model.when.secrecyChapters', { chapters: r.when.secrecyChapters.join(', ') }),
        r.when.protectedIdentity && t('classification:facts.protectedIdentity'),
        r.when.criminalOffenceData && t('classification:facts.criminalOffenceData'),
        r.when.securityProtection && t('classification:facts.securityProtectionShort'),
      ]
        .filter(Boolean)
        .join(t('classification:model.when.and')),
    [t],
  );
}
