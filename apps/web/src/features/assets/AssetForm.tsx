import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Autocomplete, Button, Group, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  assetKinds,
  hostings,
  isApiError,
  lifecycles,
  personalDataKinds,
  thirdCountryTransfers,
  type AssetDetailView,
  type AssetKind,
  type Hosting,
  type Lifecycle,
  type PersonalDataKind,
  type ThirdCountryTransfer,
  type UnitView,
} from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { UnitSelect } from '../../components/UnitSelect';
import { useAccess } from '../../app/session';
import { useFormState } from '../../lib/useFormState';
import { parentLookup } from '../../lib/unitTree';
import { collectErrors, optionalTextError, requiredText, selectionError } from '../../lib/validation';
import { useUnits } from '../units/api';
import { useAssetFacets, useCreateAsset, useUpdateAsset } from './api';
import { DuplicateWarning } from './DuplicateWarning';
import { InformationTypeField } from './InformationTypeField';
import { PersonSelect } from '../../components/PersonSelect';
import { LegalFactsFields } from './LegalFactsFields';

interface Props {
  asset: AssetDetailView | null;
  defaultKind?: AssetKind;
  onCancel: () => void;
  onSaved: (asset: AssetDetailView) => void;
}

function initialValues(asset: AssetDetailView | null, defaultKind: AssetKind | undefined) {
  return {
    kind: (asset?.kind ?? defaultKind ?? null) as AssetKind | null,
    name: asset?.name ?? '',
    description: asset?.description ?? '',
    unitId: asset?.unitId ?? (null as string | null),
    informationOwnerId: asset?.informationOwner?.id ?? (null as string | null),
    systemOwnerId: asset?.systemOwner?.id ?? (null as string | null),
    systemStewardId: asset?.systemSteward?.id ?? (null as string | null),
    supplier: asset?.supplier ?? '',
    hosting: (asset?.hosting ?? null) as Hosting | null,
    thirdCountryTransfer: (asset?.thirdCountryTransfer ?? 'unknown') as ThirdCountryTransfer,
    thirdCountries: asset?.thirdCountries ?? ([] as string[]),
    essentialService: (asset?.essentialService ?? 'no') as 'yes' | 'no',
    personalData: (asset?.personalData ?? 'none') as PersonalDataKind,
    lifecycle: (asset?.lifecycle ?? 'in_use') as Lifecycle,
    externalId: asset?.externalId ?? '',
    tags: asset?.tags ?? ([] as string[]),
    informationTypeId: asset?.informationTypeId ?? (null as string | null),
    secrecyChapter: asset?.secrecyChapter ?? (null as number | null),
    protectedIdentity: asset?.protectedIdentity ?? false,
    criminalOffenceData: asset?.criminalOffenceData ?? false,
    securityProtection: asset?.securityProtection ?? false,
  };
}
type Values = ReturnType<typeof initialValues>;

