// Which shipped article texts were checked against public copies, and against which (issue #14). Every article the
// generator ships must have an entry here (generate.ts refuses otherwise), so a text typed in later cannot reach the
// bureau unmarked. The notes are written to law_articles.verified / verification_note by 0061_law_defaults.sql.
//
// Copies used (checked 2026-11-30, word by word after full-width/half-width punctuation was normalised):
//   [NPC]  国家法律法规数据库 (flk.npc.gov.cn) as transcribed in the public repository LawRefBook/Laws, whose scripts
//          fetch from flk.npc.gov.cn: 社会法/安全生产法(2021-06-10).md and a second fetch, 社会法/安全生产法.md;
//          行政处罚法 2021 in the fork Theonefkguy/Chinese-Laws, 行政法/行政处罚法(2021-01-22).md (marked "SOURCE:
//          国家法律法规数据库").
//   Second copies are public web pages quoting the article; they are named per article where one was found.

export interface ArticleCheck { verified: boolean; note: string }

const NPC_2021 = '与国家法律法规数据库文本（LawRefBook/Laws 转录，社会法/安全生产法(2021-06-10).md）逐字核对一致';
const NPC_2021_TWICE = `${NPC_2021}；同库另一次抓取（社会法/安全生产法.md）亦一致`;

/** `${source key}:${version key}` → article label → check. */
export const ARTICLE_CHECKS: Record<string, Record<string, ArticleCheck>> = {
  'aqscf:2021': {
    第二十一条: { verified: true, note: `${NPC_2021}；另见《安全生产法释义》摘录（wxredian.com）、jcahj.com 全文转载` },
    第二十八条: { verified: true, note: `${NPC_2021}；第二至四款另见 shititong.cn、uianet.net 转载` },
    第三十条: { verified: true, note: `${NPC_2021}；另见 ynjnpx.com、estsglobal.com 转载` },
    第三十五条: { verified: true, note: `${NPC_2021}（仅此一个来源）` },
    第三十六条: { verified: true, note: `${NPC_2021}；另见 cn-yxyp.com 转载（2021年修正后全文）` },
    第四十条: { verified: true, note: `${NPC_2021}（仅此一个来源）` },
    第四十一条: { verified: true, note: `${NPC_2021}；另见法治日报“书·法”专栏、taobao13.cn 每日解读转载` },
    第四十三条: { verified: true, note: `${NPC_2021}；另见 ynjnpx.com 转载` },
    第九十二条: { verified: true, note: NPC_2021 },
    第九十三条: { verified: true, note: NPC_2021 },
    第九十四条: { verified: true, note: `${NPC_2021}；第一款另见围场县、喀什地区应急管理局行政处罚事项清单` },
    第九十五条: { verified: true, note: `${NPC_2021}；另见周口日报 2022-12-15 第04版` },
    第九十六条: { verified: true, note: NPC_2021_TWICE },
    第九十七条: { verified: true, note: `${NPC_2021_TWICE}；首句及第（七）项另见 ynjnpx.com 转载` },
    第九十八条: { verified: true, note: `${NPC_2021_TWICE}。已更正：第（四）项原录为“用于生产、储存危险物品的建设项目”，脱漏“装卸”（2014年修正本第九十五条第（四）项的写法），现按数据库文本补为“生产、储存、装卸”` },
    第九十九条: { verified: true, note: `${NPC_2021_TWICE}；首句及第（八）项另见 cn-yxyp.com 转载` },
    第一百条: { verified: true, note: NPC_2021_TWICE },
    第一百零一条: { verified: true, note: NPC_2021_TWICE },
    第一百零二条: { verified: true, note: `${NPC_2021_TWICE}；另见乳山商务 rushan.xyz 转载` },
  },
  'aqscf:2014': {
    第九十九条: { verified: true, note: '与 2014年修正本全文转载（新浪天津 tj.sina.com.cn 2016-05-25）逐字一致；未找到第二个独立来源，国家法律法规数据库历史文本未能取得' },
  },
  'xzcff:2021': {
    第三十二条: { verified: true, note: '与国家法律法规数据库文本（Theonefkguy/Chinese-Laws 转录，行政法/行政处罚法(2021-01-22).md）逐字一致。已更正：所在章原录为“第五章”，应为“第四章 行政处罚的管辖和适用”（另见 pkulaw、wtabcd.cn 所载目录）' },
    第三十三条: { verified: true, note: '与国家法律法规数据库文本（Theonefkguy/Chinese-Laws 转录）逐字一致；章同上更正为第四章' },
  },
};
