import type { z } from 'zod';
import { hiddenAssetName, type assetExportQuery } from '@tillit/core';
import { holdsOn, requireAccess, type Actor } from '../../platform/access.js';
import type { Db } from '../../db/database.js';
import { currentModel } from '../classification/models.service.js';
import * as repo from './assets.repository.js';
import { buildInventoryWorkbook } from './assets.export.js';
import { visibleScope } from './assets.views.js';

export function createAssetExportService(db: Db) {
  return {
    /** The filtered inventory (what the list shows, all pages) as an Excel file. */
    async xlsx(actor: Actor, query: z.output<typeof assetExportQuery>): Promise<Buffer> {
      requireAccess(actor, 'asset.read', { organizationId: actor.organizationId });
      const rows = await repo.listAll(db, actor.organizationId, visibleScope(actor, 'asset.read'), query);
      const model = await currentModel(db, actor.organizationId);
      return buildInventoryWorkbook(
        db,
        actor.organizationId,
        rows,
        model.definition,
        (path) => holdsOn(actor, 'asset.read', path),
        hiddenAssetName(actor.locale),
      );
    },
  };
}
