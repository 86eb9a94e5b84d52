-- Most studies are linked to no 医保 claim; indexing their empty arrays cost every registration a GIN insert.
drop index study_claim;
create index study_claim on study using gin (claim_refs) where cardinality(claim_refs) > 0;
