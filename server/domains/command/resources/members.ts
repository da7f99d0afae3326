// 队员 of a rescue team: add, edit, remove (audited), with their certificates and expiry dates.
import type { Static } from '@sinclair/typebox';
import type { MemberInput } from '../../../../contracts/command-resources.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Queryable } from '../../../platform/db/db.js';
import { sql } from '../../../platform/db/sql.js';
import { notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { findInRegister, REGISTERS } from './registry.store.js';
import { requireWritable } from './scope.js';
import { keepIfMasked } from '../../../platform/personal/personal.js';

export interface MemberRow { id: string; team_id: string; name: string; role: string | null; phone: string | null; certificates: { name: string; no?: string; expiresOn?: string | null }[] }

export const membersOf = (db: Queryable, teamId: string) =>
  db.query<MemberRow>(sql`select id, team_id, name, role, phone, certificates from resource_team_members where team_id = ${teamId} order by created_at, id`);

async function writableTeam(ctx: Ctx, tx: Queryable, teamId: string) {
  const team = await findInRegister<{ id: string; name: string; region_code: string; owner_org_id: string | null; enterprise_id: string | null }>(tx, REGISTERS.team, ctx.actor, teamId);
  if (!team) throw notFound('救援队伍', 'Team');
  requireWritable(ctx.actor, { regionCode: team.region_code, orgId: team.owner_org_id, enterpriseId: team.enterprise_id }, `救援队伍「${team.name}」`);
  return team;
}

async function memberOf(tx: Queryable, teamId: string, memberId: string) {
  const m = await tx.maybeOne<MemberRow>(sql`select id, team_id, name, role, phone, certificates from resource_team_members where id = ${memberId} and team_id = ${teamId}`);
  if (!m) throw notFound('队员', 'Member');
  return m;
}

/** A member by id alone (the caller checks the team against its scope). */
export const findMember = (db: Queryable, id: string) => db.maybeOne<MemberRow>(sql`select id, team_id, name, role, phone, certificates from resource_team_members where id = ${id}`);

/** Add a member to a team. */
export function addMember(ctx: Ctx, teamId: string, input: Static<typeof MemberInput>) {
  return ctx.db.tx(async (tx) => {
    const team = await writableTeam(ctx, tx, teamId);
    input = { ...input, phone: keepIfMasked(input.phone, null, 'phone', '队员电话') };
    const id = uuidv7();
    await tx.execute(sql`insert into resource_team_members (id, team_id, name, role, phone, certificates)
      values (${id}, ${teamId}, ${input.name}, ${input.role ?? null}, ${input.phone ?? null}, ${JSON.stringify(input.certificates ?? [])}::jsonb)`);
    await audit(ctx, tx, { action: 'command.resources.member.create', entityType: 'resource_team_members', entityId: id, regionCode: team.region_code, after: { teamId, ...input } });
    return memberOf(tx, teamId, id);
  });
}

/** Edit a member (all fields given replace the old ones). */
export function editMember(ctx: Ctx, teamId: string, memberId: string, input: Static<typeof MemberInput>) {
  return ctx.db.tx(async (tx) => {
    const team = await writableTeam(ctx, tx, teamId);
    const before = await memberOf(tx, teamId, memberId);
    input = { ...input, phone: keepIfMasked(input.phone, before.phone, 'phone', '队员电话') };
    await tx.execute(sql`update resource_team_members set name = ${input.name}, role = ${input.role ?? null}, phone = ${input.phone ?? null},
      certificates = ${JSON.stringify(input.certificates ?? [])}::jsonb where id = ${memberId}`);
    await audit(ctx, tx, { action: 'command.resources.member.update', entityType: 'resource_team_members', entityId: memberId, regionCode: team.region_code, before, after: input });
    return memberOf(tx, teamId, memberId);
  });
}

/** Remove a member from a team. */
export function removeMember(ctx: Ctx, teamId: string, memberId: string) {
  return ctx.db.tx(async (tx) => {
    const team = await writableTeam(ctx, tx, teamId);
    const before = await memberOf(tx, teamId, memberId);
    await tx.execute(sql`delete from resource_team_members where id = ${memberId}`);
    await audit(ctx, tx, { action: 'command.resources.member.delete', entityType: 'resource_team_members', entityId: memberId, regionCode: team.region_code, before });
    return { ok: true };
  });
}
