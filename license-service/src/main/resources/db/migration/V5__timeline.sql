-- Facts about a license that other services told license-service (purchases, deployments) and usage
-- milestones, kept so the timeline needs no other service. Status changes, creation and expiry come
-- from license and license_change.
create table license_timeline (
    id          bigint       not null auto_increment,
    license_id  varchar(17)  not null,
    at          datetime(6)  not null,
    kind        varchar(30)  not null,
    summary     varchar(500) not null,
    details     text         null,
    reference   varchar(64)  null,
    primary key (id),
    constraint fk_license_timeline_license foreign key (license_id) references license (id)
);

create index ix_license_timeline_license_at on license_timeline (license_id, at);
