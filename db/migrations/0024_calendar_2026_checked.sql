-- The 2026 rows of the working-day calendar (0022) were checked against the State Council General Office's notice
-- 国务院办公厅关于2026年部分节假日安排的通知 of 4 November 2025 (元旦 1–3 Jan, 4 Jan worked; 春节 15–23 Feb, 14 and
-- 28 Feb worked; 清明 4–6 Apr; 劳动节 1–5 May, 9 May worked; 端午 19–21 Jun; 中秋 25–27 Sep; 国庆 1–7 Oct, 20 Sep and
-- 10 Oct worked): every day matches, so only the notes change, to name the notice and its date.
-- 2027 stays marked 推定 (assumed) until its notice is published; an administrator corrects it on the calendar page.
update calendar_days set note = replace(note, '（2025年11月发布）', '（2025年11月4日，已核对）')
  where day between '2026-01-01' and '2026-12-31' and note like '%（2025年11月发布）%';
