// Demo accounts: one per role (two towns, for scope tests), all with the same known password.
import { ROLE_BY_CODE } from '../contracts/roles.js';
import { COUNTY_NAME, regionByName, townCode, villagesOf } from './county.js';
import { demoEnterprise } from './enterprises.js';
import { BUREAU_NAME, orgByName, RESCUE_BRIGADE_NAME } from './orgs.js';
import type { DemoContext } from './random.js';
import type { AccountRow, DemoAccountInfo, DemoData } from './types.js';

/** The password of every demo account (is_demo = true; shown on the login page in demo mode). */
export const DEMO_PASSWORD = 'Yingji@2026';

const ZHUJIAN = `${COUNTY_NAME}住房和城乡建设局`;

type Scope =
  | { kind: 'all' }
  | { kind: 'region'; region: 'town' | 'village'; town: '白塘镇' | '罗江镇' }
  | { kind: 'org'; org: string }
  | { kind: 'enterprise' };

interface AccountSpec {
  username: string;
  role: string;
  /** The organisation the person works in (name), if any. */
  org: string | null;
  scope: Scope;
  enforcementCertNo?: string;
}

/** The demo accounts, in the order the CLI prints them. */
export const ACCOUNT_SPECS: readonly AccountSpec[] = [
  { username: 'admin', role: 'admin', org: '办公室', scope: { kind: 'all' } },
  { username: 'leader', role: 'leader', org: BUREAU_NAME, scope: { kind: 'all' } },
  { username: 'staff', role: 'staff', org: '安全生产综合协调股', scope: { kind: 'all' } },
  { username: 'officer', role: 'officer', org: '政策法规股(执法大队)', scope: { kind: 'all' }, enforcementCertNo: '湘应执字43069900123' },
  { username: 'town_baitang', role: 'town', org: '白塘镇应急管理站', scope: { kind: 'region', region: 'town', town: '白塘镇' } },
  { username: 'town_luojiang', role: 'town', org: '罗江镇应急管理站', scope: { kind: 'region', region: 'town', town: '罗江镇' } },
  { username: 'dept_zhujian', role: 'dept', org: ZHUJIAN, scope: { kind: 'org', org: ZHUJIAN } },
  { username: 'ent_demo', role: 'enterprise', org: null, scope: { kind: 'enterprise' } },
  { username: 'informant_demo', role: 'informant', org: '白塘镇应急管理站', scope: { kind: 'region', region: 'village', town: '白塘镇' } },
  { username: 'rescuer_demo', role: 'rescuer', org: RESCUE_BRIGADE_NAME, scope: { kind: 'org', org: RESCUE_BRIGADE_NAME } },
];

/** Generates the demo account rows (without password hashes) and the list the CLI prints. */
export function generate(
  ctx: DemoContext, base: Pick<DemoData, 'regions' | 'organizations' | 'enterprises'>,
): { accounts: AccountRow[]; accountList: DemoAccountInfo[] } {
  const accounts: AccountRow[] = [];
  const accountList: DemoAccountInfo[] = [];
  for (const spec of ACCOUNT_SPECS) {
    const role = ROLE_BY_CODE.get(spec.role);
    if (!role) throw new Error(`demo: unknown role ${spec.role}`);
    const row: AccountRow = {
      id: ctx.id(), username: spec.username, display_name: ctx.personName(), phone: ctx.mobile(),
      roles: [role.code], org_id: spec.org ? orgByName(base, spec.org).id : null,
      scope_kind: spec.scope.kind, scope_region_code: null, scope_org_id: null, scope_enterprise_id: null,
      enforcement_cert_no: spec.enforcementCertNo ?? null, must_change_password: false, is_demo: true,
    };
    let scopeLabel = '全市';
    const s = spec.scope;
    if (s.kind === 'region') {
      const town = regionByName(base, s.town);
      // An informant reports for one village: the town's first 村 (not a 社区).
      const region = s.region === 'town' ? town : villagesOf(base, townCode(s.town)).find((v) => v.name.endsWith('村'))!;
      row.scope_region_code = region.code;
      scopeLabel = s.region === 'town' ? town.name : `${town.name}${region.name}`;
    } else if (s.kind === 'org') {
      row.scope_org_id = orgByName(base, s.org).id;
      scopeLabel = s.org;
    } else if (s.kind === 'enterprise') {
      const e = demoEnterprise(base);
      row.scope_enterprise_id = e.id;
      scopeLabel = e.name;
    }
    accounts.push(row);
    accountList.push({ username: spec.username, roleName: role.name, scopeLabel });
  }
  return { accounts, accountList };
}
