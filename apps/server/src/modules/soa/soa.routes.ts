import { z } from 'zod';
import { idParams } from '@tillit/core';
import {
  createSoaBody,
  linkSoaMeasureBody,
  soaCompareQuery,
  soaComparison,
  soaEntryParams,
  soaEntryView,
  soaVersionSummary,
  soaVersionView,
  updateSoaEntryBody,
} from '@tillit/core/modules/soa/schemas';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'soa';
const types = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
const fileName = { sv: 'uttalande-om-tillampning', en: 'statement-of-applicability' };

export const soaRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/v1/soa',
    permission: 'soa.read',
    tag,
    summary: 'Organisationens uttalanden om tillämplighet, ett per år',
    response: z.array(soaVersionSummary),
    handler: ({ actor, services }) => services.soa.list(actor),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/soa',
    permission: 'soa.write',
    tag,
    summary: 'Påbörja årets uttalande (tomt eller som kopia av ett tidigare år)',
    status: 201,
    body: createSoaBody,
    response: soaVersionView,
    handler: ({ actor, body, services }) => services.soa.create(actor, body),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/soa/compare',
    permission: 'soa.read',
    tag,
    summary: 'Två år sida vid sida',
    query: soaCompareQuery,
    response: soaComparison,
    handler: ({ actor, query, services }) => services.soa.compare(actor, query.from, query.to),
  }),
  defineRoute({
    method: 'GET',
    url: '/api/v1/soa/:id',
    permission: 'soa.read',
    tag,
    summary: 'Ett års uttalande med alla 93 kontroller',
    params: idParams,
    response: soaVersionView,
    handler: ({ actor, params, services }) => services.soa.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH',
    url: '/api/v1/soa/:id/controls/:control',
    permission: 'soa.write',
    tag,
    summary: 'Bedöm en kontroll',
    concurrency: true,
    params: soaEntryParams,
    body: updateSoaEntryBody,
    response: soaEntryView,
    handler: ({ actor, params, body, services, ifMatch }) => services.soa.updateEntry(actor, params.id, params.control, body, ifMatch),
  }),
  defineRoute({
    method: 'POST',
    url: '/api/v1/soa/:id/controls/:control/measures',
    permission: 'soa.write',
    tag,
    summary: 'Koppla en åtgärd till en kontroll',
    params: soaEntryParams,
    body: linkSoaMeasureBody,
    response: soaEntryView,
    handler: ({ actor, params, body, services }) => services.soa.linkMeasure(actor, params.id, params.control, body.measureId),
  }),
  ...(['xlsx', 'docx'] as const).map((format) =>
    defineRoute({
      method: 'GET',
      url: `/api/v1/soa/:id/export.${format}`,
      permission: 'soa.read',
      tag,
      summary: format === 'xlsx' ? 'Uttalandet som Excelfil' : 'Uttalandet som Worddokument',
      raw: true,
      params: idParams,
      handler: async ({ actor, params, services, reply }) => {
        const { year, file } = await services.soa.exportFile(actor, params.id, format);
        const name = actor.locale === 'en' ? fileName.en : fileName.sv;
        return reply
          .header('content-type', types[format])
          .header('content-disposition', `attachment; filename="${name}-${year}.${format}"`)
          .send(file);
      },
    }),
  ),
];
