// Enterprise rows → API shapes, and the snapshot the audit trail keeps (stored fields only, no computed ones).
import type { Enterprise, EnterpriseListItem, StatusChange } from '../../../contracts/enterprises.js';
import { maskFields, type PersonalKind } from '../../platform/personal/personal.js';
import type { ChangeRow, EnterpriseRow, StatusChangeRow } from './enterprises.store.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A row of the list (and the first part of the detail). */
export function presentListItem(e: EnterpriseRow): EnterpriseListItem {
  return {
    id: e.id, name: e.name, formerNames: e.former_names, creditCode: e.credit_code, regionCode: e.region_code, regionName: e.region_name,
    townName: e.town_name, address: e.address, sector: e.sector, sectorDetail: e.sector_detail, subtype: e.subtype, flags: e.flags,
    status: e.status, riskLevel: e.risk_level, isKey: e.is_key, scale: e.scale, employees: e.employees, regulatorId: e.supervising_org_id,
    regulatorName: e.regulator_name, principalName: e.principal_name, principalPhone: e.principal_phone, lng: e.lng, lat: e.lat,
    majorHazardCount: e.major_hazard_count, majorHazardGrade: e.major_hazard_grade, nextLicenceExpiresOn: e.next_licence_expires_on,
    updatedAt: iso(e.updated_at)!,
  };
}

/** The whole record (一企一档 basic data). */
export function presentEnterprise(e: EnterpriseRow): Enterprise {
  return {
    ...presentListItem(e),
    legalRepresentative: e.legal_representative, legalRepresentativePhone: e.legal_representative_phone,
    safetyManagerName: e.safety_manager_name, safetyManagerPhone: e.safety_manager_phone,
    establishedOn: e.established_on, standardGrade: e.standard_grade, industryCode: e.industry_code,
    riskLevelSource: e.risk_level_source, riskLevelAt: iso(e.risk_level_at), statusChangedAt: iso(e.status_changed_at), createdAt: iso(e.created_at)!,
  };
}

/** What the audit trail records of an enterprise (stored fields; counts and joined names left out). */
export function snapshot(e: EnterpriseRow) {
  const { majorHazardCount, majorHazardGrade, nextLicenceExpiresOn, updatedAt, createdAt, regionName, townName, ...stored } = presentEnterprise(e);
  return stored;
}

export function presentStatusChange(c: StatusChangeRow): StatusChange {
  return {
    id: c.id, fromStatus: c.from_status, toStatus: c.to_status, reason: c.reason, orderedByOrgId: c.ordered_by_org_id,
    orderedByOrgName: c.ordered_by_org_name, orderedBy: c.ordered_by, documentNo: c.document_no, effectiveOn: c.effective_on,
    recordedById: c.recorded_by, recordedByName: c.recorded_by_name, recordedAt: iso(c.recorded_at)!,
  };
}

/** The personal data of an enterprise record: masked in every list and detail (issue #11; revealed one at a time). */
export const ENTERPRISE_PHONES = { legalRepresentativePhone: 'phone', principalPhone: 'phone', safetyManagerPhone: 'phone' } as const satisfies Record<string, PersonalKind>;
export const maskEnterprise = <T extends Partial<Enterprise>>(e: T): T => maskFields(e, ENTERPRISE_PHONES as Partial<Record<keyof T & string, PersonalKind>>);
const maskSnapshot = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? maskEnterprise(v as Partial<Enterprise>) : v);

export const presentChange = (c: ChangeRow) => ({ seq: c.seq, at: iso(c.at)!, actorName: c.actor_name, action: c.action, before: maskSnapshot(c.before), after: maskSnapshot(c.after) });
