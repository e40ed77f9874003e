import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AspectKey } from '@tillit/core';
import type { ModelTexts } from './model';

export interface IssueLike {
  path: (string | number)[];
  code: string;
  params?: Record<string, number | string>;
}

const knownCodes = [
  'aspect_unclassified',
  'category_unassessed',
  'justification_required',
  'type_deviation_reason_required',
  'level_below_derived',
  'raise_reason_required',
  'level_out_of_range',
  'level_requires_security_protection',
  'unknown_category',
] as const;
type KnownCode = (typeof knownCodes)[number];

/** Where on the page an issue is fixed: the id of the field or section. */
export function issueTarget(issue: IssueLike): string {
  const [head, aspect, rest] = issue.path.map(String);
  if (head === 'justifications') return `justification-${aspect}`;
  if (head === 'raises') return rest === 'reason' ? `raise-reason-${aspect}` : `raise-level-${aspect}`;
  if (head === 'typeDeviationReason') return 'type-deviation-reason';
  if (head === 'answers' && aspect) return rest ? `question-${aspect}-${rest}` : `aspect-${aspect}`;
  return 'classification-questions';
}

/** An issue from `submissionIssues()` or the server, in words that say what to do. */
export function useIssueText(texts: ModelTexts) {
  const { t } = useTranslation('classification');
  return useCallback(
    (issue: IssueLike) => {
      const aspect = issue.path[1] as AspectKey | undefined;
      const name = aspect && ['C', 'I', 'A', 'T'].includes(aspect) ? texts.aspectName(aspect) : '';
      const code = (knownCodes as readonly string[]).includes(issue.code) ? (issue.code as KnownCode) : null;
      if (!code) return t('issues.other', { code: issue.code });
      return t(`issues.${code}`, {
        aspect: name,
        level: issue.params?.fromLevel !== undefined ? texts.levelLabel(Number(issue.params.fromLevel)) : '',
        derived: issue.params?.derived !== undefined ? texts.levelLabel(Number(issue.params.derived)) : '',
        max: issue.params?.max ?? '',
        category: issue.code === 'category_unassessed' ? texts.categoryName(String(issue.path[2])) : '',
      });
    },
    [t, texts],
  );
}

/** Issues keyed by the field they belong to, for showing each beside its field. */
export function issuesByTarget(issues: IssueLike[]): Map<string, IssueLike[]> {
  const map = new Map<string, IssueLike[]>();
  for (const issue of issues) {
    const key = issueTarget(issue);
    map.set(key, [...(map.get(key) ?? []), issue]);
  }
  return map;
}
