/**
 * `@tec/sdk/admin` — the calls of the programme's teams: phases, milestones, the portrait,
 * cooperations, members, opportunities, sign-up export, erasure and purge. A separate entry, so that the widgets'
 * bundle carries none of it.
 *
 * @example
 * ```ts
 * import { createTecAdmin } from '@tec/sdk/admin';
 * const admin = createTecAdmin({ baseUrl: 'https://api.example.org', token: process.env.TEC_TOKEN! });
 * await admin.updatePhase('roya', 'cooperations', { progress: 0.5 });
 * ```
 */
import {
  Cooperation,
  CooperationInput,
  CooperationPatch,
  Portrait,
  PortraitPatch,
  DeletionResult,
  EngagementExport,
  Id,
  Member,
  MemberInput,
  MemberPatch,
  Milestone,
  MilestoneInput,
  MilestonePatch,
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  PATHS,
  Phase,
  PhaseKey,
  PhasePatch,
  Slug,
  buildPath,
} from '@tec/contract';
import type * as z from 'zod/mini';
import { input } from './input.js';
import { Http, type HttpOptions } from './http.js';
import type { RequestOptions } from './client.js';

export type TecAdmin = ReturnType<typeof createTecAdmin>;

/** An admin client; `token` is an admin token scoped to the territories it may change. */
export function createTecAdmin(options: HttpOptions & { token: string }) {
  const http = new Http({ ...options, baseUrl: options.baseUrl.replace(/\/+$/, '') });
  const slug = (value: string) => input(Slug, value, 'The territory slug');
  const id = (value: string, what: string) => input(Id, value, what);
  const url = (path: string, params?: Record<string, string>) => buildPath(path, params).slice(1);

  async function send<S extends z.ZodMiniType>(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    schema: S | undefined,
    json?: unknown,
    opts: RequestOptions = {},
  ): Promise<z.output<S>> {
    const result = await http.call(method, path, schema, {
      ...(json !== undefined ? { json } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    return (result as { data: z.output<S> }).data;
  }

  return {
    async updatePhase(territory: string, phase: PhaseKey, patch: PhasePatch, opts?: RequestOptions) {
      const params = { slug: slug(territory), phase: input(PhaseKey, phase, 'The phase') };
      return send(
        'patch',
        url(PATHS.updatePhase, params),
        Phase,
        input(PhasePatch, patch, 'The phase change'),
        opts,
      );
    },
    async createMilestone(
      territory: string,
      phase: PhaseKey,
      milestone: MilestoneInput,
      opts?: RequestOptions,
    ) {
      const params = { slug: slug(territory), phase: input(PhaseKey, phase, 'The phase') };
      const body = input(MilestoneInput, milestone, 'The milestone');
      return send('post', url(PATHS.createMilestone, params), Milestone, body, opts);
    },
    async updateMilestone(
      territory: string,
      phase: PhaseKey,
      milestoneId: string,
      patch: MilestonePatch,
      opts?: RequestOptions,
    ) {
      const params = { slug: slug(territory), phase, milestoneId: id(milestoneId, 'The milestone id') };
      const body = input(MilestonePatch, patch, 'The milestone change');
      return send('patch', url(PATHS.updateMilestone, params), Milestone, body, opts);
    },
    async deleteMilestone(territory: string, phase: PhaseKey, milestoneId: string, opts?: RequestOptions) {
      const params = { slug: slug(territory), phase, milestoneId: id(milestoneId, 'The milestone id') };
      await send('delete', url(PATHS.deleteMilestone, params), undefined, undefined, opts);
    },
    async createMember(territory: string, member: z.input<typeof MemberInput>, opts?: RequestOptions) {
      const body = input(MemberInput, member, 'The member');
      return send('post', url(PATHS.createMember, { slug: slug(territory) }), Member, body, opts);
    },
    async updateMember(territory: string, memberId: string, patch: MemberPatch, opts?: RequestOptions) {
      const params = { slug: slug(territory), memberId: id(memberId, 'The member id') };
      return send(
        'patch',
        url(PATHS.updateMember, params),
        Member,
        input(MemberPatch, patch, 'The member change'),
        opts,
      );
    },
    async deleteMember(territory: string, memberId: string, opts?: RequestOptions) {
      const params = { slug: slug(territory), memberId: id(memberId, 'The member id') };
      await send('delete', url(PATHS.deleteMember, params), undefined, undefined, opts);
    },
    async createOpportunity(
      territory: string,
      opportunity: z.input<typeof OpportunityInput>,
      opts?: RequestOptions,
    ) {
      const body = input(OpportunityInput, opportunity, 'The opportunity');
      return send('post', url(PATHS.createOpportunity, { slug: slug(territory) }), Opportunity, body, opts);
    },
    async updateOpportunity(
      territory: string,
      opportunityId: string,
      patch: OpportunityPatch,
      opts?: RequestOptions,
    ) {
      const params = { slug: slug(territory), opportunityId: id(opportunityId, 'The opportunity id') };
      const body = input(OpportunityPatch, patch, 'The opportunity change');
      return send('patch', url(PATHS.updateOpportunity, params), Opportunity, body, opts);
    },
    async deleteOpportunity(territory: string, opportunityId: string, opts?: RequestOptions) {
      const params = { slug: slug(territory), opportunityId: id(opportunityId, 'The opportunity id') };
      await send('delete', url(PATHS.deleteOpportunity, params), undefined, undefined, opts);
    },
    /** Changes the portrait, its binôme or the volunteer count; any subset of fields. */
    async updatePortrait(territory: string, patch: z.input<typeof PortraitPatch>, opts?: RequestOptions) {
      const body = input(PortraitPatch, patch, 'The portrait change');
      return send('patch', url(PATHS.updatePortrait, { slug: slug(territory) }), Portrait, body, opts);
    },
    /** Adds a cooperation; `actorIds` are members of the territory, `communes` its INSEE codes. */
    async createCooperation(
      territory: string,
      cooperation: z.input<typeof CooperationInput>,
      opts?: RequestOptions,
    ) {
      const body = input(CooperationInput, cooperation, 'The cooperation');
      return send('post', url(PATHS.createCooperation, { slug: slug(territory) }), Cooperation, body, opts);
    },
    async updateCooperation(
      territory: string,
      cooperationId: string,
      patch: z.input<typeof CooperationPatch>,
      opts?: RequestOptions,
    ) {
      const params = { slug: slug(territory), cooperationId: id(cooperationId, 'The cooperation id') };
      const body = input(CooperationPatch, patch, 'The cooperation change');
      return send('patch', url(PATHS.updateCooperation, params), Cooperation, body, opts);
    },
    async deleteCooperation(territory: string, cooperationId: string, opts?: RequestOptions) {
      const params = { slug: slug(territory), cooperationId: id(cooperationId, 'The cooperation id') };
      await send('delete', url(PATHS.deleteCooperation, params), undefined, undefined, opts);
    },
    /** Every sign-up of a territory, as the controller exports them. */
    async exportEngagements(territory: string, opts?: RequestOptions): Promise<EngagementExport> {
      return send(
        'get',
        url(PATHS.exportEngagements, { slug: slug(territory) }),
        EngagementExport,
        undefined,
        opts,
      );
    },
    /** Erases one person's sign-ups within the token's scope (RGPD right to erasure). */
    async erase(email: string, opts?: RequestOptions) {
      return send('post', url(PATHS.eraseEngagements), DeletionResult, { email }, opts);
    },
    /** Deletes sign-ups older than the server's retention period. */
    async purge(opts?: RequestOptions) {
      return send('post', url(PATHS.purgeEngagements), DeletionResult, undefined, opts);
    },
  };
}
