// Row shapes of the demo data set. Each row type mirrors its table's columns (snake_case keys),
// so the loader can insert any of them without a per-table mapping. Columns left out get
// their database default (created_at, updated_at, …).
import type { GeoPolygon } from './geo.js';

export type RegionLevel = 'province' | 'city' | 'county' | 'town' | 'village' | 'park';

export interface RegionRow {
  code: string;
  parent_code: string | null;
  name: string;
  level: RegionLevel;
  sort: number;
  boundary: GeoPolygon | null;
  center_lng: number;
  center_lat: number;
}

export type OrgKind =
  | 'bureau' | 'department' | 'town_gov' | 'town_station' | 'park'
  | 'committee' | 'professional_committee' | 'rescue_team' | 'other';

export interface OrgRow {
  id: string;
  parent_id: string | null;
  name: string;
  short_name: string;
  kind: OrgKind;
  region_code: string;
  credit_code: string | null;
  contact: string;
  phone: string;
  sort: number;
}

export interface EnterpriseRow {
  id: string;
  name: string;
  credit_code: string;
  region_code: string;
  industry: string;
  address: string;
  supervising_org_id: string | null;
}

/** An account row without its password hash: the loader adds the hash (made once, at load time). */
export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  phone: string;
  roles: string[];
  org_id: string | null;
  scope_kind: 'all' | 'region' | 'org' | 'enterprise';
  scope_region_code: string | null;
  scope_org_id: string | null;
  scope_enterprise_id: string | null;
  enforcement_cert_no: string | null;
  must_change_password: boolean;
  is_demo: boolean;
}

/** What the CLI prints for each demo account. */
export interface DemoAccountInfo {
  username: string;
  roleName: string;
  scopeLabel: string;
}

/**
 * The whole generated data set. A later domain adds its own field(s) here, filled by its
 * module's generate(ctx, base); see demo/README.md.
 */
export interface DemoData {
  seed: number;
  regions: RegionRow[];
  organizations: OrgRow[];
  enterprises: EnterpriseRow[];
  accounts: AccountRow[];
  accountList: DemoAccountInfo[];
}
