// The 统一社会信用代码 helpers now live in the platform (server/platform/codes/uscc.ts); demo modules keep importing them from here.
export { isValidUscc, makeUscc, orgCodeCheckChar, USCC_CHARSET, usccCheckChar } from '../server/platform/codes/uscc.js';
