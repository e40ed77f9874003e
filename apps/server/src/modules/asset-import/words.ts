import { assetImportVocabulary, type ImportWordInput, type ImportWordView } from '@tillit/core';
import { requireAccess, type Actor } from '../../platform/access.js';
import { recordAudits } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Db } from '../../db/database.js';
import { norm, vocabularyOf } from './check.js';
import * as repo from './asset-import.repository.js';

function toView(w: { id: string; field: string; code: string; word: string; created_at: Date }): ImportWordView {
  return { id: w.id, field: w.field as ImportWordView['field'], code: w.code, word: w.word, createdAt: w.created_at.toISOString() };
}

/**
 * The organisation's own words for the import's values (issue 9 item 10): the dry run reads them
 * beside the shipped vocabulary (`vocabularyOf` in check.ts). Anyone who may import sees them;
 * adding and removing changes every later import of the organisation, so it takes `asset.import`
 * on the top unit (the coordinator has it), and each is an audited change.
 */
export function createImportWords(db: Db) {
  async function mayChange(actor: Actor) {
    requireAccess(actor, 'asset.import', { organizationId: actor.organizationId, unitPath: await repo.rootPath(db, actor.organizationId) });
  }

  return {
    async list(actor: Actor): Promise<{ items: ImportWordView[] }> {
      requireAccess(actor, 'asset.import', { organizationId: actor.organizationId });
      return { items: (await repo.listWords(db, actor.organizationId)).map(toView) };
    },

    async add(actor: Actor, input: ImportWordInput): Promise<ImportWordView> {
      await mayChange(actor);
      const codes = Object.keys((assetImportVocabulary.values as Record<string, Record<string, string[]>>)[input.field] ?? {});
      if (!codes.includes(input.code)) {
        throw new AppError('validation_failed', {
          issues: [{ path: ['body', 'code'], code: 'invalid_value', message: `one of ${codes.join(', ')}` }],
        });
      }
      const normalized = norm(input.word);
      // A word the shipped vocabulary already reads (as any value) would be ambiguous: refused, as is a second own word.
      if (vocabularyOf([]).get(input.field)?.has(normalized))
        throw new AppError('import_word_taken', { field: 'word', word: input.word, vocabularyField: input.field });
      return db.transaction().execute(async (trx) => {
        const w = await repo.insertWord(trx, {
          organization_id: actor.organizationId,
          field: input.field,
          code: input.code,
          word: input.word,
          normalized,
          created_by: actor.userId,
        });
        if (!w) throw new AppError('import_word_taken', { field: 'word', word: input.word, vocabularyField: input.field });
        await recordAudits(trx, actor, [
          {
            action: 'word_add',
            entityType: 'asset_import_word',
            entityId: w.id,
            entityLabel: w.word,
            after: { field: w.field, code: w.code, word: w.word },
          },
        ]);
        return toView(w);
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await mayChange(actor);
      await db.transaction().execute(async (trx) => {
        const w = await repo.findWord(trx, actor.organizationId, id);
        if (!w) throw new AppError('not_found');
        await repo.deleteWord(trx, id);
        await recordAudits(trx, actor, [
          {
            action: 'word_remove',
            entityType: 'asset_import_word',
            entityId: id,
            entityLabel: w.word,
            before: { field: w.field, code: w.code, word: w.word },
          },
        ]);
      });
    },
  };
}
