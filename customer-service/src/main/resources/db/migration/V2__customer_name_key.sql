-- Customer names are unique ignoring case and surrounding/repeated blanks: the application stores
-- the normalized name (trimmed, blanks collapsed, lower-case) in name_key, and a unique index on it
-- decides, also between concurrent requests. A binary collation keeps the comparison exact.
alter table customer add column name_key varchar(200) collate utf8mb4_bin null;
update customer set name_key = lower(trim(name));
alter table customer modify name_key varchar(200) collate utf8mb4_bin not null;
create unique index uk_customer_name_key on customer (name_key);
alter table customer drop index uk_customer_name;
