// The loading state of a whole page (session check, a page's code arriving).
import { Flex, Spin } from 'antd';

export function FullPageSpin() {
  return (
    <Flex justify="center" style={{ paddingTop: '30vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
