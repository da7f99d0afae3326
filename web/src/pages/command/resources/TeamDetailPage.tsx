// 救援队伍详情: the team's contact, strength and readiness, its equipment, and its members with their certificates
// (expired or expiring ones marked); members are added, edited and removed here (removal asks first).
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Empty, Flex, Form, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { ConfirmButton } from '../../../components/ConfirmButton';
import { PageHeader } from '../../../components/PageHeader';
import { labelOf, PATHS, TEAM_KINDS, TEAM_READINESS, type Member, type TeamDetail } from './api';
import { PersonalValue, phoneRule } from '../../../components/PersonalValue';

type Cert = Member['certificates'][number];

function CertTag({ c }: { c: Cert }) {
  const days = c.expiresOn ? dayjs(c.expiresOn).diff(dayjs(), 'day') : null;
  const colour = days === null ? 'default' : days < 0 ? 'error' : days <= 60 ? 'warning' : 'blue';
  return <Tag color={colour}>{c.name}{c.expiresOn ? `（${days! < 0 ? '已过期' : '至'} ${c.expiresOn}）` : ''}</Tag>;
}

function MemberModal({ teamId, member, onClose }: { teamId: string; member: Member | 'new' | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const editing = member && member !== 'new' ? member : null;
  const save = useApiMutation((body: object) => (editing ? api.patch(`${PATHS.teams}/${teamId}/members/${editing.id}`, body) : api.post(`${PATHS.teams}/${teamId}/members`, body)),
    { success: '已保存队员', invalidate: [PATHS.teams], onSuccess: onClose });
  return (
    <Modal open={!!member} title={editing ? `修改队员：${editing.name}` : '添加队员'} onCancel={onClose} okText="保存" confirmLoading={save.isPending} destroyOnHidden
      afterOpenChange={(o) => o && form.setFieldsValue(editing ?? { certificates: [] })}
      onOk={async () => { const v = await form.validateFields(); save.mutate({ ...v, certificates: (v.certificates ?? []).filter((c: Cert) => c?.name) }); }}>
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }]}><Input maxLength={30} /></Form.Item>
        <Form.Item name="role" label="职务"><Select allowClear options={['队长', '副队长', '安全员', '驾驶员', '通信员', '卫生员', '队员'].map((v) => ({ value: v, label: v }))} /></Form.Item>
        <Form.Item name="phone" label="电话" rules={[phoneRule(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或固话')]}><Input maxLength={20} /></Form.Item>
        <Form.List name="certificates">
          {(fields, { add, remove }) => (<>
            {fields.map((f) => (
              <Space key={f.key} wrap align="baseline">
                <Form.Item name={[f.name, 'name']} rules={[{ required: true, message: '证书名称' }]}><Input placeholder="证书名称" /></Form.Item>
                <Form.Item name={[f.name, 'no']}><Input placeholder="证书编号" /></Form.Item>
                <Form.Item name={[f.name, 'expiresOn']} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期如 2026-05-01' }]}><Input placeholder="有效期至 YYYY-MM-DD" /></Form.Item>
                <Button type="link" danger onClick={() => remove(f.name)}>删除</Button>
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})}>添加证书</Button>
          </>)}
        </Form.List>
      </Form>
    </Modal>
  );
}

export default function TeamDetailPage() {
  const { id } = useParams();
  const mayWrite = useMe().permissions.includes('command:write');
  const [member, setMember] = useState<Member | 'new' | null>(null);
  const team = useQuery({ queryKey: [PATHS.teams, id], queryFn: () => api.get<TeamDetail>(`${PATHS.teams}/${id}`) });
  const remove = useApiMutation((m: Member) => api.del(`${PATHS.teams}/${id}/members/${m.id}`), { success: '已移除队员', invalidate: [PATHS.teams] });
  if (team.isPending) return <Skeleton active />;
  if (team.isError) return <Alert type="error" showIcon title="队伍加载失败" description={team.error.message} action={<Link to="/command/resources">返回列表</Link>} />;
  const t = team.data;
  return (
    <>
      <PageHeader title={t.name} extra={<Link to="/command/resources?tab=teams"><Button>返回队伍列表</Button></Link>} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
            { label: '类别', children: labelOf(TEAM_KINDS, t.kind) }, { label: '战备状态', children: labelOf(TEAM_READINESS, t.readiness) },
            { label: '所属单位', children: t.ownerOrgName ?? '—' }, { label: '所在区划', children: t.regionName ?? t.regionCode },
            { label: '负责人', children: <>{t.leader ?? '—'} {t.leaderPhone && <PersonalValue value={t.leaderPhone} entity="resource_team" id={t.id} field="leaderPhone" />}</> },
            { label: '队员 / 编制', children: <Typography.Text type={t.memberCount < t.plannedStrength ? 'danger' : undefined}>{t.memberCount} / {t.plannedStrength} 人</Typography.Text> },
            { label: '专业特长', children: t.specialities.join('、') || '—' }, { label: '装备', children: t.equipmentNote ?? '—' }, { label: '地址', children: t.address ?? '—' },
          ]} />
        </Card>
        <Card size="small" title={`队员（${t.members.length}）`} extra={mayWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setMember('new')}>添加队员</Button>}>
          <Table<Member> rowKey="id" size="small" dataSource={t.members} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={mayWrite ? '还没有队员：点击“添加队员”登记。' : '还没有队员。'} /> }}
            columns={[
              { title: '姓名', dataIndex: 'name' }, { title: '职务', dataIndex: 'role' },
              { title: '电话', dataIndex: 'phone', render: (v: string | null, m) => <PersonalValue value={v} entity="resource_team_member" id={m.id} field="phone" /> },
              { title: '证书', dataIndex: 'certificates', render: (cs: Cert[]) => (cs.length ? cs.map((c) => <CertTag key={c.name + c.no} c={c} />) : '—') },
              ...(mayWrite ? [{ title: '操作', key: 'op', render: (_: unknown, m: Member) => <Space>
                <Button type="link" size="small" onClick={() => setMember(m)}>修改</Button>
                <ConfirmButton type="link" size="small" danger confirm={`确定将 ${m.name} 移出本队？`} onConfirm={() => remove.mutate(m)}>移除</ConfirmButton>
              </Space> }] : []),
            ]} />
        </Card>
      </Flex>
      <MemberModal teamId={t.id} member={member} onClose={() => setMember(null)} />
    </>
  );
}
