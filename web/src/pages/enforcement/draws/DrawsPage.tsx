// 双随机抽查: the draws made, newest first, with 新建抽查 for those who may write.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { PagedTable } from '../../../components/list/PagedTable';
import { formatTime } from '../../../components/format';
import { DRAWS, paths, type Draw } from '../enforcementApi';
import { DrawForm } from './DrawForm';

export function DrawStatus({ d }: { d: Pick<Draw, 'status' | 'publishedAt' | 'supersededBy'> }) {
  if (d.supersededBy) return <Tag>已重新抽取（作废）</Tag>;
  if (d.publishedAt) return <Tag color="success">已公示</Tag>;
  return <Tag color="warning">待公示</Tag>;
}

export default function DrawsPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const canWrite = me.permissions.includes('enforcement:write');
  return (
    <>
      <PageHeader title="双随机抽查"
        extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>新建抽查</Button>}>
        随机抽取检查对象，随机选派执法检查人员，抽查情况及查处结果及时向社会公开。每次抽取的种子、名录库和算法都会公示，任何人可复算核对。
      </PageHeader>
      <PagedTable<Draw> path={DRAWS} rowKey="id" emptyText="还没有抽查记录。点击“新建抽查”，筛选名录库后随机抽取。"
        columns={[
          { title: '编号', dataIndex: 'number', render: (v, d) => <Link to={paths.draw(d.id)}>{v}</Link> },
          { title: '名称', dataIndex: 'title' },
          { title: '事项', dataIndex: 'matter' },
          { title: '名录库', dataIndex: 'poolSize', render: (v) => `${v} 家` },
          { title: '抽中', dataIndex: 'selected', render: (v) => `${v} 家` },
          { title: '抽取时间', dataIndex: 'drawnAt', render: formatTime },
          { title: '抽取人', dataIndex: 'drawnByName' },
          { title: '公示期限', dataIndex: 'publishDue' },
          { title: '状态', key: 'status', render: (_, d) => <DrawStatus d={d} /> },
        ]} />
      <DrawForm open={open} onClose={() => setOpen(false)} onDone={(d) => { setOpen(false); navigate(paths.draw(d.id)); }} />
    </>
  );
}
