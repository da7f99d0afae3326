// The legal sources shipped with the product (0061_law_defaults.sql is generated from this file and the fixture).
// Numbers and dates were checked against public copies on 2026-11-30 (issue #14); each source's `note` says against
// what, and what could not be checked. Article texts: see verification.ts. The bureau edits them afterwards.

export interface DefaultVersion { key: string; label: string; docNumber?: string; issuedOn?: string; effectiveFrom: string; note?: string;
  /** Text to split into articles: a fixture file name under ../fixtures, or inline text. */
  fixture?: string; text?: string }
export interface DefaultSource { key: string; kind: string; title: string; shortTitle?: string; docNumber?: string; issuer: string;
  repealedOn?: string; replacedBy?: string; note?: string; unconfirmed?: boolean; versions: DefaultVersion[] }

const ART99_2014 = `第九十九条　生产经营单位未采取措施消除事故隐患的，责令立即消除或者限期消除；生产经营单位拒不执行的，责令停产停业整顿，并处十万元以上五十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款。`;

const PENALTY_LAW_2021 = `第四章　行政处罚的管辖和适用
第三十二条　当事人有下列情形之一，应当从轻或者减轻行政处罚：
（一）主动消除或者减轻违法行为危害后果的；
（二）受他人胁迫或者诱骗实施违法行为的；
（三）主动供述行政机关尚未掌握的违法行为的；
（四）配合行政机关查处违法行为有立功表现的；
（五）法律、法规、规章规定其他应当从轻或者减轻行政处罚的。
第三十三条　违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。
当事人有证据足以证明没有主观过错的，不予行政处罚。法律、行政法规另有规定的，从其规定。
对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育。`;

