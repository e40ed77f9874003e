import {
  applyImportQuery,
  assetImportView,
  idParams,
  importMappingBody,
  importWordBody,
  importWordList,
  importWordView,
  uploadImportQuery,
} from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'asset-imports';

export const assetImportRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/asset-imports',
    permission: 'asset.import',
    tag,
    summary: 'Ladda upp en tillgångsförteckning (.xlsx eller .csv som filkropp)',
    status: 201,
    query: uploadImportQuery,
    response: assetImportView,
    handler: ({ actor, query, req, services }) => services.assetImport.upload(actor, query.fileName, req.body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/asset-imports/template.xlsx',
    permission: 'asset.import',
    tag,
    summary: 'Excelmall för import',
    raw: true,
    handler: async ({ actor, services, reply }) => {
      const file = await services.assetImport.template(actor);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="tillit-importmall.xlsx"')
        .send(file);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/asset-imports/:id/problems.xlsx',
    permission: 'asset.import',
    tag,
    summary: 'Raderna med problem som Excelfil, med en problemkolumn, att rätta och importera igen',
    raw: true,
    params: idParams,
    handler: async ({ actor, params, services, reply }) => {
      const { file, fileName } = await services.assetImport.problems(actor, params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
        .send(file);
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/asset-imports/:id',
    permission: 'asset.import',
    tag,
    summary: 'En import: status, förlopp och rapport',
    params: idParams,
    response: assetImportView,
    handler: ({ actor, params, services }) => services.assetImport.get(actor, params.id),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/asset-imports/:id/check',
    permission: 'asset.import',
    tag,
    summary: 'Provkör importen med en kolumnmappning (inga tillgångar ändras; rapporten sparas på importen)',
    params: idParams,
    body: importMappingBody,
    response: assetImportView,
    handler: ({ actor, params, body, services }) => services.assetImport.check(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/asset-imports/:id/apply',
    permission: 'asset.import',
    tag,
    summary: 'Genomför importen (allt eller inget, eller med onlyValid bara raderna utan problem)',
    status: 202,
    params: idParams,
    query: applyImportQuery,
    body: importMappingBody,
    response: assetImportView,
    handler: ({ actor, params, query, body, services }) => services.assetImport.apply(actor, params.id, body, query),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/asset-imports/:id/undo',
    permission: 'asset.import',
    tag,
    summary: 'Ångra en genomförd import som helhet (nekas med 409 om tillgångarna har ändrats sedan)',
    params: idParams,
    response: assetImportView,
    handler: ({ actor, params, services }) => services.assetImport.undo(actor, params.id),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/asset-import-words',
    permission: 'asset.import',
    tag,
    summary: 'Organisationens egna ord för importens värden',
    response: importWordList,
    handler: ({ actor, services }) => services.assetImportWords.list(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/asset-import-words',
    permission: 'asset.import',
    tag,
    summary: 'Lägg till ett eget ord (till exempel "Regionens datacenter" för egen drift)',
    status: 201,
    body: importWordBody,
    response: importWordView,
    handler: ({ actor, body, services }) => services.assetImportWords.add(actor, body),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/asset-import-words/:id',
    permission: 'asset.import',
    tag,
    summary: 'Ta bort ett eget ord',
    params: idParams,
    handler: ({ actor, params, services }) => services.assetImportWords.remove(actor, params.id),
  }),
];
