import { useTranslation } from 'react-i18next';
import type { AssetDetailView, AssetKind } from '../../api';
import { AppModal } from '../../components/AppModal';
import { AssetForm } from './AssetForm';

interface Props {
  opened: boolean;
  formKey: number;
  onClose: () => void;
  onSaved: (asset: AssetDetailView) => void;
  /** Editing this asset; without it a new one is registered. */
  asset?: AssetDetailView | null;
  defaultKind?: AssetKind;
}

export function AssetFormModal({ opened, formKey, onClose, onSaved, asset, defaultKind }: Props) {
  const { t } = useTranslation('assets');
  return (
    <AppModal opened={opened} onClose={onClose} title={asset ? t('form.editTitle', { name: asset.name }) : t('form.createTitle')} size="xl">
      <AssetForm key={formKey} asset={asset ?? null} defaultKind={defaultKind} onCancel={onClose} onSaved={onSaved} />
    </AppModal>
  );
}
