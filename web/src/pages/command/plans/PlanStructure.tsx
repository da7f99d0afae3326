// The structured plan as people read it: response levels with their start conditions and the actions of each
// role at the chosen level; the command organisation (指挥部 and working groups).
import { useState } from 'react';
import { Card, Descriptions, Empty, Flex, List, Segmented, Table, Tag, Typography } from 'antd';
import { INCIDENT_GRADES, INCIDENT_KINDS, TRIGGER_METRICS, TRIGGER_UNITS, labelOf, levelName, type PlanContent } from './plansApi';

type Level = PlanContent['levels'][number];

/** The start conditions of a level, one line each. */
export function conditionLines(l: Level): string[] {
  const t = l.triggers;
  const lines = t.thresholds.map((x) => `${TRIGGER_METRICS[x.metric]} ≥ ${x.min} ${TRIGGER_UNITS[x.metric]}`);
  if (t.grades.length) lines.push(`事件等级为${t.grades.map((g) => INCIDENT_GRADES[g]).join('或')}`);
  if (t.beyondTownCapacity) lines.push('超出乡镇（街道）处置能力');
  if (t.beyondCountyCapacity) lines.push('超出县级处置能力');
  if (t.text.trim()) lines.push(t.text.trim());
  return lines;
}

export function LevelsView({ content }: { content: PlanContent }) {
  const levels = [...content.levels].sort((a, b) => b.level - a.level);
  const [level, setLevel] = useState<number | undefined>(levels[0]?.level);
  if (!levels.length) return <Empty description="该版本还没有定义响应级别，请在版本编辑中添加" />;
  const current = levels.find((l) => l.level === level) ?? levels[0];
  const actions = content.actions.filter((a) => a.level === current.level);
  const lead = new Map(content.groups.map((g) => [g.name, g.leadUnit]));
  return (
    <Flex vertical gap={12}>
      <Segmented data-testid="level-switch" value={current.level} onChange={(v) => setLevel(Number(v))}
        options={levels.map((l) => ({ value: l.level, label: `${levelName(l.level)}响应` }))} />
      <Card size="small" title={`${levelName(current.level)}响应：${current.name}`}>
        <Typography.Text type="secondary">满足下列任一条件即启动{current.triggers.kinds.length ? `（仅适用于${current.triggers.kinds.map((k) => INCIDENT_KINDS[k]).join('、')}）` : ''}：</Typography.Text>
        <List size="small" dataSource={conditionLines(current)} locale={{ emptyText: '未设置启动条件' }} renderItem={(x) => <List.Item>{x}</List.Item>} />
        {current.note && <Typography.Paragraph type="secondary">{current.note}</Typography.Paragraph>}
      </Card>
      <Table size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={actions} data-testid="level-actions"
        locale={{ emptyText: '该级别还没有行动措施' }}
        columns={[
          { title: '责任角色/工作组', dataIndex: 'role', width: 140 },
          { title: '牵头单位', key: 'lead', render: (_, a) => lead.get(a.role) ?? '—', width: 160 },
          { title: '行动措施', dataIndex: 'action' },
          { title: '时限', dataIndex: 'dueMinutes', width: 110, render: (m: number | null) => (m === null ? '—' : m >= 60 && m % 60 === 0 ? `${m / 60} 小时内` : `${m} 分钟内`) },
        ]} />
    </Flex>
  );
}

export function OrganisationView({ content }: { content: PlanContent }) {
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" bordered column={1} items={[
        { label: '总指挥', children: content.command.commander || '—' },
        { label: '副总指挥', children: content.command.deputies.join('、') || '—' },
        { label: '指挥部办公室', children: content.command.office || '—' },
      ]} />
      <Table size="small" rowKey="id" pagination={false} scroll={{ x: 'max-content' }} dataSource={content.groups} locale={{ emptyText: '还没有工作组' }}
        columns={[
          { title: '工作组', dataIndex: 'name', width: 120 },
          { title: '牵头单位', dataIndex: 'leadUnit', width: 180, render: (v: string | null, g) => <>{v ?? '—'}{g.leadOrgId && <Tag color="blue" style={{ marginLeft: 4 }}>系统内单位</Tag>}</> },
          { title: '成员单位', dataIndex: 'members', render: (m: string[]) => m.join('、') || '—' },
          { title: '职责', dataIndex: 'duties' },
        ]} />
    </Flex>
  );
}

export const kindsText = (kinds: string[]) => kinds.map((k) => labelOf(INCIDENT_KINDS, k)).join('、');
