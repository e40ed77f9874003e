import {
  catalogueVersionSummary,
  catalogueVersionView,
  importCatalogueQuery,
  importCatalogueResult,
  requirementList,
  requirementListQuery,
  requirementParams,
  requirementView,
  versionParams,
} from '@tillit/core/modules/requirement-catalogues/schemas';
import { z } from 'zod';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'requirement-catalogues';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const requirementCatalogueRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/requirement-catalogues',
    permission: 'requirement.read',
    tag,
    summary: 'Organisationens kravkataloger och deras versioner',
    response: z.array(catalogueVersionSummary),
    handler: ({ actor, services }) => services.requirementCatalogues.listVersions(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/requirement-catalogues/import',
    permission: 'requirement_catalogue.manage',
    tag,
    summary: 'Importera en katalogversion (JSON-kropp eller .xlsx som filkropp); granskas först, allt eller inget',
    status: 201,
    query: importCatalogueQuery,
    response: importCatalogueResult,
    handler: ({ actor, query, req, services }) => services.requirementCatalogues.importFile(actor, req.body, query.dryRun),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/requirement-catalogues/:id',
    permission: 'requirement.read',
    tag,
    summary: 'En katalogversion med teman',
    params: versionParams,
    response: catalogueVersionView,
    handler: ({ actor, params, services }) => services.requirementCatalogues.getVersion(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/requirement-catalogues/:id/requirements',
    permission: 'requirement.read',
    tag,
    summary: 'Kraven i en katalogversion (sök, filtrera på tema, aspekt och nivå, lagutlösare, kontroll)',
    params: versionParams,
    query: requirementListQuery,
    response: requirementList,
    handler: ({ actor, params, query, services }) => services.requirementCatalogues.listRequirements(actor, params.id, query),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/requirement-catalogues/:id/requirements/:requirementId',
    permission: 'requirement.read',
    tag,
    summary: 'Ett krav',
    params: requirementParams,
    response: requirementView,
    handler: ({ actor, params, services }) => services.requirementCatalogues.getRequirement(actor, params.id, params.requirementId),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/requirement-catalogues/:id/export.json',
    permission: 'requirement.read',
    tag,
    summary: 'Katalogversionen som JSON-fil (importformatet)',
    raw: true,
    params: versionParams,
    handler: async ({ actor, params, services, reply }) => {
      const { name, file } = await services.requirementCatalogues.exportJson(actor, params.id);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.json"`)
        .send(JSON.stringify(file, null, 1));
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/requirement-catalogues/:id/export.xlsx',
    permission: 'requirement.read',
    tag,
    summary: 'Katalogversionen som Excelfil (importformatet)',
    raw: true,
    params: versionParams,
    handler: async ({ actor, params, services, reply }) => {
      const { name, file } = await services.requirementCatalogues.exportXlsx(actor, params.id);
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}.xlsx"`).send(file);
    },
  }),
];
