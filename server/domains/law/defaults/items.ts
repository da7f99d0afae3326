// Default violation items (违法行为) of 安全生产法 chapter 6 with discretion benchmarks. The statutory ranges are [C]
// (the article's text); how a range is divided between the grades is ours, modelled on the common shape of provincial
// 应急管理行政处罚裁量基准, and is marked unconfirmed until the bureau adopts its province's published benchmark.

export type Grade = 'minor' | 'general' | 'serious' | 'severe';
export interface DefaultBand { grade: Grade; circumstances: string; kinds: string[]; fine?: [number, number]; personFine?: [number, number]; other?: string; unconfirmed: boolean }
export interface DefaultItem { code: string; name: string; sector?: string; violated: string; violatedPart?: string; penalty: string; penaltyPart?: string;
  keywords: string[]; bands: DefaultBand[] }

/**
 * What each penalty article allows, read from its verified text (verification.ts): the unit's fine when first ordered to
 * correct (`first`), after 逾期未改正/拒不执行 (`overdue`, absent where the article adds no unit fine then), and the fine on
 * 直接负责的主管人员和其他直接责任人员 (`person`); `phrases` must occur in the article as shipped, so a range cannot drift
 * from the text. generate.ts refuses a band outside these (minor/general/serious within `first`, severe within
 * `overdue` or else `first`, a band's person fine within `person`). Yuan; 以上/以下 include the amount.
 */
export const STATUTORY: Record<string, { first: [number, number]; overdue?: [number, number]; person?: [number, number]; suspension: boolean; phrases: string[] }> = {
  第九十四条: { first: [20000, 50000], overdue: [50000, 100000], suspension: true,
    phrases: ['责令限期改正，处二万元以上五万元以下的罚款；逾期未改正的，处五万元以上十万元以下的罚款，责令生产经营单位停产停业整顿'] },
  第九十七条: { first: [0, 100000], overdue: [100000, 200000], person: [20000, 50000], suspension: true,
    phrases: ['责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款'] },
  第九十九条: { first: [0, 50000], overdue: [50000, 200000], person: [10000, 20000], suspension: true,
    phrases: ['责令限期改正，处五万元以下的罚款；逾期未改正的，处五万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处一万元以上二万元以下的罚款；情节严重的，责令停产停业整顿'] },
  第一百零一条: { first: [0, 100000], overdue: [100000, 200000], person: [20000, 50000], suspension: true,
    phrases: ['责令限期改正，处十万元以下的罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下的罚款，对其直接负责的主管人员和其他直接责任人员处二万元以上五万元以下的罚款'] },
  第一百零二条: { first: [0, 50000], person: [50000, 100000], suspension: true,
    phrases: ['责令立即消除或者限期消除，处五万元以下的罚款；生产经营单位拒不执行的，责令停产停业整顿，对其直接负责的主管人员和其他直接责任人员处五万元以上十万元以下的罚款'] },
};

export const BENCHMARK_SOURCE = '处罚幅度：《安全生产法》（2021年修正）所列条文 [C]；档次划分：参照各省应急管理行政处罚自由裁量基准通行做法拟定 [M]，待本局按省级基准确认；轻微情形：《行政处罚法》第三十三条第一款 [C]';

export const CIRCUMSTANCES: Record<Grade, string> = {
  minor: '初次违法，危害后果轻微，并在责令改正前或限期内及时改正',
  general: '不属于轻微、较重、严重情形的',
  serious: '一年内因同一违法行为再次被查处，或存在导致生产安全事故的现实危险',
  severe: '逾期未改正或拒不执行，或导致发生生产安全事故',
};

const minor: DefaultBand = { grade: 'minor', circumstances: CIRCUMSTANCES.minor, kinds: [], other: '可以不予行政处罚，责令改正并进行教育（行政处罚法第三十三条）', unconfirmed: false };

/** 处十万元以下罚款；逾期未改正的，责令停产停业整顿，并处十万元以上二十万元以下罚款，个人二万元以上五万元以下 (Art. 97, 101). */
const upTo10w: DefaultBand[] = [minor,
  { grade: 'general', circumstances: CIRCUMSTANCES.general, kinds: ['fine'], fine: [10000, 40000], other: '责令限期改正', unconfirmed: true },
  { grade: 'serious', circumstances: CIRCUMSTANCES.serious, kinds: ['fine'], fine: [40000, 100000], other: '责令限期改正', unconfirmed: true },
  { grade: 'severe', circumstances: CIRCUMSTANCES.severe, kinds: ['fine', 'suspension'], fine: [100000, 200000], personFine: [20000, 50000], other: '责令停产停业整顿', unconfirmed: false },
];
/** 处五万元以下罚款；逾期未改正的，处五万元以上二十万元以下罚款，个人一万元以上二万元以下；情节严重的，责令停产停业整顿 (Art. 99). */
const upTo5w: DefaultBand[] = [minor,
  { grade: 'general', circumstances: CIRCUMSTANCES.general, kinds: ['fine'], fine: [5000, 20000], other: '责令限期改正', unconfirmed: true },
  { grade: 'serious', circumstances: CIRCUMSTANCES.serious, kinds: ['fine'], fine: [20000, 50000], other: '责令限期改正', unconfirmed: true },
  { grade: 'severe', circumstances: CIRCUMSTANCES.severe, kinds: ['fine'], fine: [50000, 200000], personFine: [10000, 20000], other: '情节严重的，责令停产停业整顿', unconfirmed: false },
];
/** 未采取措施消除事故隐患：处五万元以下罚款；拒不执行的，责令停产停业整顿，个人五万元以上十万元以下 (Art. 102).
 * The 2021 text adds no unit fine on refusal, so the severe band's unit fine stays within the first 五万元以下. */
