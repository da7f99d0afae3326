// What a benchmark gives for circumstances: the grade and why, the range, and the articles' text as of the day.
import { Alert, Descriptions, Flex, Tag } from 'antd';
import { ArticleCite } from './ArticleCite';
import { fineRange, PENALTY_KINDS, type ProposalResult } from './lawApi';

const kindsText = (kinds: string[]) => (kinds.length ? kinds.map((k) => PENALTY_KINDS[k as keyof typeof PENALTY_KINDS] ?? k).join('、') : '不予行政处罚');

export function BenchmarkResult({ r }: { r: Pick<ProposalResult, 'gradeLabel' | 'reasons' | 'band' | 'articles' | 'warnings' | 'on'> }) {
  return (
    <Flex vertical gap={8} data-testid="benchmark-result">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered items={[
        { label: '裁量档次', children: <><Tag color="blue">{r.gradeLabel}</Tag>{r.reasons.join('；')}</> },
        { label: '处罚种类', children: kindsText(r.band.kinds) },
        { label: '罚款幅度', children: fineRange(r.band.fineMin, r.band.fineMax) },
        { label: '对直接责任人员', children: fineRange(r.band.personFineMin, r.band.personFineMax) },
        { label: '其他', children: r.band.other ?? '—', span: 2 },
        { label: `依据（按 ${r.on} 施行的版本）`, span: 2, children: <Flex wrap gap={12}>{r.articles.map((a) => <span key={a.role}>{a.role === 'violated' ? '违法依据' : '处罚依据'}：<ArticleCite article={a} /></span>)}</Flex> },
      ]} />
      {r.warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
    </Flex>
  );
}
