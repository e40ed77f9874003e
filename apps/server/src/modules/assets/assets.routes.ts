import {
  assetDetailView,
  assetExportQuery,
  assetFacets,
  assetListQuery,
  assetPage,
  createAssetBody,
  createIntegrationBody,
  idParams,
  integrationView,
  linkInformationSetBody,
  linkParams,
  updateAssetBody,
  updateIntegrationBody,
} from '@tillit/core';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'assets';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const assetRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/assets', permission: 'asset.read', tag, summary: 'Informationstillgångar (sök, filter, sidor)',
    query: assetListQuery, response: assetPage,
    handler: ({ actor, query, services }) => services.assets.list(actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/assets', permission: 'asset.write', tag, summary: 'Registrera en informationstillgång', status: 201,
    body: createAssetBody, response: assetDetailView,
    handler: ({ actor, body, services }) => services.assets.create(actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/assets/facets', permission: 'asset.read', tag, summary: 'Leverantörer, taggar och länder i bruk (för filter)',
    response: assetFacets,
    handler: ({ actor, services }) => services.assets.facets(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/assets/export.xlsx', permission: 'asset.read', tag, summary: 'Exportera tillgångsförteckningen med klassningar till Excel', raw: true,
    query: assetExportQuery,
    handler: async ({ actor, query, services, reply }) => {
      const file = await services.assetExport.xlsx(actor, query);
      const name = `informationstillgangar-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}"`).send(file);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/assets/:id', permission: 'asset.read', tag, summary: 'En informationstillgång med kopplingar och nivåernas ursprung',
    params: idParams, response: assetDetailView,
    handler: ({ actor, params, services }) => services.assets.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/assets/:id', permission: 'asset.write', tag, summary: 'Ändra en informationstillgång',
    params: idParams, body: updateAssetBody, response: assetDetailView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.assets.update(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/assets/:id', permission: 'asset.write', tag, summary: 'Ta bort en informationstillgång utan godkänd klassning',
    params: idParams,
    handler: ({ actor, params, services }) => services.assets.remove(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/assets/:id/information-sets', permission: 'asset.write', tag, summary: 'Koppla en informationsmängd som systemet behandlar',
    params: idParams, body: linkInformationSetBody, response: assetDetailView,
    handler: ({ actor, params, body, services }) => services.assets.linkSet(actor, params.id, body.informationSetId),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/assets/:id/information-sets/:setId', permission: 'asset.write', tag, summary: 'Ta bort en koppling till en informationsmängd',
    params: linkParams, response: assetDetailView,
    handler: ({ actor, params, services }) => services.assets.unlinkSet(actor, params.id, params.setId),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/assets/:id/integrations', permission: 'asset.write', tag, summary: 'Lägg till en integration till ett annat system', status: 201,
    params: idParams, body: createIntegrationBody, response: assetDetailView,
    handler: ({ actor, params, body, services }) => services.assets.addIntegration(actor, params.id, body),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/asset-integrations/:id', permission: 'asset.write', tag, summary: 'Ändra vad som flödar i en integration',
    params: idParams, body: updateIntegrationBody, response: integrationView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.assets.updateIntegration(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/asset-integrations/:id', permission: 'asset.write', tag, summary: 'Ta bort en integration',
    params: idParams,
    handler: ({ actor, params, services }) => services.assets.removeIntegration(actor, params.id),
  }),
];
