-- A county's ledger in its default order, read from an index (issue 12). A county account's first page scanned every
-- hazard of the county (48,850 at province scale: 0.5 s alone, 6 s at 50 connections) to sort them; with the county
-- (the first 6 digits of the place) leading the default order's keys, the page is the index's first 20 entries.
-- hazardScope says a county-level scope as `left(h.region_code, 6) = …` (the same rows as the prefix match) to use it.
create index hazards_county_order_idx on hazards (left(region_code, 6), (status = 'closed'), level desc, found_at desc, id);
