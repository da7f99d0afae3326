// 双随机抽查公示 (no login): the published draws; one draw with its seed, pool, avoidances, algorithm and result,
// and a 复算核对 button that has the server recompute it from the published data.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Result, Table, Tabs, Tag, Typography } from 'antd';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client';
import type { PageOf } from '../../api/types';
import { formatTime } from '../../components/format';
import type { Draw, DrawDetail, DrawVerify } from '../../../../contracts/enforcement';
import { PublicLayout } from './PublicLayout';

type PublicDraw = Pick<Static<typeof DrawDetail>, 'id' | 'number' | 'title' | 'matter' | 'seed' | 'algorithm' | 'algorithmText' | 'pool' | 'officerPool' | 'exclusions' | 'result' | 'resultHash' | 'poolSize' | 'selected' | 'drawnAt' | 'publishedAt' | 'redrawOf' | 'redrawReason'>;
const PUBLIC = '/api/public/draws';

function DrawList() {
  const [page, setPage] = useState(1);
  const q = useQuery({ queryKey: [PUBLIC, page], queryFn: () => api.get<PageOf<Static<typeof Draw>>>(PUBLIC, { page, pageSize: 20 }), placeholderData: keepPreviousData });
  return (
    <Card title="双随机抽查结果公示">
      <Table rowKey="id" loading={q.isFetching} dataSource={q.data?.items} scroll={{ x: 'max-content' }} locale={{ emptyText: '暂无公示的抽查结果' }}
        pagination={{ current: page, total: q.data?.total ?? 0, pageSize: 20, onChange: setPage }}
        columns={[
          { title: '编号', dataIndex: 'number', render: (v, d) => <Link to={`/public/draws/${d.id}`}>{v}</Link> },
          { title: '名称', dataIndex: 'title' }, { title: '事项', dataIndex: 'matter' },
          { title: '抽中 / 名录库', key: 'n', render: (_, d) => `${d.selected} / ${d.poolSize}` },
          { title: '公示时间', dataIndex: 'publishedAt', render: formatTime },
        ]} />
    </Card>
  );
}

function DrawView({ id }: { id: string }) {
  const q = useQuery({ queryKey: [PUBLIC, id], queryFn: () => api.get<PublicDraw>(`${PUBLIC}/${id}`) });
  const verify = useQuery({ queryKey: [PUBLIC, id, 'verify'], queryFn: () => api.get<Static<typeof DrawVerify>>(`${PUBLIC}/${id}/verify`), enabled: false });
  if (q.isError) return <Result status="404" title="没有找到该抽查公示" subTitle={q.error.message} extra={<Link to="/public/draws">返回公示列表</Link>} />;
  const d = q.data;
  return (
    <Card loading={q.isLoading} title={d && `${d.title}（${d.number}）`} extra={<Link to="/public/draws">全部公示</Link>}>
      {d && (
        <>
          {d.redrawReason && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={`本次为重新抽取，理由：${d.redrawReason}`} />}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
            { label: '抽查事项', children: d.matter },
            { label: '随机种子', children: <Typography.Text code copyable data-testid="public-seed">{d.seed}</Typography.Text> },
            { label: '算法', children: d.algorithm },
            { label: '结果摘要（SHA-256）', children: <Typography.Text code copyable>{d.resultHash}</Typography.Text> },
            { label: '名录库', children: `${d.poolSize} 家` }, { label: '抽中', children: `${d.selected} 家` },
            { label: '抽取时间', children: formatTime(d.drawnAt) }, { label: '公示时间', children: formatTime(d.publishedAt) },
          ]} />
          <div style={{ margin: '12px 0' }}>
            <Button onClick={() => verify.refetch()} loading={verify.isFetching}>按公示数据复算核对</Button>{' '}
            {verify.data && (verify.data.matches ? <Tag color="success">复算结果一致</Tag> : <Tag color="error">复算结果不一致</Tag>)}
            {verify.isError && <Tag color="error">{verify.error.message}</Tag>}
          </div>
          <Tabs items={[
            { key: 'r', label: '抽取结果', children: <Table rowKey="unit" size="small" pagination={false} dataSource={d.result} scroll={{ x: 'max-content' }}
              columns={[{ title: '单位', dataIndex: 'name' }, { title: '执法人员', dataIndex: 'officers', render: (os: { name: string; certNo: string }[]) => os.map((o) => `${o.name}（${o.certNo}）`).join('、') },
                { title: '检查结果', dataIndex: 'outcome', render: (v) => v ?? '待检查' }]} /> },
            { key: 'p', label: `名录库（${d.pool.length}）`, children: <Table rowKey="code" size="small" dataSource={d.pool} scroll={{ x: 'max-content' }} pagination={{ pageSize: 50 }}
              columns={[{ title: '序号', render: (_, __, i) => i + 1 }, { title: '代码', dataIndex: 'code' }, { title: '单位', dataIndex: 'name' }, { title: '行业', dataIndex: 'sector' }, { title: '风险', dataIndex: 'riskLevel' }]} /> },
            { key: 'o', label: `执法人员库（${d.officerPool.length}）`, children: <Table rowKey="certNo" size="small" pagination={false} dataSource={d.officerPool} columns={[{ title: '姓名', dataIndex: 'name' }, { title: '执法证号', dataIndex: 'certNo' }]} /> },
            { key: 'x', label: `回避（${d.exclusions.length}）`, children: <Table rowKey={(r) => `${r.unit}${r.officer}`} size="small" pagination={false} dataSource={d.exclusions} columns={[{ title: '单位', dataIndex: 'unit' }, { title: '人员', dataIndex: 'officer' }, { title: '理由', dataIndex: 'reason' }]} /> },
            { key: 'a', label: '算法说明', children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.algorithmText}</Typography.Paragraph> },
          ]} />
        </>
      )}
    </Card>
  );
}

export default function PublicDrawsPage() {
  const { id } = useParams();
  return <PublicLayout title="双随机一公开">{id ? <DrawView id={id} /> : <DrawList />}</PublicLayout>;
}