const hazard102: DefaultBand[] = [minor,
  { grade: 'general', circumstances: CIRCUMSTANCES.general, kinds: ['fine'], fine: [10000, 30000], other: '责令立即消除或者限期消除', unconfirmed: true },
  { grade: 'serious', circumstances: CIRCUMSTANCES.serious, kinds: ['fine'], fine: [30000, 50000], other: '责令立即消除或者限期消除', unconfirmed: true },
  { grade: 'severe', circumstances: '拒不执行消除隐患的指令，或导致发生生产安全事故', kinds: ['fine', 'suspension'], fine: [40000, 50000], personFine: [50000, 100000], other: '责令停产停业整顿', unconfirmed: true },
];
/** 主要负责人未履行职责：处二万元以上五万元以下罚款；逾期未改正的，处五万元以上十万元以下，责令单位停产停业整顿 (Art. 94). */
const principal94: DefaultBand[] = [minor,
  { grade: 'general', circumstances: CIRCUMSTANCES.general, kinds: ['fine'], fine: [20000, 30000], other: '责令限期改正', unconfirmed: true },
  { grade: 'serious', circumstances: CIRCUMSTANCES.serious, kinds: ['fine'], fine: [30000, 50000], other: '责令限期改正', unconfirmed: true },
  { grade: 'severe', circumstances: '逾期未改正', kinds: ['fine', 'suspension'], fine: [50000, 100000], other: '责令生产经营单位停产停业整顿', unconfirmed: false },
];

export const DEFAULT_ITEMS: DefaultItem[] = [
  { code: 'AQF-094', name: '生产经营单位的主要负责人未履行本法规定的安全生产管理职责', violated: '第二十一条', penalty: '第九十四条', penaltyPart: '第一款',
    keywords: ['主要负责人', '安全生产责任制', '未履行', '管理职责'], bands: principal94 },
  { code: 'AQF-097-03', name: '未按照规定对从业人员、被派遣劳动者、实习学生进行安全生产教育和培训', violated: '第二十八条', penalty: '第九十七条', penaltyPart: '第（三）项',
    keywords: ['教育', '培训', '三级安全教育', '从业人员'], bands: upTo10w },
  { code: 'AQF-097-04', name: '未如实记录安全生产教育和培训情况', violated: '第二十八条', violatedPart: '第四款', penalty: '第九十七条', penaltyPart: '第（四）项',
    keywords: ['培训档案', '培训记录', '未如实记录'], bands: upTo10w },
  { code: 'AQF-097-07', name: '特种作业人员未按照规定经专门的安全作业培训并取得相应资格，上岗作业', violated: '第三十条', penalty: '第九十七条', penaltyPart: '第（七）项',
    keywords: ['特种作业', '持证', '操作证', '电工', '焊工', '无证上岗'], bands: upTo10w },
  { code: 'AQF-099-01', name: '未在有较大危险因素的生产经营场所和有关设施、设备上设置明显的安全警示标志', violated: '第三十五条', penalty: '第九十九条', penaltyPart: '第（一）项',
    keywords: ['警示标志', '安全标志', '警示标识'], bands: upTo5w },
  { code: 'AQF-099-03', name: '未对安全设备进行经常性维护、保养和定期检测', violated: '第三十六条', violatedPart: '第二款', penalty: '第九十九条', penaltyPart: '第（三）项',
    keywords: ['安全设备', '维护', '保养', '定期检测', '检测报警', '灭火器', '安全阀'], bands: upTo5w },
  { code: 'AQF-099-04', name: '关闭、破坏直接关系生产安全的监控、报警、防护、救生设备、设施，或者篡改、隐瞒、销毁其相关数据、信息', violated: '第三十六条', violatedPart: '第三款',
    penalty: '第九十九条', penaltyPart: '第（四）项', keywords: ['关闭', '报警', '监控', '旁路', '屏蔽', '篡改数据'], bands: upTo5w },
  { code: 'AQF-099-08', name: '餐饮等行业的生产经营单位使用燃气未安装可燃气体报警装置', sector: 'gas', violated: '第三十六条', violatedPart: '第四款', penalty: '第九十九条', penaltyPart: '第（八）项',
    keywords: ['燃气', '可燃气体报警', '餐饮', '报警装置'], bands: upTo5w },
  { code: 'AQF-101-02', name: '对重大危险源未登记建档，未进行定期检测、评估、监控，未制定应急预案，或者未告知应急措施', sector: 'hazchem', violated: '第四十条', penalty: '第一百零一条', penaltyPart: '第（二）项',
    keywords: ['重大危险源', '登记建档', '监控', '评估', '备案'], bands: upTo10w },
  { code: 'AQF-101-03', name: '进行爆破、吊装、动火、临时用电等危险作业，未安排专门人员进行现场安全管理', violated: '第四十三条', penalty: '第一百零一条', penaltyPart: '第（三）项',
    keywords: ['动火', '吊装', '爆破', '临时用电', '危险作业', '监护人', '特殊作业'], bands: upTo10w },
  { code: 'AQF-101-05', name: '未建立事故隐患排查治理制度，或者重大事故隐患排查治理情况未按照规定报告', violated: '第四十一条', violatedPart: '第二款', penalty: '第一百零一条', penaltyPart: '第（五）项',
    keywords: ['隐患排查治理制度', '重大事故隐患', '未报告'], bands: upTo10w },
  { code: 'AQF-102', name: '生产经营单位未采取措施消除事故隐患', violated: '第四十一条', violatedPart: '第二款', penalty: '第一百零二条',
    keywords: ['隐患', '未消除', '未整改', '整改不到位', '除尘', '积尘', '有限空间', '泄爆'], bands: hazard102 },
];
