// 引用与复核: what cites a source (violation items, checklist items, hazard categories, rules), and the review of each.
import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Card, Input, Modal, Table, Tag } from 'antd';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { formatTime } from '../../components/format';
import { paths, SOURCES, useCiting, type Citing } from './lawApi';

export function CitingCard({ sourceId, editor }: { sourceId: string; editor: boolean }) {
  const q = useCiting(sourceId);
  const [reviewing, setReviewing] = useState<Citing>();
  const [note, setNote] = useState('');
  const review = useApiMutation((v: { id: string; note: string }) => api.post(`/api/law/citations/${v.id}/review`, { note: v.note }),
    { success: '已登记复核', invalidate: [SOURCES], onSuccess: () => setReviewing(undefined) });
  return (
    <Card size="small" title="引用与复核" data-testid="citing">
      <Table rowKey={(c) => `${c.subjectType}:${c.subjectId}`} size="small" loading={q.isLoading} dataSource={q.data?.items} scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: '没有违法行为、检查项或隐患类别引用本法规。' }}
        columns={[
          { title: '类别', dataIndex: 'subjectTypeLabel' },
          { title: '引用者', key: 'l', render: (_, c) => c.subjectType === 'violation_item' ? <Link to={paths.violation(c.subjectId)}>{c.label}</Link> : c.label },
          { title: '引用', dataIndex: 'cited', render: (v) => v ?? '—' },
          { title: '复核', key: 'r', render: (_, c) => c.reviewedAt ? <><Tag color="success">已复核</Tag>{formatTime(c.reviewedAt)} {c.reviewedBy}：{c.reviewNote}</>
            : c.citationId && editor ? <Button size="small" onClick={() => { setNote(''); setReviewing(c); }}>登记复核</Button>
            : c.subjectType === 'violation_item' ? '在违法行为中改引新条文' : <Tag>待复核</Tag> },
        ]} />
      <Modal title={`复核：${reviewing?.label ?? ''}`} open={!!reviewing} okText="登记" onCancel={() => setReviewing(undefined)} confirmLoading={review.isPending}
        okButtonProps={{ disabled: !note.trim() }} onOk={() => reviewing?.citationId && review.mutate({ id: reviewing.citationId, note })}>
        <Input.TextArea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="复核结论：继续引用 / 改引新法规第X条 / 删除该项" />
      </Modal>
    </Card>
  );
}