export const DEFAULT_SOURCES: DefaultSource[] = [
  { key: 'aqscf', kind: 'law', title: '中华人民共和国安全生产法', shortTitle: '安全生产法', docNumber: '主席令第七十号（2002年）', issuer: '全国人民代表大会常务委员会',
    note: '2021年修正本为节选：第二章中违法行为条目引用的条文及第六章第九十二条至第一百零二条；其余条文请导入全文。文号与日期已核对（2026-11-30）：2002年主席令第七十号、2014年主席令第十三号（2014-08-31通过，2014-12-01施行）、2021年主席令第八十八号（2021-06-10通过，2021-09-01施行），见各版本公布令转载。', versions: [
      { key: '2014', label: '2014年修正', docNumber: '主席令第十三号', issuedOn: '2014-08-31', effectiveFrom: '2014-12-01', text: ART99_2014, note: '仅收录第九十九条（与2021年修正本第一百零二条相当）' },
      { key: '2021', label: '2021年修正', docNumber: '主席令第八十八号', issuedOn: '2021-06-10', effectiveFrom: '2021-09-01', fixture: 'anquan-shengchan-fa-2021-excerpt.txt',
        note: '节选条文已与国家法律法规数据库文本逐条核对（2026-11-30），每条的核对来源见条文的核对说明；第九十八条第（四）项已更正' },
    ] },
  { key: 'xzcff', kind: 'law', title: '中华人民共和国行政处罚法', shortTitle: '行政处罚法', issuer: '全国人民代表大会常务委员会',
    note: '2021年修订：主席令第七十号，2021-01-22修订通过，2021-07-15施行（已核对公布令转载，2026-11-30）。', versions: [
    { key: '2021', label: '2021年修订', docNumber: '主席令第七十号', issuedOn: '2021-01-22', effectiveFrom: '2021-07-15', text: PENALTY_LAW_2021, note: '节选第四章第三十二条、第三十三条（从轻减轻与不予处罚），裁量基准引用；已与国家法律法规数据库文本核对' },
  ] },
  { key: 'tfsj', kind: 'law', title: '中华人民共和国突发事件应对法', shortTitle: '突发事件应对法', issuer: '全国人民代表大会常务委员会',
    note: '文号与日期已核对（2026-11-30）：2007年主席令第六十九号（2007-08-30通过，2007-11-01施行）；2024年修订主席令第二十五号（2024-06-28修订通过，2024-11-01施行），见人民日报所载公布令及国家法律法规数据库转录。正文未收录。', versions: [
    { key: '2007', label: '2007年公布', docNumber: '主席令第六十九号', issuedOn: '2007-08-30', effectiveFrom: '2007-11-01' },
    { key: '2024', label: '2024年修订', docNumber: '主席令第二十五号', issuedOn: '2024-06-28', effectiveFrom: '2024-11-01' },
  ] },
  { key: 'ling15', kind: 'ministry_rule', title: '安全生产违法行为行政处罚办法', shortTitle: '安全生产违法行为行政处罚办法（总局令第15号）', docNumber: '国家安全生产监督管理总局令第15号',
    issuer: '国家安全生产监督管理总局', repealedOn: '2026-02-01', replacedBy: 'ling18',
    note: '2007-11-30公布、2008-01-01施行；2015-04-02经国家安全监管总局令第77号修正、2015-05-01施行（已核对公布令及修正本题注转载，2026-11-30）。自2026-02-01起由应急管理部令第18号同名办法取代（新办法附则的废止条款原文未见，按其施行日期记为废止日）。正文未收录。', versions: [
      { key: '2008', label: '2007年公布', issuedOn: '2007-11-30', effectiveFrom: '2008-01-01' },
      { key: '2015', label: '2015年修正', docNumber: '国家安全生产监督管理总局令第77号', issuedOn: '2015-04-02', effectiveFrom: '2015-05-01' },
    ] },
  { key: 'ling18', kind: 'ministry_rule', title: '安全生产违法行为行政处罚办法', shortTitle: '安全生产违法行为行政处罚办法（应急管理部令第18号）', docNumber: '应急管理部令第18号',
    issuer: '应急管理部', note: '2025-11-24应急管理部第29次部务会议审议通过，2025-11-27公布，2026-02-01施行（已核对部令转载及新闻报道，2026-11-30）。正文未收录，请导入官方文本。', versions: [
      { key: '2026', label: '2025年公布', docNumber: '应急管理部令第18号', issuedOn: '2025-11-27', effectiveFrom: '2026-02-01' },
    ] },
  { key: 'ling16', kind: 'ministry_rule', title: '安全生产事故隐患排查治理暂行规定', docNumber: '国家安全生产监督管理总局令第16号', issuer: '国家安全生产监督管理总局',
    note: '2007-12-28公布、2008-02-01施行（已核对公布令转载，2026-11-30）；未查到废止或替代的规章，请本局确认现行有效。正文未收录。', versions: [
    { key: '2008', label: '2007年公布', issuedOn: '2007-12-28', effectiveFrom: '2008-02-01' },
  ] },
  { key: 'ling10', kind: 'ministry_rule', title: '工贸企业重大事故隐患判定标准', docNumber: '应急管理部令第10号', issuer: '应急管理部',
    note: '2023-05-15施行已核对（中新网 2023-04-19 报道）；公布日期 2023-04-14 仅见于第三方资料，未见部令原文。正文未收录；引用它的检查项所标条号（第十一条粉尘、第十三条有限空间）未能核对。', versions: [
    { key: '2023', label: '2023年公布', issuedOn: '2023-04-14', effectiveFrom: '2023-05-15' },
  ] },
  { key: 'gb18218', kind: 'national_standard', title: '危险化学品重大危险源辨识', docNumber: 'GB 18218-2018', issuer: '国家市场监督管理总局、国家标准化管理委员会',
    note: '2018-11-19发布、2019-03-01实施，代替 GB 18218-2009（已核对标准封面及前言转载，2026-11-30）。正文未收录。', versions: [
    { key: '2018', label: 'GB 18218-2018', issuedOn: '2018-11-19', effectiveFrom: '2019-03-01' },
  ] },
  { key: 'gb30871_2014', kind: 'national_standard', title: '化学品生产单位特殊作业安全规范', docNumber: 'GB 30871-2014', issuer: '国家质量监督检验检疫总局、国家标准化管理委员会',
    repealedOn: '2022-10-01', replacedBy: 'gb30871', unconfirmed: true, note: '实施日期 2015-06-01 未能找到可核对的公开来源，请本局按标准文本确认。正文未收录。', versions: [{ key: '2014', label: 'GB 30871-2014', effectiveFrom: '2015-06-01' }] },
  { key: 'gb30871', kind: 'national_standard', title: '危险化学品企业特殊作业安全规范', docNumber: 'GB 30871-2022', issuer: '国家市场监督管理总局、国家标准化管理委员会',
    unconfirmed: true, note: '标准名称已核对；发布日期 2022-03-15、实施日期 2022-10-01 未能找到可核对的公开来源，请本局按标准文本确认。正文未收录。', versions: [
    { key: '2022', label: 'GB 30871-2022', issuedOn: '2022-03-15', effectiveFrom: '2022-10-01' },
  ] },
];

