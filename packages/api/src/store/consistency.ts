/**
 * The consistency rules a write must leave true, checked in the writer's transaction after the
 * change and before its live event: a broken rule throws `InconsistentError`, the transaction
 * rolls back, nothing is written and nothing is pushed live. One check per resource: phases
 * (with their milestones) and the content of a territory being selected.
 */
import type { ConsistencyRule, Phase } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { listPhases } from './phases.js';

export class InconsistentError extends Error {
  constructor(
    readonly rule: ConsistencyRule,
    message: string,
  ) {
    super(message);
  }
}

/** The first rule that `phases` (in order) break, or undefined when they keep them all. */
export function phaseViolation(
  phases: readonly Phase[],
  territoryStatus: string,
): InconsistentError | undefined {
  for (const p of phases) {
    const unmet = p.milestones.filter((m) => m.status !== 'atteint');
    if (p.status === 'terminee' && unmet.length > 0 && !p.closingReason?.trim()) {
      return new InconsistentError(
        'phase-finished-with-unmet-milestones',
        `The phase ${p.key} cannot be finished with ${unmet.length} of ${p.milestones.length} milestones unmet, unless a closingReason says why.`,
      );
    }
  }
  for (const p of phases) {
    if (p.startDate && p.endDate && p.startDate > p.endDate) {
      return new InconsistentError(
        'phase-dates-order',
        `The phase ${p.key} ends (${p.endDate}) before it starts (${p.startDate}).`,
      );
    }
  }
  for (const [i, p] of phases.entries()) {
    for (const later of phases.slice(i + 1)) {
      if (p.endDate && later.startDate && p.endDate >= later.startDate) {
        return new InconsistentError(
          'phase-dates-overlap',
          `The phase ${p.key} ends (${p.endDate}) on or after the start of the phase ${later.key} (${later.startDate}): phases follow one another.`,
        );
      }
    }
  }
  for (const p of phases) {
    for (const m of p.milestones) {
      for (const [what, date] of [
        ['due', m.dueDate],
        ['completed', m.completedDate],
      ] as const) {
        if (!date) continue;
        if ((p.startDate && date < p.startDate) || (p.endDate && date > p.endDate)) {
          return new InconsistentError(
            'milestone-outside-phase',
            `The milestone “${m.title}” is ${what} on ${date}, outside its phase ${p.key} (${p.startDate ?? '…'} to ${p.endDate ?? '…'}).`,
          );
        }
      }
    }
  }
  for (const [i, p] of phases.entries()) {
    const next = phases[i + 1];
    if (next && next.status !== 'a-venir' && p.status !== 'terminee') {
      return new InconsistentError(
        'current-phase-mismatch',
        `The phase ${next.key} is ${next.status} while the phase ${p.key} before it is ${p.status}: only one phase is under way, and those before it are finished.`,
      );
    }
  }
  if (territoryStatus === 'en-selection') {
    const started = phases.find((p) => p.status !== 'a-venir');
    if (started) {
      return new InconsistentError(
        'selection-has-content',
        `The territory is being selected: its phase ${started.key} cannot be ${started.status} yet.`,
      );
    }
  }
  return undefined;
}

async function territoryStatus(tx: Sql, slug: string): Promise<string | undefined> {
  const [row] = await tx.query<{ status: string }>('select status from territories where slug = $1', [slug]);
  return row?.status;
}

/** Phases and milestones: checked after any change to them, in the same transaction. */
export async function checkPhases(tx: Sql, slug: string): Promise<void> {
  const status = await territoryStatus(tx, slug);
  if (status === undefined) return;
  const violation = phaseViolation(await listPhases(tx, slug), status);
  if (violation) throw violation;
}

/**
 * A territory being selected holds no members, opportunities or cooperations yet: checked
 * before adding one (`what` names it in the message).
 */
export async function checkNotInSelection(tx: Sql, slug: string, what: string): Promise<void> {
  if ((await territoryStatus(tx, slug)) === 'en-selection') {
    throw new InconsistentError(
      'selection-has-content',
      `The territory ${slug} is being selected: it has no ${what} yet.`,
    );
  }
}
