create table widget (
    id   uuid primary key,
    name varchar(100) not null
);

create table widget_counter (
    name  varchar(100) primary key,
    count integer not null
);
