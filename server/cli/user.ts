// `yingji user …`: account administration from the shell (first administrator, lost passwords).
import { SYSTEM_ACTOR } from '../platform/auth/actor.js';
import { createAccount, resetPassword, setAccountState } from '../platform/auth/accounts.service.js';
import { findAccountByUsername, listAccounts } from '../platform/auth/accounts.store.js';
import type { Ctx, Platform } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';

export const USER_HELP = `  user list                 列出账号
  user add <用户名> --name <姓名> --role <角色> [--region <区划代码>]
                            新建账号（角色：admin leader staff officer town dept enterprise informant rescuer），打印初始密码
  user reset-password <用户名>   重置密码，打印新的初始密码
  user disable|enable|unlock <用户名>`;

export async function runUserCommand(p: Platform, args: string[], opts: Record<string, unknown>) {
  const ctx: Ctx = { ...p, actor: { ...SYSTEM_ACTOR, name: '命令行' }, meta: { requestId: 'cli', ip: 'cli' } };
  const [sub, username] = args;
  const need = async () => {
    if (!username) throw new AppError(400, 'usage', `缺少用户名\n${USER_HELP}`);
    const a = await findAccountByUsername(p.db, username);
    if (!a) throw new AppError(404, 'not_found', `账号 ${username} 不存在`);
    return a;
  };
  try {
    switch (sub) {
      case 'list': {
        const { items } = await listAccounts(p.db, { kind: 'all' }, {}, 1, 200, p.clock());
        for (const a of items) console.log(`${a.username.padEnd(18)} ${a.display_name.padEnd(8)} ${a.roles.join(',').padEnd(12)} ${a.disabled ? '已停用' : ''}`);
        return;
      }
      case 'add': {
        if (!username || typeof opts.name !== 'string' || typeof opts.role !== 'string') throw new AppError(400, 'usage', `用法：\n${USER_HELP}`);
        const region = typeof opts.region === 'string' ? opts.region : undefined;
        const r = await createAccount(ctx, { username, displayName: opts.name, roles: [opts.role],
          scope: region ? { kind: 'region', regionCode: region } : { kind: 'all' },
          enforcementCertNo: typeof opts.cert === 'string' ? opts.cert : undefined });
        console.log(`已创建账号 ${username}，初始密码：${r.initialPassword}（首次登录须修改）`);
        return;
      }
      case 'reset-password': {
        const r = await resetPassword(ctx, (await need()).id);
        console.log(`已重置 ${username} 的密码，新的初始密码：${r.initialPassword}（登录后须修改）`);
        return;
      }
      case 'disable': case 'enable': case 'unlock':
        await setAccountState(ctx, (await need()).id, sub);
        console.log(`已完成：${sub} ${username}`);
        return;
      default:
        console.log(USER_HELP);
        process.exitCode = 2;
    }
  } catch (e) {
    if (e instanceof AppError) { console.error(e.message); process.exitCode = 2; return; }
    throw e;
  }
}
