// Photos for a form field (value: the uploaded file ids): take one with the phone's camera or pick
// from the album; each uploads at once, shows a thumbnail and can be removed.
import { useRef, useState } from 'react';
import { App, Button, Flex, Image, Spin } from 'antd';
import { CameraOutlined, CloseCircleFilled, PictureOutlined } from '@ant-design/icons';
import { fileUrl, uploadPhoto } from './hazardApi';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  /** The enterprise the photos belong to, so that it may see them too. */
  enterpriseId?: string | null;
  max?: number;
  /** Names the file inputs for tests (`${testId}-camera`, `${testId}-album`). */
  testId?: string;
}

const THUMB = 88;

export function PhotoUpload({ id, value = [], onChange, enterpriseId, max = 9, testId = 'photos' }: Props) {
  const { message } = App.useApp();
  const camera = useRef<HTMLInputElement>(null);
  const album = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(0);
  const current = useRef(value);
  current.current = value;

  async function add(files: FileList | null) {
    const list = Array.from(files ?? []).slice(0, Math.max(0, max - value.length));
    if (!list.length) return;
    setUploading((n) => n + list.length);
    for (const file of list) {
      try {
        const fileId = await uploadPhoto(file, enterpriseId);
        onChange?.([...current.current, fileId]);
        current.current = [...current.current, fileId];
      } catch (e) {
        message.error((e as Error).message);
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }

  const input = (ref: typeof camera, name: string, capture: boolean) => (
    <input ref={ref} type="file" accept="image/*" multiple={!capture} style={{ display: 'none' }} data-testid={`${testId}-${name}`}
      {...(capture ? { capture: 'environment' as const } : {})}
      onChange={(e) => { void add(e.target.files); e.target.value = ''; }} />
  );

  return (
    <Flex id={id} vertical gap={8}>
      <Flex wrap gap={8}>
        <Image.PreviewGroup>
          {value.map((fileId) => (
            <div key={fileId} style={{ position: 'relative' }}>
              <Image src={fileUrl(fileId)} width={THUMB} height={THUMB} style={{ objectFit: 'cover', borderRadius: 6 }} alt="现场照片" />
              <Button type="text" size="small" aria-label="删除照片" icon={<CloseCircleFilled style={{ color: 'rgba(0,0,0,.55)', fontSize: 18 }} />}
                style={{ position: 'absolute', top: -6, right: -6 }} onClick={() => onChange?.(value.filter((v) => v !== fileId))} />
            </div>
          ))}
        </Image.PreviewGroup>
        {uploading > 0 && (
          <Flex align="center" justify="center" style={{ width: THUMB, height: THUMB, border: '1px dashed #d9d9d9', borderRadius: 6 }}>
            <Spin description="上传中" size="small"><div style={{ width: 40 }} /></Spin>
          </Flex>
        )}
      </Flex>
      {value.length < max && (
        <Flex wrap gap={8}>
          <Button size="large" icon={<CameraOutlined />} onClick={() => camera.current?.click()}>拍照</Button>
          <Button size="large" icon={<PictureOutlined />} onClick={() => album.current?.click()}>从相册选择</Button>
        </Flex>
      )}
      {input(camera, 'camera', true)}
      {input(album, 'album', false)}
    </Flex>
  );
}

/** Photos of a record, small, opening large on tap. */
export function PhotoStrip({ ids, size = 72 }: { ids: readonly string[]; size?: number }) {
  if (!ids.length) return null;
  return (
    <Flex wrap gap={6}>
      <Image.PreviewGroup>
        {ids.map((fileId) => (
          <Image key={fileId} src={fileUrl(fileId)} width={size} height={size} style={{ objectFit: 'cover', borderRadius: 4 }} alt="照片" />
        ))}
      </Image.PreviewGroup>
    </Flex>
  );
}
