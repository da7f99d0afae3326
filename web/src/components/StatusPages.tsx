// The pages shown instead of content: 403 (the role lacks the page) and 404 (no such page).
import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function Forbidden() {
  return (
    <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限。如确需使用，请联系系统管理员调整角色。"
      extra={<Link to="/"><Button type="primary">返回首页</Button></Link>} />
  );
}

export function NotFound() {
  return (
    <Result status="404" title="页面不存在" subTitle="您访问的地址不存在，请从左侧菜单进入。"
      extra={<Link to="/"><Button type="primary">返回首页</Button></Link>} />
  );
}
