// Excel exports of the activity ledger (宣传教育活动台账) and the certificate list (培训证书台账), filtered and scoped as the lists.
import { MATERIALS } from '../../../contracts/outreach.js';
import { int, text } from '../../platform/excel/columns.js';
import type { XlsxColumn } from '../../platform/excel/xlsx.js';

export const ACTIVITY_COLUMNS: XlsxColumn[] = [
  { key: 'heldOn', header: '日期', type: text(), width: 12 }, { key: 'kindLabel', header: '类型', type: text(), width: 14 },
  { key: 'title', header: '活动名称', type: text(), width: 36 }, { key: 'organiser', header: '组织单位', type: text(), width: 24 },
  { key: 'regionName', header: '区划', type: text() }, { key: 'place', header: '地点', type: text(), width: 24 },
  { key: 'participants', header: '参加人数', type: int() }, { key: 'rounds', header: '竞赛轮次', type: int() },
  ...MATERIALS.map((m) => ({ key: m.key, header: `${m.label}（${m.unit}）`, type: int() })),
  { key: 'photoCount', header: '照片数', type: int() },
];

export const CERTIFICATE_COLUMNS: XlsxColumn[] = [
  { key: 'personName', header: '姓名', type: text() }, { key: 'postLabel', header: '岗位', type: text() }, { key: 'operation', header: '作业类别', type: text() },
  { key: 'enterpriseName', header: '企业', type: text(), width: 32 }, { key: 'certificateNo', header: '证书编号', type: text(), width: 20 },
  { key: 'issuedOn', header: '发证日期', type: text(), width: 12 }, { key: 'expiresOn', header: '有效期至', type: text(), width: 12 },
  { key: 'statusLabel', header: '状态', type: text() }, { key: 'trainingTitle', header: '培训班', type: text(), width: 32 },
];
export const STATUS_LABELS = { expired: '已过期', expiring: '即将到期', valid: '有效' } as const;
