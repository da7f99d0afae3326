// The data scope (数据范围) part of the account form: all, a region subtree, an organisation, or one enterprise.
import { Form, Input, Radio } from 'antd';
import { OrgSelect } from '../../../components/OrgSelect';
import { RegionTreeSelect } from '../../../components/RegionTreeSelect';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ScopeFields() {
  const kind = Form.useWatch(['scope', 'kind']);
  return (
    <>
      <Form.Item name={['scope', 'kind']} label="数据范围" rules={[{ required: true, message: '请选择数据范围' }]}
        extra="决定该账号能看到和处理哪些数据，与角色一起生效。">
        <Radio.Group options={[
          { value: 'all', label: '全部' },
          { value: 'region', label: '行政区域' },
          { value: 'org', label: '部门' },
          { value: 'enterprise', label: '单个企业' },
        ]} />
      </Form.Item>
      {kind === 'region' && (
        <Form.Item name={['scope', 'regionCode']} label="区域" rules={[{ required: true, message: '请选择区域' }]} extra="含该区域下的全部下级区域。">
          <RegionTreeSelect />
        </Form.Item>
      )}
      {kind === 'org' && (
        <Form.Item name={['scope', 'orgId']} label="部门" rules={[{ required: true, message: '请选择部门' }]} extra="可查看该部门监管行业的数据。">
          <OrgSelect placeholder="选择部门" />
        </Form.Item>
      )}
      {kind === 'enterprise' && (
        <Form.Item name={['scope', 'enterpriseId']} label="企业 ID"
          rules={[{ required: true, message: '请输入企业 ID' }, { pattern: UUID, message: '企业 ID 格式不正确' }]}
          extra="企业档案功能建成后可直接选择企业；目前请从企业档案数据中复制企业 ID。">
          <Input placeholder="如：01890a5d-ac96-774b-bcce-b302099a8057" />
        </Form.Item>
      )}
    </>
  );
}
