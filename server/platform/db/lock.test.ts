import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

describe('data folder lock', () => {
  it('keeps a second process out while the first is alive', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-lock-'));
    fs.writeFileSync(path.join(dir, 'yingji.lock'), `${process.ppid}\n`); // a live process holds it
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(/正被另一个 Yingji 进程/);
  });

  it('takes over the lock of a process that died', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-lock-'));
    fs.writeFileSync(path.join(dir, 'yingji.lock'), '999999999\n');
    const release = lockDataDir(dir);
    expect(fs.readFileSync(path.join(dir, 'yingji.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'yingji.lock'))).toBe(false);
  });
});
