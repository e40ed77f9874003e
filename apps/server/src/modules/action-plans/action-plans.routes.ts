import { z } from 'zod';
import {
  addEvidenceLinkBody,
  assessRequirementBody,
  coordinatorOverview,
  createGapMeasureBody,
  generatePlansBody,
  generatePlansResult,
  migrationPreview,
  planListItem,
  planListQuery,
  planRequirementView,
  planView,
  uploadEvidenceQuery,
} from '@tillit/core/modules/action-plans/schemas';
import { idParams } from '@tillit/core';
import { awardProcurementBody, contractCheckBody, createProcurementBody, procurementListItem, procurementView, updateProcurementBody } from '@tillit/core/modules/action-plans/procurement';
import { defineRoute } from '../../platform/http/route.js';

const tag = 'action-plans';

export const actionPlanRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/action-plans', permission: 'plan.read', tag, summary: 'Gällande handlingsplaner med framdrift',
    query: planListQuery, response: z.array(planListItem),
    handler: ({ actor, query, services }) => services.actionPlans.list(actor, query),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/action-plans/generate', permission: 'plan.write', tag, summary: 'Skapa eller uppdatera handlingsplaner från klassningen och kravkatalogen',
    body: generatePlansBody, response: generatePlansResult,
    handler: ({ actor, body, services }) => services.actionPlans.generate(actor, body.assetIds),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/action-plans/migration', permission: 'plan.write', tag, summary: 'Förhandsvisning: alla planer till gällande katalogversion',
    response: migrationPreview,
    handler: ({ actor, services }) => services.actionPlans.migrationPreview(actor),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/action-plans/migration', permission: 'plan.write', tag, summary: 'Flytta alla organisationens planer till gällande katalogversion',
    response: generatePlansResult,
    handler: ({ actor, services }) => services.actionPlans.migrateAll(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/action-plans/overview', permission: 'plan.read', tag, summary: 'Samordnarens översikt över alla planer',
    response: coordinatorOverview,
    handler: ({ actor, services }) => services.actionPlans.overview(actor),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/assets/:id/action-plan', permission: 'plan.read', tag, summary: 'Tillgångens gällande handlingsplan',
    params: idParams, response: planView,
    handler: ({ actor, params, services }) => services.actionPlans.ofAsset(actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/action-plans/:id', permission: 'plan.read', tag, summary: 'En handlingsplan (även äldre versioner)',
    params: idParams, response: planView,
    handler: ({ actor, params, services }) => services.actionPlans.get(actor, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/plan-requirements/:id', permission: 'plan.read', tag, summary: 'Ett krav i en handlingsplan med självskattning',
    params: idParams, response: planRequirementView,
    handler: ({ actor, params, services }) => services.actionPlans.requirement(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/plan-requirements/:id', permission: 'plan.write', tag, summary: 'Självskatta ett krav',
    params: idParams, body: assessRequirementBody, response: planRequirementView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.actionPlans.assess(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/plan-requirements/:id/evidence/link', permission: 'plan.write', tag, summary: 'Lägg till en länk som underlag', status: 201,
    params: idParams, body: addEvidenceLinkBody, response: planRequirementView,
    handler: ({ actor, params, body, services }) => services.planEvidence.addLink(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/plan-requirements/:id/evidence/file', permission: 'plan.write', tag, summary: 'Ladda upp en fil som underlag (filkropp, högst 10 MB)', status: 201,
    params: idParams, query: uploadEvidenceQuery, response: planRequirementView,
    handler: ({ actor, params, query, req, services }) => services.planEvidence.addFile(actor, params.id, query.fileName, query.title, req.body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/plan-evidence/:id/file', permission: 'plan.read', tag, summary: 'Hämta en underlagsfil', raw: true,
    params: idParams,
    handler: async ({ actor, params, services, reply }) => {
      const f = await services.planEvidence.file(actor, params.id);
      return reply
        .header('content-type', f.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(f.content);
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/v1/plan-evidence/:id', permission: 'plan.write', tag, summary: 'Ta bort ett underlag',
    params: idParams, response: planRequirementView,
    handler: ({ actor, params, services }) => services.planEvidence.remove(actor, params.id),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/plan-requirements/:id/measures', permission: 'plan.write', tag, summary: 'Skapa en åtgärd för ett gap', status: 201,
    params: idParams, body: createGapMeasureBody, response: planRequirementView,
    handler: ({ actor, params, body, services }) => services.planEvidence.createMeasure(actor, params.id, body),
  }),
];

const ptag = 'procurements';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const procurementRoutes = [
  defineRoute({
    method: 'GET', url: '/api/v1/procurements', permission: 'plan.read', tag: ptag, summary: 'Upphandlingar med säkerhetskrav',
    response: z.array(procurementListItem),
    handler: ({ actor, services }) => services.procurements.list(actor),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/procurements', permission: 'plan.write', tag: ptag, summary: 'Skapa en upphandling med SKA-krav från en klassning', status: 201,
    body: createProcurementBody, response: procurementView,
    handler: ({ actor, body, services }) => services.procurements.create(actor, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/procurements/:id', permission: 'plan.read', tag: ptag, summary: 'En upphandling med krav och avtalsuppföljning',
    params: idParams, response: procurementView,
    handler: ({ actor, params, services }) => services.procurements.get(actor, params.id),
  }),
  defineRoute({
    method: 'PATCH', url: '/api/v1/procurements/:id', permission: 'plan.write', tag: ptag, summary: 'Ändra en upphandling (namn, diarienummer, leverantör)',
    params: idParams, body: updateProcurementBody, response: procurementView, concurrency: true,
    handler: ({ actor, params, body, services, ifMatch }) => services.procurements.update(actor, params.id, body, ifMatch),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/procurements/:id/award', permission: 'plan.write', tag: ptag, summary: 'Tilldela: kraven blir avtalsuppföljning',
    params: idParams, body: awardProcurementBody, response: procurementView,
    handler: ({ actor, params, body, services }) => services.procurements.award(actor, params.id, body),
  }),
  defineRoute({
    method: 'POST', url: '/api/v1/procurements/:id/checks', permission: 'plan.write', tag: ptag, summary: 'Registrera en avtalsuppföljning; iakttagelser blir åtgärder', status: 201,
    params: idParams, body: contractCheckBody, response: procurementView,
    handler: ({ actor, params, body, services }) => services.procurements.check(actor, params.id, body),
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/procurements/:id/requirements.docx', permission: 'plan.read', tag: ptag, summary: 'Kraven som Word-dokument för förfrågningsunderlaget', raw: true,
    params: idParams,
    handler: async ({ actor, params, services, reply }) => {
      const f = await services.procurements.docx(actor, params.id);
      return reply.header('content-type', docxType).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.file);
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/v1/procurements/:id/requirements.xlsx', permission: 'plan.read', tag: ptag, summary: 'Kraven som Excelark för förfrågningsunderlaget', raw: true,
    params: idParams,
    handler: async ({ actor, params, services, reply }) => {
      const f = await services.procurements.xlsx(actor, params.id);
      return reply.header('content-type', xlsxType).header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.file);
    },
  }),
];
