-- Measured at 200,000 hazards (bench/hazards.ts): the ledger's default order and its search were full scans.
-- The default order "open first, major first, newest first" gets an index of its own, and search by number,
-- enterprise name and place gets trigram indexes beside the one on the title (a bitmap OR of the four).
create index hazards_default_order_idx on hazards ((status = 'closed'), level desc, found_at desc, id);
create index hazards_number_trgm on hazards using gin (number gin_trgm_ops);
create index hazards_enterprise_name_trgm on hazards using gin (enterprise_name gin_trgm_ops);
create index hazards_place_name_trgm on hazards using gin (place_name gin_trgm_ops);
