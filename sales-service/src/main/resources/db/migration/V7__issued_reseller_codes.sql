-- Every reseller code ever issued, kept after its reseller is deleted (docs/decisions.md, 23): a
-- code is the reseller_id claim of partner tokens and the key other services' sales directories
-- map it by, so it names one reseller forever and is never issued again.
create table reseller_code (
    code        varchar(32) not null,
    reseller_id char(36)    not null,
    issued_at   datetime(6) not null,
    primary key (code)
);

insert into reseller_code (code, reseller_id, issued_at) select code, id, created_at from reseller;
