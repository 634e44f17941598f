-- How often each gadget's delivery was applied (the dead-letter and retry tests count them).
create table gadget_delivery (
    gadget_id  varchar(64) not null primary key,
    deliveries int         not null
);
