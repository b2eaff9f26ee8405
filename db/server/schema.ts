/** Kysely table types of the cloud API's database (SQLite and PostgreSQL alike). */
import type { Generated } from 'kysely';

/** Booleans are stored as 0/1 integers on both dialects, so one set of queries serves both. */
export type Flag = 0 | 1;

export interface AgencyTable {
  id: string;
  name: string;
  kind: string;
  code: string;
  created_at: string;
  seq: number;
}

export interface TeamTable {
  id: string;
  agency_id: string;
  name: string;
}

export interface UserTable {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  disabled: Flag;
  created_at: string;
}

export interface UserTeamTable {
  user_id: string;
  team_id: string;
}

export interface CaseTable {
  id: string;
  reference: string;
  title: string;
  case_type: string;
  status: string;
  closure_reason: string | null;
  risk_level: string;
  review_date: string | null;
  owner_agency_id: string;
  owner_team_id: string | null;
  owner_user_id: string | null;
  sharing_level: string;
  created_at: string;
  updated_at: string;
  version: number;
  seq: number;
}

export interface CaseSharedAgencyTable {
  case_id: string;
  agency_id: string;
}

export interface RefreshTokenTable {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  device_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** The single-row counter that hands out change-log positions; its row lock orders writers. */
export interface ChangeSeqTable {
  id: number;
  seq: Generated<number>;
}

/** The whole server database. */
export interface ServerDatabase {
  agencies: AgencyTable;
  teams: TeamTable;
  users: UserTable;
  user_teams: UserTeamTable;
  cases: CaseTable;
  case_shared_agencies: CaseSharedAgencyTable;
  refresh_tokens: RefreshTokenTable;
  change_seq: ChangeSeqTable;
}
