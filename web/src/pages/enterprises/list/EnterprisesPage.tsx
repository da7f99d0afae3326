// 企业档案: the filtered, sorted, paged list of enterprises, with export, import and create/edit.
// An enterprise account has one enterprise: it goes straight to that enterprise's page.
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { Button, Flex, Grid, type TableProps } from 'antd';
import { EnvironmentOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useMe } from '../../../app/session';
import { PagedTable } from '../../../components/list/PagedTable';
import { PageHeader } from '../../../components/PageHeader';
import { PATHS, type EnterpriseListItem } from '../api';
import { EnterpriseFilterBar } from '../filters/EnterpriseFilterBar';
import { useEnterpriseFilters } from '../filters/useEnterpriseFilters';
import { EnterpriseFormModal, type EnterpriseEdit } from '../form/EnterpriseFormModal';
import { enterpriseColumns, phoneColumns } from './enterpriseColumns';
import { ExportButton } from '../../../components/list/ExportButton';
import { ImportModal } from './import/ImportModal';

export default function EnterprisesPage() {
  const me = useMe();
  if (me.scope.kind === 'enterprise' && me.scope.enterpriseId) return <Navigate to={`/enterprises/${me.scope.enterpriseId}`} replace />;
  return <EnterpriseList />;
}

function EnterpriseList() {
  const me = useMe();
  const canWrite = me.permissions.includes('enterprise:write');
  const phone = Grid.useBreakpoint().md === false;
  const filters = useEnterpriseFilters();
  const [edit, setEdit] = useState<EnterpriseEdit>(null);
  const [importing, setImporting] = useState(false);
  const { search } = useLocation();

  const onTableChange: TableProps<EnterpriseListItem>['onChange'] = (_p, _f, sorter, extra) => {
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    filters.set(sorter.order
      ? { sort: String(sorter.columnKey), order: sorter.order === 'ascend' ? 'asc' : 'desc' }
      : { sort: undefined, order: undefined });
  };

  const emptyText = filters.active
    ? <Flex vertical align="center" gap={8}>没有符合筛选条件的企业<Button onClick={filters.clear}>清除筛选</Button></Flex>
    : canWrite ? '还没有企业档案。点击右上方“新建企业”逐个录入，或用“导入 Excel”按模板批量导入。' : '您的数据范围内还没有企业档案。';

  return (
    <>
      <PageHeader title="企业档案" extra={<>
        <Link to={{ pathname: '/enterprises/map', search }}>
          <Button icon={<EnvironmentOutlined />}>地图查看</Button>
        </Link>
        <ExportButton path={PATHS.export} params={{ ...filters.values, ...filters.sort }} name="企业名录" what="企业" />
        {canWrite && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入 Excel</Button>}
        {canWrite && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEdit('new')}>新建企业</Button>}
      </>} />
      <EnterpriseFilterBar filters={filters} />
      <PagedTable<EnterpriseListItem>
        path={PATHS.list}
        params={{ ...filters.values, ...filters.sort }}
        rowKey="id"
        size={phone ? 'small' : 'middle'}
        columns={phone ? phoneColumns() : enterpriseColumns(filters.sort, canWrite ? (e) => setEdit(e.id) : null)}
        onChange={onTableChange}
        emptyText={emptyText}
      />
      <EnterpriseFormModal edit={edit} onClose={() => setEdit(null)} />
      <ImportModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
