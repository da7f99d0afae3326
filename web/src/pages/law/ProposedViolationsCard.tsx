// 拟认定违法行为 on an inspection: for each failed checklist item and finding, the violation items it proposes (first those
// breaking an article the item cites), each with its benchmark bands; "据此申请立案" files a case carrying the item into the
// case's penalty proposal.
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Card, Collapse, Flex, List, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client';
import { CitedList } from './CitesField';
import { paths, VIOLATIONS, type ProposedViolation } from './lawApi';

export interface PickedViolation { itemId: string; code: string; name: string; finding: string }

export function ProposedViolationsCard({ inspectionId, onFileCase }: { inspectionId: string; onFileCase?: (v: PickedViolation) => void }) {
  const q = useQuery({ queryKey: ['/api/enforcement/inspections', inspectionId, 'violations', VIOLATIONS],
    queryFn: () => api.get<{ on: string; items: ProposedViolation[] }>(`/api/enforcement/inspections/${inspectionId}/violations`) });
  const entries = q.data?.items ?? [];
  if (!q.isLoading && !entries.length) return null;
  return (
    <Card size="small" title="拟认定违法行为" loading={q.isLoading} data-testid="proposed-violations"
      extra={q.data && <Typography.Text type="secondary">按 {q.data.on} 施行的条文</Typography.Text>}>
      <List size="small" dataSource={entries} renderItem={(e) => (
        <List.Item>
          <Flex vertical gap={6} style={{ width: '100%' }}>
            <Typography.Text strong>{e.itemCode && <Tag>{e.itemCode}</Tag>}{e.text}{e.hazardNumber && <Typography.Text type="secondary"> · 隐患 {e.hazardNumber}</Typography.Text>}</Typography.Text>
            {e.cites.length > 0 && <Flex gap={6} wrap><Typography.Text type="secondary">引用：</Typography.Text><CitedList cites={e.cites} /></Flex>}
            {!e.items.length && <Typography.Text type="secondary">法规库中没有对应的违法行为，可在案件中手工选择，或在“法规库 › 违法行为”中补充。</Typography.Text>}
            {e.items.map((v, k) => (
              <Flex key={v.id} vertical gap={4} data-testid="proposed-item" style={{ borderLeft: `3px solid ${k === 0 ? '#1677ff' : '#d9d9d9'}`, paddingLeft: 8 }}>
                <Flex wrap gap={8} align="center">
                  <Link to={paths.violation(v.id)}>{v.code} {v.name}</Link>
                  {v.byArticle ? <Tag color="blue">违反所引条文</Tag> : <Tag>按文字匹配</Tag>}
                  {onFileCase && <Button size="small" onClick={() => onFileCase({ itemId: v.id, code: v.code, name: v.name, finding: e.text })}>据此申请立案</Button>}
                </Flex>
                <Typography.Text type="secondary">违法依据：{v.violated ?? '—'}；处罚依据：{v.penalty ?? '—'}</Typography.Text>
                <Collapse size="small" ghost defaultActiveKey={k === 0 ? ['b'] : []} items={[{ key: 'b', label: '裁量基准', children: (
                  <Table size="small" rowKey="grade" pagination={false} dataSource={v.bands} scroll={{ x: 'max-content' }} data-testid="proposed-bands"
                    columns={[{ title: '档次', dataIndex: 'gradeLabel', width: 60 }, { title: '情节', dataIndex: 'circumstances' },
                      { title: '处罚', dataIndex: 'range', render: (r: string, b) => <>{r}{b.unconfirmed && <Tag color="orange" style={{ marginLeft: 4 }}>未经本局确认</Tag>}</> }]} />
                ) }]} />
              </Flex>
            ))}
          </Flex>
        </List.Item>
      )} />
    </Card>
  );
}
