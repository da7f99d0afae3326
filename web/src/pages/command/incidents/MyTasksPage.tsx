// 我的任务: the tasks assigned to me or my unit across incidents, for rescuers and towns in the field — one card per
// task (readable on a phone), 签收 and 反馈 with photos and position, the commander's answer, paging and search.
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, List, Pagination, Space, Tag, Typography } from 'antd';
import { api } from '../../../api/client';
import type { PageOf } from '../../../api/types';
import { useMe } from '../../../app/session';
import { FilterControl, type FilterDef } from '../../../components/list/FilterBar';
import { useListParams } from '../../../components/list/useListParams';
import { PageHeader } from '../../../components/PageHeader';
import { formatTime } from '../../../components/format';
import { incidentPath, levelLabel, MY_TASKS, optionsOf, TASK_STATUSES, type Task } from './incidentApi';
import { FeedbackHistory, TASK_COLOURS, TaskAnswerButtons } from './TaskAnswer';

const FILTERS: FilterDef[] = [
  { kind: 'segmented', name: 'view', options: [{ label: '待办', value: '' }, { label: '全部', value: 'all' }] },
  { kind: 'select', name: 'status', placeholder: '任务状态', options: optionsOf(TASK_STATUSES), width: 120 },
  { kind: 'search', name: 'q', placeholder: '任务内容、事件编号或名称', width: 220 },
];

export default function MyTasksPage() {
  const me = useMe();
  const list = useListParams(['view', 'status', 'q']);
  const { page, pageSize, filters } = list.params;
  const open = filters.view !== 'all';
  const params = { open: open || undefined, status: filters.status, q: filters.q, page, pageSize };
  const q = useQuery({ queryKey: [MY_TASKS, params], queryFn: () => api.get<PageOf<Task>>(MY_TASKS, params), placeholderData: keepPreviousData });
  const canAnswer = me.permissions.includes('command:feedback');
  const filtered = !!(filters.status || filters.q);
  return (
    <>
      <PageHeader title="我的任务">
        指挥部分配给您或您所在单位的应急任务。收到任务请先签收，处置中随时反馈进展（可附现场照片和位置），指挥部审核后采纳或退回。
      </PageHeader>
      <Flex vertical gap={12}>
        <Flex wrap gap={8}>
          {FILTERS.map((def) => <FilterControl key={def.kind === 'dateRange' ? def.from : def.name} def={def} values={filters} onChange={list.setFilters} />)}
        </Flex>
        {q.isError && <Alert type="error" showIcon title="任务加载失败" description={q.error.message} action={<Button size="small" onClick={() => q.refetch()}>重试</Button>} />}
        <List<Task> loading={q.isFetching} dataSource={q.data?.items ?? []} data-testid="my-tasks"
          locale={{ emptyText: filtered
            ? <Empty description="没有符合筛选条件的任务"><Button onClick={list.clearFilters}>清除筛选</Button></Empty>
            : <Empty description={open ? '目前没有待办的应急任务。有新任务时会通过站内消息和短信通知您；查看以往任务请切换到“全部”。' : '您和您所在单位还没有被分配过应急任务。'} /> }}
          renderItem={(t) => (
            <List.Item style={{ display: 'block', padding: '0 0 12px', borderBlockEnd: 'none' }}>
              <Card size="small" data-testid={`task-${t.id}`}
                title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{t.title}</Typography.Text>}
                extra={<Space size={4} wrap><Tag color={TASK_COLOURS[t.status]}>{t.statusLabel}</Tag>{t.overdue && <Tag color="red">逾期</Tag>}</Space>}>
                <Flex vertical gap={6}>
                  <div>
                    <Link to={incidentPath(t.incidentId)}>{t.incidentNumber} {t.incidentTitle}</Link>
                    {t.incidentStatus !== 'responding' && <Tag style={{ marginLeft: 8 }}>响应已结束</Tag>}
                  </div>
                  <Typography.Text type="secondary">
                    {[t.groupName, t.level ? `${levelLabel(t.level)}响应` : null, t.assigneeLabel].filter(Boolean).join(' · ')}
                  </Typography.Text>
                  <Typography.Text type={t.overdue ? 'danger' : 'secondary'}>
                    {t.dueAt ? `完成时限 ${formatTime(t.dueAt)}` : '未设完成时限'}{t.readAt ? ` · ${formatTime(t.readAt)} 已签收` : ' · 未签收'}
                  </Typography.Text>
                  <FeedbackHistory task={t} canReview={false} />
                  {canAnswer && <TaskAnswerButtons task={t} block invalidate={[MY_TASKS]} />}
                </Flex>
              </Card>
            </List.Item>
          )} />
        {(q.data?.total ?? 0) > 0 && (
          <Pagination align="end" current={page} pageSize={pageSize} total={q.data?.total ?? 0} showSizeChanger showTotal={(n) => `共 ${n} 项`} onChange={list.setPage} />
        )}
      </Flex>
    </>
  );
}
