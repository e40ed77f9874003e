import { z } from 'zod';
import { idParams } from '@tillit/core';
import {
  createInformationTypeBody,
  importInformationTypesQuery,
  importInformationTypesResult,
  informationTypeLibraryFile,
  informationTypeView,
  updateInformationTypeBody,
} from '@tillit/core/modules/information-types/schemas';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'information-types';

export const informationTypeRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/information-types',
    permission: 'classification.read',
    tag,
    summary: 'Organisationens bibliotek av informationstyper',
    response: z.array(informationTypeView),
    handler: ({ actor, services }) => services.informationTypes.list(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/information-types',
    permission: 'information_type.manage',
    tag,
    summary: 'Lägg till en informationstyp',
    status: 201,
    body: createInformationTypeBody,
    response: informationTypeView,
    handler: ({ actor, body, services }) => services.informationTypes.create(actor, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/information-types/export',
    permission: 'classification.read',
    tag,
    summary: 'Exportera biblioteket som JSON-fil',
    raw: true,
    handler: async ({ actor, services, reply }) => {
      const file = await services.informationTypes.exportFile(actor);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="informationstyper-${new Date().toISOString().slice(0, 10)}.json"`)
        .send(JSON.stringify(file, null, 2));
    },
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/information-types/import',
    permission: 'information_type.manage',
    tag,
    summary: 'Importera ett bibliotek (allt eller inget)',
    query: importInformationTypesQuery,
    body: informationTypeLibraryFile,
    response: importInformationTypesResult,
    handler: ({ actor, query, body, services }) => services.informationTypes.importFile(actor, body, query.dryRun),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/information-types/preset',
    permission: 'information_type.manage',
    tag,
    summary: 'Importera det medföljande biblioteket',
    response: importInformationTypesResult,
    handler: ({ actor, services }) => services.informationTypes.importPreset(actor),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/information-types/:id',
    permission: 'classification.read',
    tag,
    summary: 'En informationstyp',
    params: idParams,
    response: informationTypeView,
    handler: ({ actor, params, services }) => services.informationTypes.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/information-types/:id',
    permission: 'information_type.manage',
    tag,
    summary: 'Ändra en informationstyp',
    params: idParams,
    body: updateInformationTypeBody,
    response: informationTypeView,
    concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.informationTypes.update(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'DELETE',
    url: '/api/v1/information-types/:id',
    permission: 'information_type.manage',
    tag,
    summary: 'Ta bort en oanvänd informationstyp',
    params: idParams,
    handler: ({ actor, params, services }) => services.informationTypes.remove(actor, params.id),
  }),
];
