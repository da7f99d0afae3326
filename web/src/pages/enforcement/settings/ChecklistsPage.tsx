// 执法检查表: the bureau's checklists per sector, each item with its legal basis (依据) and the articles it cites from the law
// library (picked by search, shown with their text); new lists and edits are audited,
// and a past inspection keeps the items it was recorded with.
import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApiMutation } from '../../../api/mutation';
import { useMe } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { CitedList, CitesField } from '../../law/CitesField';
import { citesBody } from '../../law/lawApi';
import { CHECKLISTS, SECTORS, sectorLabel, type Checklist } from '../enforcementApi';

type Draft = Omit<Checklist, 'id'>;

function ChecklistForm({ list, onClose }: { list: Checklist | 'new'; onClose: () => void }) {
  const [form] = Form.useForm<Draft>();
  const editing = list !== 'new';
  const send = (v: Draft) => ({ ...v, items: v.items.map((i) => ({ ...i, cites: citesBody(i.cites) })) });
  const save = useApiMutation((v: Draft) => (editing ? api.put<Checklist>(`${CHECKLISTS}/${list.id}`, send(v)) : api.post<Checklist>(CHECKLISTS, send(v))),
    { invalidate: [CHECKLISTS], success: editing ? '检查表已修改' : '检查表已建立', onSuccess: onClose });
  const submit = (v: Draft) => Modal.confirm({ title: editing ? '保存对检查表的修改？' : '建立检查表？', content: '已完成的检查保留当时的检查条目，不受修改影响。', okText: '保存', cancelText: '取消',
    onOk: () => save.mutateAsync(v) });
  return (
    <Modal open width={760} title={editing ? `修改检查表：${list.name}` : '新建执法检查表'} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={editing ? list : { items: [{ code: '1' }] }} data-testid="checklist-form">
        <Flex gap={12} wrap>
          <Form.Item name="sector" label="行业" rules={[{ required: true, message: '请选择行业' }]} style={{ minWidth: 180 }}>
            <Select options={SECTORS.map((s) => ({ value: s.code, label: s.label }))} /></Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true, min: 2, message: '请填写名称' }]} style={{ flex: 1, minWidth: 220 }}><Input /></Form.Item>
        </Flex>
        <Form.List name="items">{(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap style={{ width: '100%' }}>
                <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: '编号' }]}><Input placeholder="编号" style={{ width: 80 }} /></Form.Item>
                <Form.Item name={[f.name, 'text']} rules={[{ required: true, min: 2, message: '检查内容' }]}><Input.TextArea autoSize placeholder="检查内容" style={{ width: 300 }} /></Form.Item>
                <Form.Item name={[f.name, 'basis']}><Input placeholder="依据（法规条款、标准）" style={{ width: 220 }} /></Form.Item>
                {fields.length > 1 && <MinusCircleOutlined aria-label="删除条目" onClick={() => remove(f.name)} />}
                <Form.Item name={[f.name, 'cites']} label="引用条文（法规库）" style={{ width: 620, maxWidth: '100%' }}><CitesField /></Form.Item>
              </Space>
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ code: String(fields.length + 1) })}>添加条目</Button>
          </>
        )}</Form.List>
      </Form>
    </Modal>
  );
}

export default function ChecklistsPage() {
  const me = useMe();
  const canWrite = me.permissions.includes('enforcement:write');
  const [sector, setSector] = useState<string>();
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<Checklist | 'new'>();
  const lists = useQuery({ queryKey: [CHECKLISTS], queryFn: () => api.get<Checklist[]>(CHECKLISTS) });
  const shown = useMemo(() => (lists.data ?? []).filter((l) => (!sector || l.sector === sector) && (!q || l.name.includes(q) || l.items.some((i) => i.text.includes(q)))), [lists.data, sector, q]);
  return (
    <>
      <PageHeader title="执法检查表" extra={canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>新建检查表</Button>}>
        各行业现场检查使用的检查表，每个条目写明依据。新建检查时按企业行业自动选用。
      </PageHeader>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="行业" style={{ width: 180 }} value={sector} onChange={setSector} options={SECTORS.map((s) => ({ value: s.code, label: s.label }))} />
        <Input.Search allowClear placeholder="名称或检查内容" style={{ width: 240 }} onSearch={setQ} />
      </Flex>
      <Table<Checklist> rowKey="id" loading={lists.isLoading} dataSource={shown} pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 张` }} scroll={{ x: 'max-content' }}
        locale={{ emptyText: canWrite ? '没有符合条件的检查表，可点“新建检查表”。' : '没有符合条件的检查表。' }}
        expandable={{ expandedRowRender: (l) => (
          <Table size="small" rowKey="code" pagination={false} dataSource={l.items}
            columns={[{ title: '编号', dataIndex: 'code', width: 70 }, { title: '检查内容', dataIndex: 'text' }, { title: '依据', dataIndex: 'basis', render: (b) => b ?? <Typography.Text type="secondary">未填写</Typography.Text> },
              { title: '引用条文（今日施行的文本）', key: 'cites', render: (_, i) => <CitedList cites={i.cites} /> }]} />
        ) }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '行业', dataIndex: 'sector', render: (s: string) => sectorLabel(s) },
          { title: '条目', key: 'n', render: (_, l) => l.items.length },
          { title: '已写依据', key: 'b', render: (_, l) => `${l.items.filter((i) => i.basis).length}/${l.items.length}` },
          { title: '引用条文已收录', key: 'c', render: (_, l) => `${l.items.filter((i) => i.cites?.some((c) => c.resolved)).length}/${l.items.length}` },
          ...(canWrite ? [{ title: '', key: 'e', render: (_: unknown, l: Checklist) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(l)}>修改</Button> }] : []),
        ]} />
      {editing && <ChecklistForm list={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
