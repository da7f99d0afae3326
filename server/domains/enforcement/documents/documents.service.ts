// 执法文书: issue a document of a kind (filled from the records, numbered per 文号 abbreviation and year without gaps,
// in the record's transaction), render it as Word or a printable page, and record its 送达 with a 送达回执.
import type { Static } from '@sinclair/typebox';
import { DOCUMENT_KINDS, type DocumentKind, SERVICE_METHODS, type ServiceInput } from '../../../../contracts/enforcement.js';
import { audit, type Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../platform/db/db.js';
import { nextNumber } from '../../../platform/db/numbering.js';
import type { DocModel } from '../../../platform/docx/model.js';
import { AppError, badRequest, notFound } from '../../../platform/http/errors.js';
import { uuidv7 } from '../../../platform/ids.js';
import { ruleValue } from '../../../platform/settings/rules.js';
import { checkFiles } from '../common/files.js';
import { DOCUMENT_AGENCY } from '../common/rules.js';
import { cnDate, dayOf, today } from '../common/util.js';
import { type DocumentRow, findDocument, insertDocument, insertService } from './documents.store.js';
import type { DocFields } from './fields.js';
import { fill, type IssueRequest } from './fill.js';
import { CASE_TEMPLATES } from './templates.case.js';
import { INSPECTION_TEMPLATES } from './templates.inspection.js';

const TEMPLATES = { ...INSPECTION_TEMPLATES, ...CASE_TEMPLATES };
/** Kinds a person issues by hand; the others are made by the workflow move they belong to. */
export const MANUAL_KINDS: DocumentKind[] = ['rectify_order', 'review_opinion', 'inquiry_record', 'hearing_record', 'payment_reminder'];

/** The 文号 of a kind's n-th document of a year: （汨）应急罚〔2022〕12号. */
export const documentNumber = (agencyAbbr: string, abbr: string, year: number, n: number) => `（${agencyAbbr}）应急${abbr}〔${year}〕${n}号`;

/** Store a document with its number; the number is taken in the caller's transaction, so a rollback gives it back. */
async function store(ctx: Ctx, tx: Tx, kind: DocumentKind, scopeOf: { regionCode: string; enterpriseId: string | null; orgId: string | null; sector: string | null; partyName: string },
  refs: Partial<Record<'inspection_id' | 'case_id' | 'measure_id' | 'transfer_id', string | null>>, fields: Omit<DocFields, 'agency' | 'issuedOn'>): Promise<DocumentRow> {
  const def = DOCUMENT_KINDS[kind];
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const agency = (await ruleValue(tx, DOCUMENT_AGENCY, ctx.clock())).value;
  const seq = def.abbr ? await nextNumber(tx, `doc:${def.abbr}`, year) : null;
  const number = def.abbr && seq ? documentNumber(agency.abbr, def.abbr, year, seq) : null;
  const row: DocumentRow & { issued_by: string | null } = {
    id: uuidv7(), kind, number, year, seq, title: def.title, org_id: scopeOf.orgId, enterprise_id: scopeOf.enterpriseId, party_name: scopeOf.partyName,
    region_code: scopeOf.regionCode, sector: scopeOf.sector, inspection_id: refs.inspection_id ?? null, case_id: refs.case_id ?? null, measure_id: refs.measure_id ?? null,
    transfer_id: refs.transfer_id ?? null, fields: { ...fields, agency: agency.name, issuedOn: cnDate(day) }, issued_at: ctx.clock(), issued_by: ctx.actor.id, issued_by_name: ctx.actor.name,
  };
  await insertDocument(tx, { ...row, issued_at: ctx.clock().toISOString() });
  await audit(ctx, tx, { action: 'enforcement.document.issue', entityType: 'enforcement_document', entityId: row.id, regionCode: row.region_code,
    after: { kind, number, party: row.party_name, case: row.case_id, inspection: row.inspection_id } });
  return row;
}

/** Issue a document inside the caller's transaction (a workflow move that makes its form). */
export async function issueDocumentIn(ctx: Ctx, tx: Tx, r: IssueRequest): Promise<DocumentRow> {
  const f = await fill(ctx, tx, r);
  return store(ctx, tx, r.kind, f, { inspection_id: r.inspectionId ?? f.refs?.inspectionId, case_id: r.caseId ?? f.refs?.caseId, measure_id: r.measureId, transfer_id: r.transferId }, f.fields);
}

/** Issue one of the hand-made kinds (责令限期整改指令书, 复查意见书, 询问笔录 …). */
export async function issueDocument(ctx: Ctx, r: IssueRequest): Promise<DocumentRow> {
  if (!MANUAL_KINDS.includes(r.kind)) {
    throw badRequest(`「${DOCUMENT_KINDS[r.kind].title}」由对应的办理环节自动制作，不能单独开具；可单独开具：${MANUAL_KINDS.map((k) => DOCUMENT_KINDS[k].title).join('、')}`, 'Made by its workflow move');
  }
  return ctx.db.tx((tx) => issueDocumentIn(ctx, tx, r));
}

/** The printable model of a stored document. */
export function modelOf(d: DocumentRow): DocModel {
  const f = d.fields as DocFields;
  const template = TEMPLATES[d.kind];
  if (!template) throw new AppError(500, 'no_template', `文书「${d.title}」缺少版式`, `No template for ${d.kind}`);
  return { authority: f.agency, title: d.title, number: d.number, blocks: template(f), footer: d.kind === 'service_receipt' ? undefined : '本文书一式两份：一份交当事人，一份归档。' };
}

/** Record how a document reached the party, inside the caller's transaction, and make its 送达回执. */
export async function recordServiceIn(ctx: Ctx, tx: Tx, doc: DocumentRow, input: Static<typeof ServiceInput>) {
  if (input.method === 'left' && (!input.refusalNote || !input.witness)) throw badRequest('留置送达须写明拒收事由并有见证人', 'Left service needs a refusal note and a witness');
  if (input.method === 'direct' && !input.signatureFileId && !input.refusalNote) throw badRequest('直接送达须上传受送达人签收的回执照片，或写明拒签情况', 'Direct service needs a signature or a refusal note');
  const [signature] = await checkFiles(ctx, tx, [input.signatureFileId], '签收回执');
  const servedAt = input.servedAt ? new Date(input.servedAt) : ctx.clock();
  if (servedAt.getTime() > ctx.clock().getTime() + 5 * 60_000) throw badRequest('送达时间不能晚于现在', 'Served in the future');
  const id = uuidv7();
  await insertService(tx, { id, document_id: doc.id, method: input.method, served_at: servedAt.toISOString(), recipient: input.recipient, signature_file_id: signature ?? null,
    refusal_note: input.refusalNote ?? null, witness: input.witness ?? null, note: input.note ?? null, recorded_by: ctx.actor.id, recorded_by_name: ctx.actor.name });
  const f = doc.fields as DocFields;
  const receipt = await store(ctx, tx, 'service_receipt', { regionCode: doc.region_code, enterpriseId: doc.enterprise_id, orgId: doc.org_id, sector: doc.sector, partyName: doc.party_name },
    { inspection_id: doc.inspection_id, case_id: doc.case_id, measure_id: doc.measure_id, transfer_id: doc.transfer_id },
    { party: f.party, officers: f.officers, serviceId: id, documentTitle: doc.title, documentNumber: doc.number ?? '', servedAt: `${cnDate(dayOf(servedAt))}`,
      method: SERVICE_METHODS[input.method], recipient: input.recipient, refusal: input.refusalNote ?? '', witness: input.witness ?? '', note: input.note ?? '' });
  await audit(ctx, tx, { action: 'enforcement.document.serve', entityType: 'enforcement_document', entityId: doc.id, regionCode: doc.region_code,
    after: { method: input.method, servedAt: servedAt.toISOString(), recipient: input.recipient, receipt: receipt.number } });
  return { id, servedAt, receipt };
}

/** Record the 送达 of a document by id. */
export async function serveDocument(ctx: Ctx, id: string, input: Static<typeof ServiceInput>) {
  return ctx.db.tx(async (tx) => {
    const doc = await findDocument(tx, ctx.actor.scope, id);
    if (!doc) throw notFound('执法文书', 'Document');
    if (doc.kind === 'service_receipt') throw badRequest('送达回执本身不需要送达', 'A receipt is not served');
    if (doc.kind === 'penalty_decision') throw badRequest('行政处罚决定书的送达请在案件中以“送达处罚决定书”登记（将起算缴款期限）', 'Serve the decision through its case');
    return recordServiceIn(ctx, tx, doc, input);
  });
}
