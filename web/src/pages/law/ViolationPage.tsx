// One violation item: its articles, the benchmark table, and a try-out form (情节 → 档次、幅度、当日施行的条文).
import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { sectorLabel } from '../enforcement/enforcementApi';
import { ArticleCite } from './ArticleCite';
import { BenchmarkResult } from './BenchmarkResult';
import { CircumstancesFields, INITIAL_CIRCUMSTANCES } from './CircumstancesFields';
import { fineRange, PENALTY_KINDS, useViolation, type ProposalResult } from './lawApi';

export default function ViolationPage() {
  const { id } = useParams();
  const q = useViolation(id);
  const [c, setC] = useState(INITIAL_CIRCUMSTANCES);
  const [on, setOn] = useState(dayjs());
  const [result, setResult] = useState<ProposalResult>();
  const tryout = useApiMutation(() => api.post<ProposalResult>('/api/law/proposals/try', { itemId: id, circumstances: c, on: on.format('YYYY-MM-DD') }), { onSuccess: setResult });
  if (q.isLoading) return <FullPageSpin />;
  if (!q.data) return <Alert type="error" showIcon title="无法加载违法行为" description={q.error?.message} />;
  const v = q.data;
  return (
    <>
      <PageHeader title={<Flex wrap gap={8} align="center">{v.code} {v.name}{v.unconfirmed && <Tag color="warning">幅度待确认</Tag>}</Flex>} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { label: '违法依据', children: v.violated ? <ArticleCite article={v.violated} /> : '—' },
          { label: '处罚依据', children: v.penalty ? <ArticleCite article={v.penalty} /> : '—' },
          { label: '行业', children: v.sector ? sectorLabel(v.sector) : '通用' },
          { label: '匹配关键词', children: v.keywords.join('、') || '—' },
          { label: '基准来源', children: v.source, span: 2 },
        ]} />
      </Card>
      <Card size="small" title="裁量基准" style={{ marginBottom: 12 }} data-testid="benchmark">
        <Table rowKey="id" size="small" pagination={false} dataSource={v.bands} scroll={{ x: 'max-content' }} locale={{ emptyText: '尚未设定裁量基准' }}
          columns={[
            { title: '档次', dataIndex: 'gradeLabel', render: (g, b) => <>{g}{b.unconfirmed && <Tag color="warning" style={{ marginLeft: 6 }}>待确认</Tag>}</> },
            { title: '情节', dataIndex: 'circumstances' },
            { title: '处罚种类', dataIndex: 'kinds', render: (k: string[]) => k.length ? k.map((x) => PENALTY_KINDS[x as keyof typeof PENALTY_KINDS] ?? x).join('、') : '不予处罚' },
            { title: '罚款（单位）', key: 'f', render: (_, b) => fineRange(b.fineMin, b.fineMax) },
            { title: '罚款（直接责任人员）', key: 'p', render: (_, b) => fineRange(b.personFineMin, b.personFineMax) },
            { title: '其他', dataIndex: 'other', render: (x) => x ?? '—' },
          ]} />
      </Card>
      <Card size="small" title="试算">
        <Flex vertical gap={12}>
          <CircumstancesFields value={c} onChange={setC} />
          <Flex wrap gap={8} align="center">违法行为发生日期 <DatePicker value={on} allowClear={false} onChange={(d) => d && setOn(d)} />
            <Button type="primary" loading={tryout.isPending} onClick={() => tryout.mutate()}>按基准试算</Button></Flex>
          {result && <BenchmarkResult r={result} />}
        </Flex>
      </Card>
    </>
  );
}
