// What the signed-in account may do with one enterprise. A regulator with 企业档案维护 edits everything;
// an enterprise account edits only its own contacts, licences and hazard sources (the server enforces
// the same rules; this only hides what would be refused).
import { useMe } from '../../app/session';

export interface EnterpriseAccess {
  /** The account is this enterprise's own (an enterprise account). */
  own: boolean;
  editRecord: boolean;
  changeStatus: boolean;
  editContacts: boolean;
  editLicences: boolean;
  editHazardSources: boolean;
  uploadFiles: boolean;
}

export function useEnterpriseAccess(enterpriseId: string): EnterpriseAccess {
  const me = useMe();
  const enterpriseAccount = me.scope.kind === 'enterprise';
  const own = enterpriseAccount && me.scope.enterpriseId === enterpriseId;
  const regulator = !enterpriseAccount && me.permissions.includes('enterprise:write');
  const ownOrRegulator = own || regulator;
  return {
    own, editRecord: regulator, changeStatus: regulator, editContacts: ownOrRegulator, editLicences: ownOrRegulator,
    editHazardSources: ownOrRegulator, uploadFiles: me.permissions.includes('files:write') && (own || !enterpriseAccount),
  };
}
