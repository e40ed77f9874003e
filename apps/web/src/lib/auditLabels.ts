import { useCallback, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, queryKeys, type AuditVocabularyView } from '../api';

type Entry = AuditVocabularyView['actions'][number];

/**
 * The audit vocabulary as the server declares it (each module contributes its event types), so
 * the web keeps no list of codes or labels of its own. It changes only with a new version of
 * Tillit, so it is fetched once per visit.
 */
export function useAuditVocabulary(enabled = true) {
  return useQuery({ queryKey: queryKeys.audit.vocabulary, queryFn: () => api.audit.vocabulary(), staleTime: Infinity, enabled });
}

/** Labels of actions and entity types in the interface language; empty until the vocabulary has arrived, never a code. */
export function useAuditLabels(enabled = true) {
  const { i18n } = useTranslation();
  const vocabulary = useAuditVocabulary(enabled);
  const locale = i18n.language === 'en' ? 'en' : 'sv';
  const maps = useMemo(() => {
    const toMap = (entries: Entry[] | undefined) => new Map((entries ?? []).map((e) => [e.code, e.label[locale]]));
    return { actions: toMap(vocabulary.data?.actions), entityTypes: toMap(vocabulary.data?.entityTypes) };
  }, [vocabulary.data, locale]);
  const actionLabel = useCallback((action: string) => maps.actions.get(action) ?? '', [maps]);
  const entityTypeLabel = useCallback((entityType: string) => maps.entityTypes.get(entityType) ?? '', [maps]);
  const options = useCallback(
    (entries: Entry[] | undefined) =>
      (entries ?? []).map((e) => ({ value: e.code, label: e.label[locale] })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  return {
    actionLabel,
    entityTypeLabel,
    actionOptions: options(vocabulary.data?.actions),
    entityTypeOptions: options(vocabulary.data?.entityTypes),
  };
}
