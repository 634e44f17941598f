-- The Ed25519 keys license files are signed with (docs/decisions.md, 26). Only the ACTIVE key keeps
-- its private key, sealed with the key-encryption key (AES-256-GCM: 12-byte nonce, ciphertext and
-- tag; the key id is the associated data); retiring a key discards it. kek_fingerprint names the
-- key-encryption key that sealed it, so a wrong one is told from damaged data.
create table license_signing_key (
    kid                 varchar(64)  not null,
    algorithm           varchar(20)  not null,
    public_key          varbinary(32) not null,
    sealed_private_key  varbinary(255) null,
    kek_fingerprint     char(16)     null,
    status              varchar(10)  not null,
    created_at          datetime(6)  not null,
    created_by          varchar(100) not null,
    retired_at          datetime(6)  null,
    revoked_at          datetime(6)  null,
    revoked_by          varchar(100) null,
    revocation_reason   varchar(500) null,
    version             bigint       not null,
    -- 1 for the ACTIVE key, null for every other: the unique index allows one ACTIVE key at most
    active_marker       tinyint generated always as (case when status = 'ACTIVE' then 1 else null end) stored,
    primary key (kid),
    constraint ck_license_signing_key_private_part
        check ((status = 'ACTIVE') = (sealed_private_key is not null and kek_fingerprint is not null))
);

create unique index ux_license_signing_key_one_active on license_signing_key (active_marker);

-- Held (FOR UPDATE) by whoever creates an ACTIVE key: two rotations, or two first signatures on a
-- fresh system, run one after the other and the second sees the first's key.
create table license_signing_key_lock (
    name varchar(20) not null,
    primary key (name)
);

insert into license_signing_key_lock (name) values ('rotation');
