// 一企一档: one enterprise's page — the header card, its actions, and the tab slots every capability fills.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Breadcrumb, Button, Result } from 'antd';
import { EditOutlined, SwapOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { FullPageSpin } from '../../../components/FullPageSpin';
import { useEnterpriseAccess } from '../access';
import { useEnterprise } from '../api';
import { EnterpriseFormModal } from '../form/EnterpriseFormModal';
import { ContactsModal } from './ContactsModal';
import { EnterpriseHeader } from './EnterpriseHeader';
import { EnterpriseTabs } from './EnterpriseTabs';
import { StatusChangeModal } from './StatusChangeModal';

type Dialog = 'edit' | 'status' | 'contacts' | null;

export default function EnterprisePage() {
  const { id = '' } = useParams();
  const enterprise = useEnterprise(id);
  const can = useEnterpriseAccess(id);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (enterprise.isPending) return <FullPageSpin />;
  if (enterprise.isError) {
    const missing = enterprise.error instanceof ApiError && (enterprise.error.status === 404 || enterprise.error.status === 400);
    return missing
      ? <Result status="404" title="找不到这家企业" subTitle="企业不存在，或不在您的数据范围内。"
          extra={<Link to="/enterprises"><Button type="primary">返回企业档案</Button></Link>} />
      : <Alert type="error" showIcon title="企业档案加载失败" description={enterprise.error.message}
          action={<Button size="small" onClick={() => enterprise.refetch()}>重试</Button>} />;
  }
  const e = enterprise.data;
  const close = () => setDialog(null);

  const actions = <>
    {can.editRecord && <Button icon={<EditOutlined />} onClick={() => setDialog('edit')}>编辑档案</Button>}
    {!can.editRecord && can.editContacts && <Button icon={<UserOutlined />} onClick={() => setDialog('contacts')}>修改联系人</Button>}
    {can.changeStatus && <Button type="primary" icon={<SwapOutlined />} onClick={() => setDialog('status')}>变更经营状态</Button>}
  </>;

  return (
    <>
      {!can.own && (
        <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/enterprises">企业档案</Link> }, { title: e.name }]} />
      )}
      <EnterpriseHeader enterprise={e} actions={actions} />
      <EnterpriseTabs enterpriseId={e.id} />
      <EnterpriseFormModal edit={dialog === 'edit' ? e.id : null} onClose={close} />
      <StatusChangeModal enterprise={dialog === 'status' ? e : null} onClose={close} />
      <ContactsModal enterprise={dialog === 'contacts' ? e : null} onClose={close} />
    </>
  );
}
