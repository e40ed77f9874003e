import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatReference, type AspectKey, type AspectResult } from '@tillit/core';
import type { AssetDetailView } from '../../api';
import type { ModelTexts } from './model';

export interface ExplanationLine {
  text: string;
  /** This input reaches the final level. */
  decisive: boolean;
  tone?: 'warning';
  kind: 'answers' | 'type' | 'minimum' | 'inherited' | 'raise' | 'approved' | 'none' | 'warning';
}

type LevelSource = NonNullable<AssetDetailView['levelSources']>[AspectKey];

/** Plain-language lines saying where an aspect's level comes from. */
export function useExplain(texts: ModelTexts) {
  const { t } = useTranslation('classification');
  return useMemo(() => {
    const lvl = (level: number | null | undefined) => texts.levelLabel(level);

    /** One aspect of a classification (live while answering, or as approved). */
    function aspect(
      r: AspectResult,
      ctx: { raiseReason?: string | null; typeName?: string | null; inheritedFrom?: string[] },
    ): ExplanationLine[] {
      const code = texts.code(r.aspect);
      if (!r.enabled) return [{ text: t('explain.disabled'), decisive: false, kind: 'none' }];
      const lines: ExplanationLine[] = [];
      if (r.answered !== null)
        lines.push({ kind: 'answers', decisive: r.sources.includes('answers'), text: t('explain.answers', { level: lvl(r.answered) }) });
      if (r.fromType !== null) {
        const used = r.answered === null;
        lines.push({
          kind: 'type',
          decisive: r.sources.includes('type'),
          text: used
            ? t('explain.typeUsed', { type: ctx.typeName ?? '', level: lvl(r.fromType) })
            : t('explain.typeReference', { type: ctx.typeName ?? '', level: lvl(r.fromType) }),
        });
      }
      for (const m of r.minimumReasons) {
        // Each floor names the paragraphs it rests on (older model versions may have none).
        const refs = (m.references ?? []).map(formatReference).join('; ');
        const text = t('explain.minimum', { code, level: m.level, reason: texts.text(m.reason) });
        lines.push({
          kind: 'minimum',
          decisive: r.sources.includes('minimum') && m.level === r.final,
          text: refs ? `${text} ${t('explain.references', { refs })}` : text,
        });
      }
      if (r.inherited !== null) {
        const sets = ctx.inheritedFrom ?? [];
        lines.push({
          kind: 'inherited',
          decisive: r.sources.includes('inherited'),
          text: sets.length
            ? t('explain.inheritedFrom', { code, level: r.inherited, count: sets.length, sets: sets.join(', ') })
            : t('explain.inherited', { code, level: r.inherited }),
        });
      }
      if (r.raised !== null) {
        lines.push({
          kind: 'raise',
          decisive: r.sources.includes('raise'),
          text: t('explain.raise', { code, level: r.raised, reason: ctx.raiseReason ?? '' }),
        });
      }
      if (!lines.length) lines.push({ kind: 'none', decisive: false, text: t('explain.nothingYet') });
      return lines;
    }

    /** A system's or process's effective level: inherited from its sets, its own approved classification, or both. */
    function systemLevel(aspectKey: AspectKey, s: LevelSource, approvedRaiseReason?: string | null): ExplanationLine[] {
      const code = texts.code(aspectKey);
      const lines: ExplanationLine[] = [];
      if (s.derived !== null) {
        const names = s.fromSets.map((f) => f.name);
        lines.push({
          kind: 'inherited',
          decisive: s.effective === s.derived,
          text: t('explain.systemInherited', { code, level: s.derived, count: Math.max(1, names.length), sets: names.join(', ') }),
        });
      } else {
        lines.push({ kind: 'none', decisive: false, text: t('explain.noClassifiedSets') });
      }
      if (s.approved !== null) {
        const raisedAbove = s.derived === null || s.approved > s.derived;
        lines.push({
          kind: 'approved',
          decisive: s.effective === s.approved && raisedAbove,
          text:
            raisedAbove && approvedRaiseReason
              ? t('explain.systemRaised', { code, level: s.approved, reason: approvedRaiseReason })
              : t('explain.systemApproved', { code, level: s.approved }),
        });
      }
      if (s.inheritedAboveApproved) {
        lines.push({
          kind: 'warning',
          tone: 'warning',
          decisive: false,
          text: t('explain.inheritedAboveApproved', { code, derived: s.derived ?? '', approved: s.approved ?? '' }),
        });
      }
      return lines;
    }

    return { aspect, systemLevel };
  }, [t, texts]);
}
