import { useCallback, useEffect, useRef, useState } from 'react';
import type { Answer, AspectKey } from '@tillit/core';
import type { ClassificationVersionView, SaveClassificationBody } from '../../api';
import { useSaveClassification } from './api';

export interface DraftContent {
  answers: Partial<Record<AspectKey, Record<string, Exclude<Answer, undefined>>>>;
  justifications: Partial<Record<AspectKey, string>>;
  /** A raise being typed: the level may be chosen before the reason is written. */
  raises: Partial<Record<AspectKey, { level: number | null; reason: string } | null>>;
  typeDeviationReason: string;
  notes: string;
}

export type SaveState = { state: 'idle' | 'pending' | 'saving' | 'saved' | 'error'; at?: Date; error?: string };

const AUTOSAVE_MS = 1200;

function contentOf(v: ClassificationVersionView): DraftContent {
  const answers: DraftContent['answers'] = {};
  const justifications: DraftContent['justifications'] = {};
  const raises: DraftContent['raises'] = {};
  for (const a of ['C', 'I', 'A', 'T'] as const) {
    answers[a] = { ...(v.answers[a] ?? {}) };
    justifications[a] = v.justifications[a] ?? '';
    const r = v.raises[a];
    raises[a] = r ? { level: r.level, reason: r.reason } : null;
  }
  return { answers, justifications, raises, typeDeviationReason: v.typeDeviationReason ?? '', notes: v.notes ?? '' };
}

/** What the server accepts for a raise: a level with a reason; anything less is not sent yet. */
function raiseBody(r: DraftContent['raises'][AspectKey]) {
  return r && r.level !== null && r.reason.trim() ? { level: r.level, reason: r.reason.trim() } : null;
}

/**
 * The answers being edited, saved automatically a moment after the last change (PATCH merges per
 * aspect, so each save sends only the aspects that changed). The server's answer updates the view
 * (issues, derivation) but never overwrites what the person is typing.
 */
export function useClassificationDraft(version: ClassificationVersionView) {
  const save = useSaveClassification();
  const [content, setContent] = useState<DraftContent>(() => contentOf(version));
  const [saveState, setSaveState] = useState<SaveState>({ state: 'idle' });
  const dirty = useRef<{
    answers: Set<AspectKey>;
    justifications: Set<AspectKey>;
    raises: Set<AspectKey>;
    typeDeviationReason: boolean;
    notes: boolean;
  }>(emptyDirty());
  const latest = useRef(content);
  latest.current = content;
  const timer = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const sentRaises = useRef<Partial<Record<AspectKey, string>>>({});
  // The mutation object changes on every render; the function that sends does not need to.
  const send = useRef(save.mutateAsync);
  send.current = save.mutateAsync;
  // The version each save starts from: the loaded one, then the one each save answered with. After
  // a 412 (someone else saved) it follows the reloaded view, so the next save merges onto theirs.
  const rowVersion = useRef(version.rowVersion);
  useEffect(() => {
    rowVersion.current = Math.max(rowVersion.current, version.rowVersion);
  }, [version.rowVersion]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    const d = dirty.current;
    const c = latest.current;
    const body: SaveClassificationBody = {};
    if (d.answers.size) body.answers = Object.fromEntries([...d.answers].map((a) => [a, c.answers[a] ?? {}]));
    if (d.justifications.size)
      body.justifications = Object.fromEntries([...d.justifications].map((a) => [a, c.justifications[a]?.trim() || null]));
    if (d.raises.size) {
      const raises: NonNullable<SaveClassificationBody['raises']> = {};
      for (const a of d.raises) {
        const r = raiseBody(c.raises[a]);
        const key = JSON.stringify(r);
        // An unfinished raise (a level without a reason yet) is kept locally; the server keeps the last complete one.
        if (r === null && c.raises[a]?.level != null) continue;
        if (sentRaises.current[a] !== key) raises[a] = r;
        sentRaises.current[a] = key;
      }
      if (Object.keys(raises).length) body.raises = raises;
    }
    if (d.typeDeviationReason) body.typeDeviationReason = c.typeDeviationReason.trim() || null;
    if (d.notes) body.notes = c.notes.trim() || null;
    dirty.current = emptyDirty();
    if (!Object.keys(body).length) {
      setSaveState((s) => (s.state === 'pending' ? { state: 'saved', at: s.at ?? new Date() } : s));
      return true;
    }
    setSaveState({ state: 'saving' });
    let ok = true;
    const run = send
      .current({ id: version.id, body, version: rowVersion.current })
      .then((saved) => {
        rowVersion.current = saved.rowVersion;
        setSaveState({ state: 'saved', at: new Date() });
      })
      .catch((e: unknown) => {
        ok = false;
        // Put the changes back so the next attempt sends them again.
        mergeDirty(dirty.current, body);
        for (const a of Object.keys(body.raises ?? {}) as AspectKey[]) delete sentRaises.current[a];
        setSaveState({ state: 'error', error: e instanceof Error ? e.message : String(e) });
      });
    inFlight.current = run;
    await run;
    inFlight.current = null;
    return ok;
  }, [version.id]);

  const schedule = useCallback(() => {
    setSaveState((s) => (s.state === 'saving' ? s : { ...s, state: 'pending' }));
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), AUTOSAVE_MS);
  }, [flush]);

  // Leaving the page saves what is pending.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(
    () => () => {
      if (timer.current !== null) void flushRef.current();
    },
    [],
  );

  const update = useCallback(
    (change: (c: DraftContent) => DraftContent, mark: (d: typeof dirty.current) => void) => {
      setContent((c) => {
        const next = change(c);
        latest.current = next;
        return next;
      });
      mark(dirty.current);
      schedule();
    },
    [schedule],
  );

  return {
    content,
    saveState,
    flush,
    setAnswer: (aspect: AspectKey, category: string, level: number | 'not_relevant' | null) =>
      update(
        (c) => ({ ...c, answers: { ...c.answers, [aspect]: { ...(c.answers[aspect] ?? {}), [category]: level } } }),
        (d) => d.answers.add(aspect),
      ),
    setJustification: (aspect: AspectKey, text: string) =>
      update(
        (c) => ({ ...c, justifications: { ...c.justifications, [aspect]: text } }),
        (d) => d.justifications.add(aspect),
      ),
    setRaise: (aspect: AspectKey, raise: { level: number | null; reason: string } | null) =>
      update(
        (c) => ({ ...c, raises: { ...c.raises, [aspect]: raise } }),
        (d) => d.raises.add(aspect),
      ),
    setTypeDeviationReason: (text: string) =>
      update(
        (c) => ({ ...c, typeDeviationReason: text }),
        (d) => (d.typeDeviationReason = true),
      ),
    setNotes: (text: string) =>
      update(
        (c) => ({ ...c, notes: text }),
        (d) => (d.notes = true),
      ),
  };
}

function emptyDirty() {
  return {
    answers: new Set<AspectKey>(),
    justifications: new Set<AspectKey>(),
    raises: new Set<AspectKey>(),
    typeDeviationReason: false,
    notes: false,
  };
}

function mergeDirty(d: ReturnType<typeof emptyDirty>, body: SaveClassificationBody) {
  for (const a of Object.keys(body.answers ?? {}) as AspectKey[]) d.answers.add(a);
  for (const a of Object.keys(body.justifications ?? {}) as AspectKey[]) d.justifications.add(a);
  for (const a of Object.keys(body.raises ?? {}) as AspectKey[]) d.raises.add(a);
  if (body.typeDeviationReason !== undefined) d.typeDeviationReason = true;
  if (body.notes !== undefined) d.notes = true;
}
