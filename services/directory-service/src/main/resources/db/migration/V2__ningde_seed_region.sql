-- Seed region modelled on 宁德市 (Ningde, Fujian), after 《宁德市深化医药卫生体制改革2023年重点工作任务及分工方案》:
-- the two city medical groups led by 宁德市医院 and 闽东医院, county 医共体 (总医院), 二级医院包乡 / 乡镇卫生院包村,
-- 对口帮扶 by a provincial tertiary hospital, the 霞浦 医养结合 pilot, and the city's regulators.
-- Names of hospitals and regions are real; institution codes, township codes, levels, village names and the exact
-- memberships and pairings are illustrative test data, not statements about the real institutions.
--
-- Institution codes: <area>-<kind><nn>. Area: FJ province; ND city-level (宁德市); NDJC 蕉城区, NDXP 霞浦县,
-- NDGT 古田县, NDFA 福安市, NDFD 福鼎市. Kind: H general hospital, TCM 中医院, SH specialty hospital, CHC 社区卫生服务中心,
-- THC 乡镇卫生院, VC 村卫生所, EC 医养结合/养老, PH pharmacy, DD drug distributor, IA 医保经办机构, HC 卫健委,
-- HSB 医保局, MR 市场监管局. Group ids: GRP-<area>-<abbreviation> (SY 市医院, MD 闽东, ZY 中医, YGT 医共体).
-- Township codes: county code + 3 digits (001-099 街道, 100-199 镇, 200-299 乡).

insert into institution (code, name, type, care_level, ownership,
                         province_code, city_code, county_code, township_code, active, version, updated_at)
