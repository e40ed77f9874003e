import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '@tillit/core';
import type { Actor } from '../access.js';
import type { AppServices } from '../module.js';
import type { ExpectedVersion } from '../concurrency.js';

export type RoutePermission = Permission | 'public' | 'authenticated' | 'platform_admin';

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteContext<B, Q, P> {
  actor: Actor;
  body: B;
  query: Q;
  params: P;
  /** Every module's services, typed from the manifests (see `AppServices`). */
  services: AppServices;
  req: FastifyRequest;
  reply: FastifyReply;
  /** The version in `If-Match` on a `concurrency` route; undefined when an API token sent none. */
  ifMatch: ExpectedVersion;
}

/**
 * One route: its URL, the permission it needs (declared here so the access-matrix test and the
 * OpenAPI document read it from the route table), its schemas from core, and one service call.
 */
export interface RouteDef<
  B extends z.ZodType | undefined = any,
  Q extends z.ZodType | undefined = any,
  P extends z.ZodType | undefined = any,
> {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  permission: RoutePermission;
  tag: string;
  summary: string;
  body?: B;
  query?: Q;
  params?: P;
  response?: z.ZodType;
  status?: number;
  /** Raw routes (file upload, file download) read the request or write the reply themselves. */
  raw?: boolean;
  /**
   * A change of one versioned object: `If-Match` is parsed into `ctx.ifMatch` and required from
   * browser sessions (428 without it). Any route whose answer has `rowVersion` sends it as the ETag.
   */
  concurrency?: true;
  handler: (ctx: RouteContext<Infer<B>, Infer<Q>, Infer<P>>) => Promise<unknown>;
}

export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(def: RouteDef<B, Q, P>): RouteDef<B, Q, P> {
  return def;
}