/** Citations other domains hold in their own tables, registered so that a replaced source lists them for review. */
export const DEFAULT_CITATIONS: { subjectType: string; subjectId: string; label: string; source: string; article?: string; cited: string }[] = [
  { subjectType: 'rule', subjectId: 'enforcement.case.limits', label: '行政处罚案件各环节时限（2026-02-01前立案）', source: 'ling15', cited: '总局令第15号' },
  { subjectType: 'rule', subjectId: 'enforcement.case.hearing_thresholds', label: '听证告知的较大数额罚款标准（2026-02-01前立案）', source: 'ling15', cited: '总局令第15号' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000003#GM-1', label: '工贸企业执法检查表 GM-1 全员安全生产责任制', source: 'aqscf', article: '第二十二条', cited: '安全生产法第22条' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000003#GM-2', label: '工贸企业执法检查表 GM-2 粉尘涉爆除尘系统', source: 'ling10', article: '第十一条', cited: '应急管理部令第10号 第11条' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000003#GM-3', label: '工贸企业执法检查表 GM-3 有限空间作业', source: 'ling10', article: '第十三条', cited: '应急管理部令第10号 第13条' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000003#GM-5', label: '工贸企业执法检查表 GM-5 安全警示标志', source: 'aqscf', article: '第三十五条', cited: '安全生产法第35条' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000002#WH-2', label: '危险化学品企业执法检查表 WH-2 重大危险源监控', source: 'aqscf', article: '第四十条', cited: '安全生产法第40条' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000002#WH-4', label: '危险化学品企业执法检查表 WH-4 特殊作业审批与监护', source: 'gb30871', cited: 'GB 30871' },
  { subjectType: 'checklist_item', subjectId: '0190f100-0000-7000-8000-000000000001#FM-5', label: '非煤矿山执法检查表 FM-5 考核合格与持证上岗', source: 'aqscf', article: '第二十七条', cited: '安全生产法第27、30条' },
  { subjectType: 'check_template_item', subjectId: '0190f000-0000-7000-8000-000000000001#FC-3', label: '粉尘涉爆企业日常检查表 FC-3 泄爆、惰化、抑爆', source: 'ling10', article: '第十一条', cited: '令10号 第11条(三)' },
  { subjectType: 'hazard_category', subjectId: 'industry_trade.dust', label: '工贸重大事故隐患：存在粉尘爆炸危险的', source: 'ling10', article: '第十一条', cited: '应急管理部令第10号 第十一条' },
  { subjectType: 'hazard_category', subjectId: 'industry_trade.confined_space', label: '工贸重大事故隐患：有限空间作业', source: 'ling10', article: '第十三条', cited: '应急管理部令第10号 第十三条' },
  { subjectType: 'hazard_category', subjectId: 'hazchem.major_source', label: '危险化学品重大危险源辨识', source: 'gb18218', cited: 'GB 18218-2018' },
];