values
    -- Provincial tertiary hospital (对口帮扶 of 古田县医院)
    ('FJ-H01',      '福建省立医院',                    'GENERAL_HOSPITAL',           'TERTIARY',       'GOVERNMENT', '350000', '350100', '350102', null,        true, 1, now()),
    -- City level
    ('ND-H01',      '宁德市医院',                      'GENERAL_HOSPITAL',           'TERTIARY',       'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-H02',      '闽东医院',                        'GENERAL_HOSPITAL',           'TERTIARY',       'GOVERNMENT', '350000', '350900', '350981', null,        true, 1, now()),
    ('ND-TCM01',    '宁德市中医院',                    'TCM_HOSPITAL',               'TERTIARY',       'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-SH01',     '宁德市妇幼保健院',                'SPECIALTY_HOSPITAL',         'SECONDARY',      'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-HC01',     '宁德市卫生健康委员会',            'HEALTH_COMMISSION',          'NOT_APPLICABLE', 'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-HSB01',    '宁德市医疗保障局',                'HEALTHCARE_SECURITY_BUREAU', 'NOT_APPLICABLE', 'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-MR01',     '宁德市市场监督管理局',            'MARKET_REGULATION_BUREAU',   'NOT_APPLICABLE', 'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-IA01',     '宁德市医疗保障基金中心',          'INSURANCE_AGENCY',           'NOT_APPLICABLE', 'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('ND-DD01',     '宁德市闽东医药有限公司',          'DRUG_DISTRIBUTOR',           'NOT_APPLICABLE', 'PRIVATE',    '350000', '350900', '350902', null,        true, 1, now()),
    -- 蕉城区
    ('NDJC-H01',    '宁德市蕉城区医院',                'GENERAL_HOSPITAL',           'SECONDARY',      'GOVERNMENT', '350000', '350900', '350902', null,        true, 1, now()),
    ('NDJC-CHC01',  '蕉城区蕉南街道社区卫生服务中心',  'COMMUNITY_HEALTH_CENTER',    'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350902', '350902002', true, 1, now()),
    ('NDJC-THC01',  '蕉城区霍童镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350902', '350902101', true, 1, now()),
    ('NDJC-PH01',   '宁德市蕉城区东湖大药房',          'PHARMACY',                   'NOT_APPLICABLE', 'PRIVATE',    '350000', '350900', '350902', '350902002', true, 1, now()),
    -- 霞浦县
    ('NDXP-H01',    '霞浦县医院',                      'GENERAL_HOSPITAL',           'SECONDARY',      'GOVERNMENT', '350000', '350900', '350921', null,        true, 1, now()),
    ('NDXP-TCM01',  '霞浦县中医医院',                  'TCM_HOSPITAL',               'SECONDARY',      'GOVERNMENT', '350000', '350900', '350921', null,        true, 1, now()),
    ('NDXP-THC01',  '霞浦县长春镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350921', '350921101', true, 1, now()),
    ('NDXP-THC02',  '霞浦县三沙镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350921', '350921104', true, 1, now()),
    ('NDXP-THC03',  '霞浦县牙城镇卫生院',              'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350921', '350921102', true, 1, now()),
    ('NDXP-VC01',   '霞浦县长春镇大京村卫生所',        'VILLAGE_CLINIC',             'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350921', '350921101', true, 1, now()),
    ('NDXP-VC02',   '霞浦县三沙镇东壁村卫生所',        'VILLAGE_CLINIC',             'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350921', '350921104', true, 1, now()),
    ('NDXP-EC01',   '霞浦县社会福利中心（医养结合）',  'ELDERLY_CARE',               'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350921', '350921001', true, 1, now()),
    -- 古田县
    ('NDGT-H01',    '古田县医院',                      'GENERAL_HOSPITAL',           'SECONDARY',      'GOVERNMENT', '350000', '350900', '350922', null,        true, 1, now()),
    ('NDGT-THC01',  '古田县平湖镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350922', '350922101', true, 1, now()),
    ('NDGT-THC02',  '古田县大桥镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350922', '350922102', true, 1, now()),
    ('NDGT-VC01',   '古田县平湖镇含溪村卫生所',        'VILLAGE_CLINIC',             'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350922', '350922101', true, 1, now()),
    -- 福安市
    ('NDFA-H01',    '福安市医院',                      'GENERAL_HOSPITAL',           'SECONDARY',      'GOVERNMENT', '350000', '350900', '350981', null,        true, 1, now()),
    ('NDFA-THC01',  '福安市赛岐镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350981', '350981101', true, 1, now()),
    ('NDFA-THC02',  '福安市穆阳镇中心卫生院',          'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350981', '350981102', true, 1, now()),
    ('NDFA-VC01',   '福安市赛岐镇象环村卫生所',        'VILLAGE_CLINIC',             'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350981', '350981101', true, 1, now()),
    -- 福鼎市
    ('NDFD-H01',    '福鼎市医院',                      'GENERAL_HOSPITAL',           'SECONDARY',      'GOVERNMENT', '350000', '350900', '350982', null,        true, 1, now()),
    ('NDFD-TCM01',  '福鼎市中医院',                    'TCM_HOSPITAL',               'SECONDARY',      'GOVERNMENT', '350000', '350900', '350982', null,        true, 1, now()),
    ('NDFD-THC01',  '福鼎市太姥山镇中心卫生院',        'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350982', '350982101', true, 1, now()),
    ('NDFD-THC02',  '福鼎市店下镇卫生院',              'TOWNSHIP_HEALTH_CENTER',     'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350982', '350982102', true, 1, now()),
    ('NDFD-VC01',   '福鼎市太姥山镇潋城村卫生所',      'VILLAGE_CLINIC',             'GRASSROOTS',     'GOVERNMENT', '350000', '350900', '350982', '350982101', true, 1, now());

-- 二级医院包乡, 乡镇卫生院包村, and 对口帮扶 by a provincial tertiary hospital (REF-20)
insert into institution_pairing (institution_code, partner_code, kind, valid_from, valid_to)
values
    ('NDJC-H01',   'NDJC-THC01', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDXP-H01',   'NDXP-THC01', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDXP-H01',   'NDXP-THC02', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDXP-TCM01', 'NDXP-THC03', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDGT-H01',   'NDGT-THC01', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDGT-H01',   'NDGT-THC02', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDFA-H01',   'NDFA-THC02', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDFD-H01',   'NDFD-THC02', 'TOWNSHIP_PAIRING',    '2023-01-01', null),
    ('NDXP-THC01', 'NDXP-VC01',  'VILLAGE_PAIRING',     '2023-01-01', null),
    ('NDXP-THC02', 'NDXP-VC02',  'VILLAGE_PAIRING',     '2023-01-01', null),
    ('NDGT-THC01', 'NDGT-VC01',  'VILLAGE_PAIRING',     '2023-01-01', null),
    ('NDFA-THC01', 'NDFA-VC01',  'VILLAGE_PAIRING',     '2023-01-01', null),
    ('NDFD-THC01', 'NDFD-VC01',  'VILLAGE_PAIRING',     '2023-01-01', null),
    ('FJ-H01',     'NDGT-H01',   'COUNTERPART_SUPPORT', '2021-01-01', '2026-01-01');

insert into medical_group (id, name, kind, region_code, version, updated_at)
values
    ('GRP-ND-SY',  '宁德市医院医疗集团',          'CITY_MEDICAL_GROUP',       '350900', 1, now()),
    ('GRP-ND-MD',  '闽东医院医疗集团',            'CITY_MEDICAL_GROUP',       '350900', 1, now()),
    ('GRP-ND-ZY',  '宁德市中医医联体',            'MEDICAL_ALLIANCE',         '350900', 1, now()),
    ('GRP-JC-YGT', '蕉城区总医院（县域医共体）',  'COUNTY_MEDICAL_COMMUNITY', '350902', 1, now()),
    ('GRP-XP-YGT', '霞浦县总医院（县域医共体）',  'COUNTY_MEDICAL_COMMUNITY', '350921', 1, now()),
    ('GRP-GT-YGT', '古田县总医院（县域医共体）',  'COUNTY_MEDICAL_COMMUNITY', '350922', 1, now()),
    ('GRP-FA-YGT', '福安市总医院（县域医共体）',  'COUNTY_MEDICAL_COMMUNITY', '350981', 1, now()),
    ('GRP-FD-YGT', '福鼎市总医院（县域医共体）',  'COUNTY_MEDICAL_COMMUNITY', '350982', 1, now());

-- 霞浦县医院 moved from the 闽东医院 group to the 宁德市医院 group on 2023-01-01: effective dating keeps both.
insert into group_membership (group_id, institution_code, role, valid_from, valid_to)
values
    ('GRP-ND-SY',  'ND-H01',     'LEAD',   '2020-01-01', null),
    ('GRP-ND-SY',  'NDJC-H01',   'MEMBER', '2020-01-01', null),
    ('GRP-ND-SY',  'NDGT-H01',   'MEMBER', '2020-01-01', null),
    ('GRP-ND-SY',  'NDXP-H01',   'MEMBER', '2023-01-01', null),
    ('GRP-ND-MD',  'ND-H02',     'LEAD',   '2020-01-01', null),
    ('GRP-ND-MD',  'NDFA-H01',   'MEMBER', '2020-01-01', null),
    ('GRP-ND-MD',  'NDFD-H01',   'MEMBER', '2020-01-01', null),
    ('GRP-ND-MD',  'NDXP-H01',   'MEMBER', '2020-01-01', '2023-01-01'),
    ('GRP-ND-ZY',  'ND-TCM01',   'LEAD',   '2021-01-01', null),
    ('GRP-ND-ZY',  'NDXP-TCM01', 'MEMBER', '2021-01-01', null),
    ('GRP-ND-ZY',  'NDFD-TCM01', 'MEMBER', '2021-01-01', null),
    ('GRP-JC-YGT', 'NDJC-H01',   'LEAD',   '2021-01-01', null),
    ('GRP-JC-YGT', 'NDJC-CHC01', 'MEMBER', '2021-01-01', null),
    ('GRP-JC-YGT', 'NDJC-THC01', 'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-H01',   'LEAD',   '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-TCM01', 'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-THC01', 'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-THC02', 'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-THC03', 'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-VC01',  'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-VC02',  'MEMBER', '2021-01-01', null),
    ('GRP-XP-YGT', 'NDXP-EC01',  'MEMBER', '2023-07-01', null),
    ('GRP-GT-YGT', 'NDGT-H01',   'LEAD',   '2021-01-01', null),
    ('GRP-GT-YGT', 'NDGT-THC01', 'MEMBER', '2021-01-01', null),
    ('GRP-GT-YGT', 'NDGT-THC02', 'MEMBER', '2021-01-01', null),
    ('GRP-GT-YGT', 'NDGT-VC01',  'MEMBER', '2021-01-01', null),
    ('GRP-FA-YGT', 'NDFA-H01',   'LEAD',   '2021-01-01', null),
    ('GRP-FA-YGT', 'NDFA-THC01', 'MEMBER', '2021-01-01', null),
    ('GRP-FA-YGT', 'NDFA-THC02', 'MEMBER', '2021-01-01', null),
    ('GRP-FA-YGT', 'NDFA-VC01',  'MEMBER', '2021-01-01', null),
    ('GRP-FD-YGT', 'NDFD-H01',   'LEAD',   '2021-01-01', null),
    ('GRP-FD-YGT', 'NDFD-TCM01', 'MEMBER', '2021-01-01', null),
    ('GRP-FD-YGT', 'NDFD-THC01', 'MEMBER', '2021-01-01', null),
    ('GRP-FD-YGT', 'NDFD-THC02', 'MEMBER', '2021-01-01', null),
    ('GRP-FD-YGT', 'NDFD-VC01',  'MEMBER', '2021-01-01', null);

-- Publish every seeded aggregate at the next start (history row + outbox event, see Republisher.publishPending).
insert into pending_snapshot (aggregate_type, aggregate_id, changed_by)
select 'INSTITUTION', code, 'flyway:V2__ningde_seed_region' from institution;
insert into pending_snapshot (aggregate_type, aggregate_id, changed_by)
select 'MEDICAL_GROUP', id, 'flyway:V2__ningde_seed_region' from medical_group;
