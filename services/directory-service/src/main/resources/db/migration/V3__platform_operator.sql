-- The platform operator: 宁德市卫生健康信息中心 runs the regional exchange (平台运营) and acts in the platform-admin
-- role. Every caller's institution must be active in the directory, the operator's too, so it is seeded here
-- (codes starting SANYI- are reserved for the services' own system actors and refused in tokens).
insert into institution (code, name, type, care_level, ownership,
                         province_code, city_code, county_code, township_code, active, version, updated_at)
values ('ND-HIC01', '宁德市卫生健康信息中心', 'HEALTH_COMMISSION', 'NOT_APPLICABLE', 'GOVERNMENT',
        '350000', '350900', '350902', null, true, 1, now());

insert into pending_snapshot (aggregate_type, aggregate_id, changed_by)
values ('INSTITUTION', 'ND-HIC01', 'flyway:V3__platform_operator');