export function AssetForm({ asset, defaultKind, onCancel, onSaved }: Props) {
  const { t } = useTranslation(['assets', 'common']);
  const access = useAccess();
  const units = useUnits(false);
  const facets = useAssetFacets();
  const create = useCreateAsset();
  const update = useUpdateAsset();
  const form = useFormState<Values>(initialValues(asset, defaultKind));
  const v = form.values;
  const unitList = useMemo(() => units.data ?? [], [units.data]);
  const parentOf = useMemo(() => parentLookup(unitList), [unitList]);
  const mayWriteOn = useMemo(() => (u: UnitView) => access.canOnUnit('asset.write', u.id, parentOf), [access, parentOf]);
  const isSet = v.kind === 'information_set';
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused submit, the first field with an error gets focus so the person hears what to fix.
  const [focusRequest, setFocusRequest] = useState(0);
  const focusFirstError = () => setFocusRequest((n) => n + 1);
  useEffect(() => {
    if (focusRequest) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors = collectErrors({
      kind: selectionError(v.kind),
      name: requiredText(v.name, 200),
      description: optionalTextError(v.description, 4000),
      unitId: selectionError(v.unitId),
      supplier: optionalTextError(v.supplier, 200),
      externalId: optionalTextError(v.externalId, 100),
    });
    form.setErrors(errors);
    if (Object.keys(errors).length) return focusFirstError();
    const body = {
      name: v.name.trim(),
      description: v.description.trim() || null,
      unitId: v.unitId!,
      informationOwnerId: v.informationOwnerId,
      systemOwnerId: v.systemOwnerId,
      systemStewardId: v.systemStewardId,
      supplier: v.supplier.trim() || null,
      hosting: v.hosting,
      thirdCountryTransfer: v.thirdCountryTransfer,
      thirdCountries: v.thirdCountryTransfer === 'yes' ? v.thirdCountries : [],
      essentialService: v.essentialService,
      personalData: v.personalData,
      lifecycle: v.lifecycle,
      externalId: v.externalId.trim() || null,
      tags: v.tags,
      ...(isSet ? { informationTypeId: v.informationTypeId } : {}),
      secrecyChapter: v.secrecyChapter,
      protectedIdentity: v.protectedIdentity,
      criminalOffenceData: v.criminalOffenceData,
      securityProtection: v.securityProtection,
    };
    const onError = (e: unknown) => {
      // Array fields report per entry (`tags.3`); the message belongs beside the whole field.
      if (isApiError(e)) {
        const byField: Record<string, string> = {};
        for (const [path, message] of Object.entries(e.fieldErrors)) byField[path.split('.')[0]!] ??= message;
        form.setErrors(byField);
        form.setFormError(e.message);
        focusFirstError();
      } else form.showError(e);
    };
    if (asset) update.mutate({ id: asset.id, body, version: asset.rowVersion }, { onSuccess: onSaved, onError });
    else create.mutate({ ...body, kind: v.kind! }, { onSuccess: onSaved, onError });
  }

  const select = <K extends 'hosting' | 'thirdCountryTransfer' | 'personalData' | 'lifecycle' | 'essentialService'>(
    key: K,
    values: readonly string[],
    labelOf: (value: string) => string,
    extra: { required?: boolean; clearable?: boolean } = {},
  ) => (
    <Select
      label={t(`assets:fields.${key}`)}
      description={t(`assets:help.${key}`)}
      data={values.map((value) => ({ value, label: labelOf(value) }))}
      value={v[key]}
      onChange={(value) => form.setValue(key, value as Values[K])}
      error={form.errors[key]}
      allowDeselect={Boolean(extra.clearable)}
      clearable={extra.clearable}
      clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t(`assets:fields.${key}`) }) }}
      required={extra.required}
      comboboxProps={{ withinPortal: true }}
      data-testid={`asset-${key}`}
    />
  );

  return (
    <form ref={formRef} onSubmit={submit} noValidate data-testid="asset-form">
      <Stack gap="lg">
        <FormAlert message={form.formError} />
        <Stack gap="sm" component="section" aria-labelledby="asset-form-basics">
          <Title order={3} size="h5" id="asset-form-basics">
            {t('assets:form.basics')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('assets:fields.kind')}
              description={asset ? t('assets:help.kindFixed') : t('assets:help.kind')}
              data={assetKinds.map((k) => ({ value: k, label: t(`assets:kinds.${k}`) }))}
              value={v.kind}
              onChange={(value) => form.setValue('kind', value as AssetKind | null)}
              error={form.errors.kind}
              disabled={Boolean(asset)}
              allowDeselect={false}
              required
              data-autofocus={!asset || undefined}
              data-testid="asset-kind"
            />
            <TextInput
              label={t('assets:fields.name')}
              description={t('assets:help.name')}
              value={v.name}
              onChange={(e) => form.setValue('name', e.currentTarget.value)}
              error={form.errors.name}
              required
              data-testid="asset-name"
            />
          </SimpleGrid>
          {!asset && <DuplicateWarning kind={v.kind} unitId={v.unitId} name={v.name} />}
          <Textarea
            label={t('assets:fields.description')}
            description={t('assets:help.description')}
            value={v.description}
            onChange={(e) => form.setValue('description', e.currentTarget.value)}
            error={form.errors.description}
            autosize
            minRows={2}
            maxRows={8}
            data-testid="asset-description"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <UnitSelect
              label={t('assets:fields.unit')}
              description={t('assets:help.unit')}
              units={unitList}
              allow={mayWriteOn}
              value={v.unitId}
              onChange={(value) => form.setValue('unitId', value)}
              error={form.errors.unitId}
              required
              data-testid="asset-unit"
            />
            {select('lifecycle', lifecycles, (x) => t(`assets:lifecycles.${x as Lifecycle}`), { required: true })}
            <TextInput
              label={t('assets:fields.externalId')}
              description={t('assets:help.externalId')}
              value={v.externalId}
              onChange={(e) => form.setValue('externalId', e.currentTarget.value)}
              error={form.errors.externalId}
              data-testid="asset-external-id"
            />
            <TagsInput
              label={t('assets:fields.tags')}
              description={t('assets:help.tags')}
              data={facets.data?.tags ?? []}
              value={v.tags}
              onChange={(value) => form.setValue('tags', value)}
              error={form.errors.tags}
              clearable
              clearButtonProps={{ 'aria-label': t('common:actions.clearField', { label: t('assets:fields.tags') }) }}
              comboboxProps={{ withinPortal: true }}
              data-testid="asset-tags"
            />
            {select('essentialService', ['no', 'yes'], (x) => t(`assets:essentialService.${x as 'yes' | 'no'}`), { required: true })}
          </SimpleGrid>
        </Stack>

        {isSet && (
          <InformationTypeField
            value={v.informationTypeId}
            error={form.errors.informationTypeId}
            onChange={(id, type) => {
              form.setValue('informationTypeId', id);
              // "Starta från typ": a new set takes the type's name, description and personal data when still empty.
              if (type && !asset) {
                if (!v.name.trim()) form.setValue('name', type.name);
                if (!v.description.trim() && type.description) form.setValue('description', type.description);
                if (v.personalData === 'none') form.setValue('personalData', type.personalData);
              }
            }}
          />
        )}

        <Stack gap="sm" component="section" aria-labelledby="asset-form-people">
          <Title order={3} size="h5" id="asset-form-people">
            {t('assets:form.people')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {(['informationOwnerId', 'systemOwnerId', 'systemStewardId'] as const).map((key) => (
              <PersonSelect
                key={key}
                label={t(`assets:fields.${key}`)}
                description={t(`assets:help.${key}`)}
                value={v[key]}
                known={
                  asset
                    ? {
                        informationOwnerId: asset.informationOwner,
                        systemOwnerId: asset.systemOwner,
                        systemStewardId: asset.systemSteward,
                      }[key]
                    : null
                }
                onChange={(value) => form.setValue(key, value)}
                error={form.errors[key]}
                data-testid={`asset-${key}`}
              />
            ))}
          </SimpleGrid>
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="asset-form-data">
          <Title order={3} size="h5" id="asset-form-data">
            {t('assets:form.data')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {select('personalData', personalDataKinds, (x) => t(`assets:personalData.${x as PersonalDataKind}`), { required: true })}
            {select('thirdCountryTransfer', thirdCountryTransfers, (x) => t(`assets:thirdCountry.${x as ThirdCountryTransfer}`), {
              required: true,
            })}
            {v.thirdCountryTransfer === 'yes' && (
              <TagsInput
                label={t('assets:fields.thirdCountries')}
                description={t('assets:help.thirdCountries')}
                data={facets.data?.thirdCountries ?? []}
                value={v.thirdCountries}
                onChange={(value) => form.setValue('thirdCountries', value)}
                error={form.errors.thirdCountries}
                comboboxProps={{ withinPortal: true }}
                data-testid="asset-third-countries"
              />
            )}
          </SimpleGrid>
        </Stack>

        <LegalFactsFields
          value={v}
          onChange={(change) => {
            for (const [key, value] of Object.entries(change)) form.setValue(key as keyof typeof change, value as never);
          }}
          error={form.errors.secrecyChapter}
        />

        {!isSet && (
          <Stack gap="sm" component="section" aria-labelledby="asset-form-operation">
            <Title order={3} size="h5" id="asset-form-operation">
              {t('assets:form.operation')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Autocomplete
                label={t('assets:fields.supplier')}
                description={t('assets:help.supplier')}
                data={facets.data?.suppliers ?? []}
                value={v.supplier}
                onChange={(value) => form.setValue('supplier', value)}
                error={form.errors.supplier}
                comboboxProps={{ withinPortal: true }}
                data-testid="asset-supplier"
              />
              {select('hosting', hostings, (x) => t(`assets:hostings.${x as Hosting}`), { clearable: true })}
            </SimpleGrid>
          </Stack>
        )}

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="asset-submit">
            {asset ? t('common:actions.saveChanges') : t('assets:form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
