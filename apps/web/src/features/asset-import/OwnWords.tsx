import { useState } from 'react';
import { ActionIcon, Button, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  assetKinds,
  hostings,
  isApiError,
  lifecycles,
  personalDataKinds,
  thirdCountryTransfers,
  type AssetKind,
  type Hosting,
  type ImportWordBody,
  type Lifecycle,
  type PersonalDataKind,
  type ThirdCountryTransfer,
} from '../../api';
import { FormAlert } from '../../components/FormAlert';
import { LoadingState } from '../../components/QueryStates';
import { TableScroll } from '../assets/TableScroll';
import { useAddImportWord, useImportWords, useRemoveImportWord } from './api';

type WordField = ImportWordBody['field'];

/** Each field the vocabulary reads and its values. */
const FIELDS: { field: WordField; codes: readonly string[] }[] = [
  { field: 'hosting', codes: hostings },
  { field: 'personalData', codes: personalDataKinds },
  { field: 'thirdCountryTransfer', codes: thirdCountryTransfers },
  { field: 'lifecycle', codes: lifecycles },
  { field: 'kind', codes: assetKinds },
];

/**
 * The organisation's own words for the import's values (issue 9 item 10), e.g. "Vårt serverrum" for
 * own operation: the dry run reads them beside Tillit's words. Changing them takes the import
 * permission on the whole organisation; the server says so when it is missing.
 */
export function OwnWords() {
  const { t } = useTranslation(['assetImport', 'assets']);
  const words = useImportWords();
  const add = useAddImportWord();
  const remove = useRemoveImportWord();
  const [field, setField] = useState<WordField>('hosting');
  const [code, setCode] = useState<string | null>(null);
  const [word, setWord] = useState('');
  const current = FIELDS.find((f) => f.field === field)!;
  /** A value's Swedish label, as the asset form shows it (never the code). */
  const valueLabel = (f: string, c: string): string => {
    switch (f) {
      case 'hosting':
        return t(`assets:hostings.${c as Hosting}`);
      case 'personalData':
        return t(`assets:personalData.${c as PersonalDataKind}`);
      case 'thirdCountryTransfer':
        return t(`assets:thirdCountry.${c as ThirdCountryTransfer}`);
      case 'lifecycle':
        return t(`assets:lifecycles.${c as Lifecycle}`);
      default:
        return t(`assets:kinds.${c as AssetKind}`);
    }
  };
  const fieldErrors: Record<string, string> = isApiError(add.error) ? add.error.fieldErrors : {};

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!code || !word.trim()) return;
    add.mutate(
      { field, code, word },
      {
        onSuccess: () => {
          setWord('');
          setCode(null);
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" mt="lg" component="section" aria-labelledby="own-words-heading" data-testid="own-words">
      <Stack gap="sm">
        <Title order={2} size="h3" id="own-words-heading">
          {t('words.title')}
        </Title>
        <Text size="sm">{t('words.intro')}</Text>
        {words.isPending ? (
          <LoadingState />
        ) : words.data?.items.length ? (
          <TableScroll minWidth={480}>
            <Table>
              <Table.Caption>{t('words.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('words.word')}</Table.Th>
                  <Table.Th>{t('words.field')}</Table.Th>
                  <Table.Th>{t('words.value')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('words.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {words.data.items.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>{w.word}</Table.Td>
                    <Table.Td>{t(`assetImport:fields.${w.field}`)}</Table.Td>
                    <Table.Td>{valueLabel(w.field, w.code)}</Table.Td>
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('words.remove', { word: w.word })}
                        loading={remove.isPending && remove.variables === w.id}
                        onClick={() => remove.mutate(w.id)}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : (
          <Text size="sm" c="dimmed">
            {t('words.none')}
          </Text>
        )}
        <FormAlert message={remove.error instanceof Error ? remove.error.message : null} />
        <form onSubmit={submit} aria-labelledby="own-words-heading">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('words.word')}
              description={t('words.wordHint')}
              value={word}
              onChange={(e) => setWord(e.currentTarget.value)}
              maxLength={100}
              required
              error={fieldErrors.word}
              data-testid="own-word"
            />
            <Select
              label={t('words.field')}
              data={FIELDS.map((f) => ({ value: f.field, label: t(`assetImport:fields.${f.field}`) }))}
              value={field}
              onChange={(v) => {
                if (v) {
                  setField(v as WordField);
                  setCode(null);
                }
              }}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="own-word-field"
            />
            <Select
              label={t('words.value')}
              data={current.codes.map((c) => ({ value: c, label: valueLabel(field, c) }))}
              value={code}
              onChange={setCode}
              required
              error={fieldErrors.code}
              comboboxProps={{ withinPortal: true }}
              data-testid="own-word-value"
            />
          </SimpleGrid>
          <FormAlert message={add.error instanceof Error && !Object.keys(fieldErrors).length ? add.error.message : null} />
          <Button type="submit" mt="sm" loading={add.isPending} disabled={!code || !word.trim()} data-testid="own-word-add">
            {t('words.add')}
          </Button>
        </form>
      </Stack>
    </Paper>
  );
}
