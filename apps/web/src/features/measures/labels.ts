import { useTranslation } from 'react-i18next';
import {
  measureLinkTypes,
  measureWorkflow,
  type MeasurePriority,
  type MeasureStatus,
  type VerificationResult,
} from '@tillit/core/modules/measures/rules';

/** Words for the measure's codes, from the same data the server uses (core modules/measures), in the reader's language. */
export function useMeasureLabels() {
  const { i18n } = useTranslation();
  const lang: 'sv' | 'en' = i18n.language === 'en' ? 'en' : 'sv';
  return {
    status: (s: MeasureStatus) => measureWorkflow.statuses[s][lang],
    priority: (p: MeasurePriority) => measureWorkflow.priorities[p][lang],
    result: (r: VerificationResult) => measureWorkflow.results[r][lang],
    linkTypes: measureLinkTypes.filter((t) => !t.planned).map((t) => ({ value: t.key, label: t.label[lang] })),
  };
}

export const STATUS_COLOR: Record<MeasureStatus, string> = {
  planned: 'gray',
  in_progress: 'tillit',
  done: 'orange',
  verified: 'green',
  cancelled: 'gray',
};
