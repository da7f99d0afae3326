-- The registry filtered by 行业 and 经营状态 (the dashboard's sector figures link there): at province scale (200,000
-- enterprises) its count read every enterprise of the sector from the table (a bitmap heap scan over 21,868 rows,
-- 10–140 ms); over this index it is index-only (1.3 ms for 8,514 fireworks enterprises in operation).
create index enterprises_sector_status_idx on enterprises (sector, status);
