/**
 * The SQL twin of `audienceAdmits` (domain/policy/policy-user.ts), written once and used by the
 * case, report and document visibility filters. Fragments use qualified column references only,
 * so they work as correlated conditions on both SQLite and PostgreSQL.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';

/** Always false, as SQL. */
export const FALSE_SQL: RawBuilder<SqlBool> = sql<SqlBool>`1 = 0`;
/** Always true, as SQL. */
export const TRUE_SQL: RawBuilder<SqlBool> = sql<SqlBool>`1 = 1`;

/** `column IN (values)`, or false for an empty list (which SQL cannot spell). */
export function inList(column: string, values: readonly string[]): RawBuilder<SqlBool> {
  if (values.length === 0) {
    return FALSE_SQL;
  }
  return sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.map((v) => sql`${v}`))})`;
}

/** OR of fragments (false when empty). */
export function anyOf(parts: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return parts.length === 0 ? FALSE_SQL : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/** AND of fragments (true when empty). */
export function allOf(parts: readonly RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return parts.length === 0 ? TRUE_SQL : sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/** Where a record keeps its owner and sharing level. */
export interface AudienceColumns {
  agency: string;
  team: string;
  user: string;
  level: string;
}

/** How to test the named grantees of a `shared` record for the user. */
export interface SharedWith {
  /** True when the record is shared with the user's agency, one of their teams, or them. */
  (user: PolicyUser): RawBuilder<SqlBool>;
}

/** The SQL twin of `audienceAdmits`. */
export function audienceSql(user: PolicyUser, cols: AudienceColumns, sharedWith: SharedWith): RawBuilder<SqlBool> {
  const isOwner = sql<SqlBool>`${sql.ref(cols.user)} = ${user.id}`;
  const inOwnerAgency = sql<SqlBool>`${sql.ref(cols.agency)} = ${user.agencyId}`;
  const inOwnerTeam = allOf([inOwnerAgency, inList(cols.team, user.teamIds)]);
  const level = (value: string) => sql<SqlBool>`${sql.ref(cols.level)} = ${value}`;
  return anyOf([
    allOf([level('owner_only'), user.role === 'team_manager' ? anyOf([isOwner, inOwnerTeam]) : isOwner]),
    allOf([level('owner_team'), anyOf([isOwner, inOwnerTeam])]),
    allOf([level('owner_agency'), inOwnerAgency]),
    allOf([level('shared'), anyOf([inOwnerAgency, sharedWith(user)])]),
  ]);
}

/** `shared with` over a grantee table of (record id, kind, grantee id) rows: report_shares, document_shares. */
export function sharedViaKindTable(table: 'report_shares' | 'document_shares', idColumn: string, recordIdRef: string): SharedWith {
  return (user) => sql<SqlBool>`exists (select 1 from ${sql.table(table)} s where s.${sql.ref(idColumn)} = ${sql.ref(recordIdRef)} and (
    (s.grantee_kind = 'agency' and s.grantee_id = ${user.agencyId})
    or (s.grantee_kind = 'user' and s.grantee_id = ${user.id})
    or (s.grantee_kind = 'team' and ${inList('s.grantee_id', user.teamIds)})))`;
}
