// 隐患类别 in the library: each category with the articles it cites (as of today); the library's editors add, edit and
// switch off categories. A hazard filed under one shows these articles as of the day it was found.
import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/mutation';
import { useMe } from '../../app/session';
import { categoryPath, useHazardCategories } from '../hazards/categories';
import { SECTOR_OPTIONS, sectorLabel } from '../hazards/codes';
import { HAZARD_CATEGORIES, type HazardCategory } from '../hazards/hazardApi';
import { CitedList, CitesField } from './CitesField';
import { citesBody, type CiteValue } from './lawApi';

interface Values { code?: string; name: string; parentCode?: string | null; sector?: string | null; cites?: CiteValue[]; unconfirmed?: boolean; note?: string | null; active?: boolean; position?: number }

function CategoryForm({ editing, list, onClose }: { editing: HazardCategory | 'new'; list: HazardCategory[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const creating = editing === 'new';
  const save = useApiMutation((v: Values) => {
    const body = { name: v.name, parentCode: v.parentCode ?? null, sector: v.sector ?? null, cites: citesBody(v.cites) ?? [], unconfirmed: !!v.unconfirmed,
      note: v.note?.trim() || null, active: v.active ?? true, ...(v.position !== undefined && v.position !== null ? { position: v.position } : {}) };
    return creating ? api.post<HazardCategory>(HAZARD_CATEGORIES, { code: v.code, ...body }) : api.patch<HazardCategory>(`${HAZARD_CATEGORIES}/${editing.code}`, body);
  }, { invalidate: [HAZARD_CATEGORIES], success: '隐患类别已保存', onSuccess: onClose });
  const initial: Values = creating ? { name: '', active: true, cites: [] } : { ...editing, cites: editing.cites };
  const parents = list.filter((c) => creating || (c.code !== editing.code && !categoryPath(list, c.code).startsWith(`${categoryPath(list, editing.code)} / `)))
    .map((c) => ({ value: c.code, label: categoryPath(list, c.code) }));
  return (
    <Modal title={creating ? '新增隐患类别' : `修改隐患类别：${editing.name}`} open onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText="保存" width={640} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        {creating && (
          <Form.Item name="code" label="编码" rules={[{ required: true, message: '请填写编码' }, { pattern: /^[a-z][a-z0-9_.-]{0,39}$/, message: '小写字母开头，可含数字、点、下划线、连字符，最多 40 位' }]}
            extra="如 site.electric；保存后不能修改。"><Input /></Form.Item>
        )}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { min: 2, max: 50, message: '2–50 字' }]}><Input /></Form.Item>
        <Form.Item name="parentCode" label="上级类别"><Select options={parents} allowClear showSearch optionFilterProp="label" placeholder="无（顶级类别）" /></Form.Item>
        <Form.Item name="sector" label="适用行业"><Select options={SECTOR_OPTIONS} allowClear placeholder="所有行业" /></Form.Item>
        <Form.Item name="cites" label="引用条文"><CitesField /></Form.Item>
        <Form.Item name="unconfirmed" label="条文引用待核对" valuePropName="checked"><Switch /></Form.Item>
        <Form.Item name="note" label="说明"><Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} /></Form.Item>
        <Form.Item name="position" label="排序"><InputNumber min={0} max={10000} /></Form.Item>
        <Form.Item name="active" label="启用" valuePropName="checked"><Switch /></Form.Item>
      </Form>
    </Modal>
  );
}

export function HazardCategoriesTab() {
  const me = useMe();
  const editor = me.permissions.includes('law:write');
  const categories = useHazardCategories(editor);
  const [editing, setEditing] = useState<HazardCategory | 'new'>();
  const list = categories.data ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary">
        上报隐患时选择类别；隐患详情和整改通知书按发现当日施行的版本引用类别的条文。法规被修订或取代时，引用它的类别列入该法规的“待复核”清单。
        {editor && <Button type="primary" icon={<PlusOutlined />} style={{ marginLeft: 12 }} onClick={() => setEditing('new')}>新增隐患类别</Button>}
      </Typography.Paragraph>
      <Table<HazardCategory> rowKey="code" size="small" loading={categories.isPending} dataSource={list} pagination={false} data-testid="hazard-categories"
        columns={[
          { title: '类别', key: 'name', width: 280, render: (_, c) => <><Typography.Text strong={!c.parentCode}>{categoryPath(list, c.code)}</Typography.Text><br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{c.code}</Typography.Text></> },
          { title: '行业', dataIndex: 'sector', width: 110, render: (v: string | null) => (v ? sectorLabel(v) || v : '所有行业') },
          { title: '引用条文（今日施行）', key: 'cites', render: (_, c) => <CitedList cites={c.cites} empty="—" /> },
          { title: '状态', key: 's', width: 130, render: (_, c) => <>{c.active ? <Tag color="success">启用</Tag> : <Tag>停用</Tag>}{c.unconfirmed && <Tag color="warning" title={c.note ?? undefined}>待核对</Tag>}</> },
          ...(editor ? [{ title: '', key: 'edit', width: 70, render: (_: unknown, c: HazardCategory) => <Button size="small" onClick={() => setEditing(c)}>编辑</Button> }] : []),
        ]} />
      {editing && <CategoryForm editing={editing} list={list} onClose={() => setEditing(undefined)} />}
    </>
  );
}
