import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AssetDetailView } from '../../api';
import { PersonSelect } from '../../components/PersonSelect';
import { FormAlert } from '../../components/FormAlert';
import { useSession } from '../../app/session';
import { useSetDecisionDelegate } from './api';

/**
 * For the asset's information owner only: the person who may decide its classifications on her
 * behalf. Delegation is explicit and recorded (audited); nobody else sees the field.
 */
export function DecisionDelegateField({ asset }: { asset: AssetDetailView }) {
  const { t } = useTranslation('classification');
  const session = useSession();
  const set = useSetDecisionDelegate();
  if (!asset.informationOwner || asset.informationOwner.id !== session.user.id) return null;
  return (
    <Stack gap={4} data-testid="decision-delegate">
      <PersonSelect
        label={t('decision.delegateLabel')}
        description={t('decision.delegateHint')}
        value={asset.decisionDelegateId}
        known={null}
        onChange={(delegateId) => set.mutate({ assetId: asset.id, delegateId })}
        w={{ base: '100%', sm: 360 }}
        data-testid="decision-delegate-select"
      />
      {set.isSuccess && (
        <Text size="sm" role="status">
          {t('decision.delegateSaved')}
        </Text>
      )}
      <FormAlert message={set.error instanceof Error ? set.error.message : null} />
    </Stack>
  );
}
