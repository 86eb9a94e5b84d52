-- Recognition catalogue (检查检验结果互认) and recognition policies in force when the service starts, for the seed region
-- modelled on 宁德市 (Ningde, Fujian, 350900). Sources: 《医疗机构检查检验结果互认管理办法》 (国家卫生健康委等, 2022, in
-- force 2022-03-01), the national baseline of the fallback policy; 《关于进一步推进医疗机构检查检验结果互认的指导意见》
-- (2024), which asks every 地市 to recognise more than 200 items among its institutions; Fujian local standard
-- DB35/T 2153—2023; the 宁德市 2023 重点工作任务 (dated 2023-06-29) for the start of the city policy;
-- domain-requirements EXR-03, EXR-04, EXR-05, EXR-09.
--
-- The 46 items below are a seed subset of a real catalogue, not the >200 items the 2024 guidance asks for. Item names and
-- analytes follow common practice in Chinese labs; validity windows and reference prices are ILLUSTRATIVE, not official
-- 宁德 or Fujian figures (the prices, in 元, are of the order of Fujian public-hospital fees). A LOINC code is given
-- where one fits the item as a panel or overall code (for an exam: the LOINC/RSNA playbook procedure code) and left
-- null otherwise; analytes carry their own LOINC code where one fits, and their units are UCUM.
--
-- Conventions: code LAB-<mnemonic> / EXAM-<mnemonic>; category is the discipline (临床血液学, 临床输血学, 临床化学,
-- 临床免疫学, 临床体液学, 放射, 超声, 心电, 内镜); modality is the DICOM modality code, for exams only. requires_eqa is
-- true for every lab item and for CT and MR (室间质评, EXR-09: a result is recognisable only while a pass covers its
-- specimen date), false for DR, MG, ultrasound, ECG and endoscopy, where no EQA scheme is customary. large_equipment is
-- true for CT and MR only (大型医用设备: appropriateness review of a repeat). analytes, for lab items only, is a JSON array
-- of {"code", "name", "loinc" (omitted where none fits), "type": QUANTITY | CODED | TEXT, "units" (QUANTITY only)};
-- single-analyte tests carry one analyte.

insert into recognition_item (code, name, kind, category, loinc, modality, validity_days, reference_price,
                              requires_eqa, large_equipment, analytes)
values
    -- 临床血液学 (EQA: 全血细胞计数, 血沉, 凝血)
    ('LAB-CBC',         '血常规(五分类)',             'LAB',  '临床血液学', '57021-8', null,  7,    20.00,   true,  false,
     '[{"code": "WBC", "name": "白细胞计数", "loinc": "6690-2", "type": "QUANTITY", "units": ["10*9/L"]},
       {"code": "RBC", "name": "红细胞计数", "loinc": "789-8", "type": "QUANTITY", "units": ["10*12/L"]},
       {"code": "HGB", "name": "血红蛋白", "loinc": "718-7", "type": "QUANTITY", "units": ["g/L"]},
       {"code": "HCT", "name": "红细胞压积", "loinc": "4544-3", "type": "QUANTITY", "units": ["%"]},
       {"code": "MCV", "name": "平均红细胞体积", "loinc": "787-2", "type": "QUANTITY", "units": ["fL"]},
       {"code": "PLT", "name": "血小板计数", "loinc": "777-3", "type": "QUANTITY", "units": ["10*9/L"]},
       {"code": "NEUT%", "name": "中性粒细胞百分比", "loinc": "770-8", "type": "QUANTITY", "units": ["%"]},
       {"code": "LYMPH%", "name": "淋巴细胞百分比", "loinc": "736-9", "type": "QUANTITY", "units": ["%"]}]'),
    ('LAB-ESR',         '红细胞沉降率(血沉)',         'LAB',  '临床血液学', '30341-2', null,  7,    8.00,    true,  false,
     '[{"code": "ESR", "name": "红细胞沉降率", "loinc": "30341-2", "type": "QUANTITY", "units": ["mm/h"]}]'),
    ('LAB-COAG',        '凝血功能(凝血四项)',         'LAB',  '临床血液学', null,      null,  7,    60.00,   true,  false,
     '[{"code": "PT", "name": "凝血酶原时间", "loinc": "5902-2", "type": "QUANTITY", "units": ["s"]},
       {"code": "INR", "name": "国际标准化比值", "loinc": "6301-6", "type": "QUANTITY", "units": ["{INR}"]},
       {"code": "APTT", "name": "活化部分凝血活酶时间", "loinc": "3173-2", "type": "QUANTITY", "units": ["s"]},
       {"code": "TT", "name": "凝血酶时间", "loinc": "3243-3", "type": "QUANTITY", "units": ["s"]},
       {"code": "FIB", "name": "纤维蛋白原", "loinc": "3255-7", "type": "QUANTITY", "units": ["g/L"]}]'),
    ('LAB-DDIMER',      'D-二聚体',                   'LAB',  '临床血液学', '48065-7', null,  1,    60.00,   true,  false,
     '[{"code": "DD", "name": "D-二聚体(FEU)", "loinc": "48065-7", "type": "QUANTITY", "units": ["mg/L", "ug/mL"]}]'),
    -- 临床输血学: a recognised blood group never replaces the pre-transfusion ABO/RhD re-typing and crossmatch
    ('LAB-ABO',         'ABO血型+RhD血型',            'LAB',  '临床输血学', '882-1',   null,  3650, 25.00,   true,  false,
     '[{"code": "ABO", "name": "ABO血型", "loinc": "883-9", "type": "CODED"},
       {"code": "RHD", "name": "RhD血型", "loinc": "10331-7", "type": "CODED"}]'),
    -- 临床化学 (EQA: 常规化学, 糖化血红蛋白, 心肌标志物)
    ('LAB-LFT',         '肝功能',                     'LAB',  '临床化学',   '24325-3', null,  14,   60.00,   true,  false,
     '[{"code": "ALT", "name": "丙氨酸氨基转移酶", "loinc": "1742-6", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "AST", "name": "天门冬氨酸氨基转移酶", "loinc": "1920-8", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "TBIL", "name": "总胆红素", "loinc": "14631-6", "type": "QUANTITY", "units": ["umol/L"]},
       {"code": "DBIL", "name": "直接胆红素", "loinc": "14629-0", "type": "QUANTITY", "units": ["umol/L"]},
       {"code": "TP", "name": "总蛋白", "loinc": "2885-2", "type": "QUANTITY", "units": ["g/L"]},
       {"code": "ALB", "name": "白蛋白", "loinc": "1751-7", "type": "QUANTITY", "units": ["g/L"]},
       {"code": "GGT", "name": "γ-谷氨酰转移酶", "loinc": "2324-2", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "ALP", "name": "碱性磷酸酶", "loinc": "6768-6", "type": "QUANTITY", "units": ["U/L"]}]'),
    ('LAB-RFT',         '肾功能',                     'LAB',  '临床化学',   '24362-6', null,  14,   40.00,   true,  false,
     '[{"code": "UREA", "name": "尿素", "loinc": "22664-7", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "CREA", "name": "肌酐", "loinc": "14682-9", "type": "QUANTITY", "units": ["umol/L"]},
       {"code": "URIC", "name": "尿酸", "loinc": "14933-6", "type": "QUANTITY", "units": ["umol/L"]},
       {"code": "CYSC", "name": "胱抑素C", "loinc": "33863-2", "type": "QUANTITY", "units": ["mg/L"]},
       {"code": "EGFR", "name": "估算肾小球滤过率(CKD-EPI)", "loinc": "62238-1", "type": "QUANTITY", "units": ["mL/min/{1.73_m2}"]}]'),
    ('LAB-LIPID',       '血脂四项',                   'LAB',  '临床化学',   '57698-3', null,  30,   40.00,   true,  false,
     '[{"code": "TC", "name": "总胆固醇", "loinc": "14647-2", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "TG", "name": "甘油三酯", "loinc": "14927-8", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "HDL-C", "name": "高密度脂蛋白胆固醇", "loinc": "14646-4", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "LDL-C", "name": "低密度脂蛋白胆固醇", "loinc": "22748-8", "type": "QUANTITY", "units": ["mmol/L"]}]'),
    ('LAB-GLU',         '空腹血糖',                   'LAB',  '临床化学',   '14771-0', null,  14,   5.00,    true,  false,
     '[{"code": "GLU", "name": "空腹葡萄糖", "loinc": "14771-0", "type": "QUANTITY", "units": ["mmol/L"]}]'),
    ('LAB-HBA1C',       '糖化血红蛋白',               'LAB',  '临床化学',   '4548-4',  null,  90,   60.00,   true,  false,
     '[{"code": "HBA1C", "name": "糖化血红蛋白(NGSP)", "loinc": "4548-4", "type": "QUANTITY", "units": ["%"]},
       {"code": "HBA1C-IFCC", "name": "糖化血红蛋白(IFCC)", "loinc": "59261-8", "type": "QUANTITY", "units": ["mmol/mol"]}]'),
    ('LAB-ELEC',        '电解质',                     'LAB',  '临床化学',   '24326-1', null,  7,    30.00,   true,  false,
     '[{"code": "K", "name": "钾", "loinc": "2823-3", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "NA", "name": "钠", "loinc": "2951-2", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "CL", "name": "氯", "loinc": "2075-0", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "CA", "name": "钙", "loinc": "2000-8", "type": "QUANTITY", "units": ["mmol/L"]},
       {"code": "TCO2", "name": "总二氧化碳", "loinc": "2028-9", "type": "QUANTITY", "units": ["mmol/L"]}]'),
    ('LAB-MYO',         '心肌酶谱',                   'LAB',  '临床化学',   null,      null,  3,    80.00,   true,  false,
     '[{"code": "CK", "name": "肌酸激酶", "loinc": "2157-6", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "CKMB", "name": "肌酸激酶同工酶(活性)", "loinc": "32673-6", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "LDH", "name": "乳酸脱氢酶", "loinc": "2532-0", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "AST", "name": "天门冬氨酸氨基转移酶", "loinc": "1920-8", "type": "QUANTITY", "units": ["U/L"]},
       {"code": "HBDH", "name": "α-羟丁酸脱氢酶", "type": "QUANTITY", "units": ["U/L"]}]'),
    ('LAB-CTNI',        '心肌肌钙蛋白I',              'LAB',  '临床化学',   '10839-9', null,  1,    80.00,   true,  false,
     '[{"code": "CTNI", "name": "心肌肌钙蛋白I", "loinc": "10839-9", "type": "QUANTITY", "units": ["ng/mL", "ng/L"]}]'),
    ('LAB-BNP',         'B型钠尿肽',                  'LAB',  '临床化学',   '30934-4', null,  3,    160.00,  true,  false,
     '[{"code": "BNP", "name": "B型钠尿肽", "loinc": "30934-4", "type": "QUANTITY", "units": ["pg/mL"]}]'),
    ('LAB-NTBNP',       'N末端B型钠尿肽前体',         'LAB',  '临床化学',   '33762-6', null,  3,    180.00,  true,  false,
     '[{"code": "NTBNP", "name": "N末端B型钠尿肽前体", "loinc": "33762-6", "type": "QUANTITY", "units": ["pg/mL"]}]'),
    -- 临床免疫学 (EQA: 内分泌, 肿瘤标志物, 感染性疾病血清学, 特种蛋白)
    ('LAB-TFT',         '甲状腺功能(甲功三项)',       'LAB',  '临床免疫学', null,      null,  30,   90.00,   true,  false,
     '[{"code": "FT3", "name": "游离三碘甲状腺原氨酸", "loinc": "14928-6", "type": "QUANTITY", "units": ["pmol/L"]},
       {"code": "FT4", "name": "游离甲状腺素", "loinc": "14920-3", "type": "QUANTITY", "units": ["pmol/L"]},
       {"code": "TSH", "name": "促甲状腺激素", "loinc": "3016-3", "type": "QUANTITY", "units": ["m[IU]/L", "u[IU]/mL"]}]'),
    ('LAB-CRP',         'C反应蛋白',                  'LAB',  '临床免疫学', '1988-5',  null,  3,    25.00,   true,  false,
     '[{"code": "CRP", "name": "C反应蛋白", "loinc": "1988-5", "type": "QUANTITY", "units": ["mg/L"]}]'),
    ('LAB-HBV5',        '乙肝五项',                   'LAB',  '临床免疫学', null,      null,  180,  60.00,   true,  false,
     '[{"code": "HBSAG", "name": "乙肝表面抗原", "loinc": "5196-1", "type": "CODED"},
       {"code": "ANTI-HBS", "name": "乙肝表面抗体", "loinc": "22322-2", "type": "CODED"},
       {"code": "HBEAG", "name": "乙肝e抗原", "loinc": "13954-3", "type": "CODED"},
       {"code": "ANTI-HBE", "name": "乙肝e抗体", "loinc": "22320-6", "type": "CODED"},
       {"code": "ANTI-HBC", "name": "乙肝核心抗体", "loinc": "16933-4", "type": "CODED"}]'),
    ('LAB-HCV',         '丙型肝炎病毒抗体',           'LAB',  '临床免疫学', '16128-1', null,  180,  35.00,   true,  false,
     '[{"code": "ANTI-HCV", "name": "丙型肝炎病毒抗体", "loinc": "16128-1", "type": "CODED"}]'),
    ('LAB-HIV',         'HIV抗原抗体(初筛)',          'LAB',  '临床免疫学', '56888-1', null,  180,  40.00,   true,  false,
     '[{"code": "HIV-AGAB", "name": "HIV-1/2抗体及p24抗原", "loinc": "56888-1", "type": "CODED"}]'),
    ('LAB-TP',          '梅毒血清学',                 'LAB',  '临床免疫学', null,      null,  180,  40.00,   true,  false,
     '[{"code": "TP-AB", "name": "梅毒螺旋体特异性抗体", "loinc": "24110-9", "type": "CODED"},
       {"code": "TRUST", "name": "非梅毒螺旋体抗体(TRUST/RPR)", "type": "CODED"}]'),
    ('LAB-AFP',         '甲胎蛋白',                   'LAB',  '临床免疫学', '1834-1',  null,  30,   40.00,   true,  false,
     '[{"code": "AFP", "name": "甲胎蛋白", "loinc": "1834-1", "type": "QUANTITY", "units": ["ng/mL", "[IU]/mL"]}]'),
    ('LAB-CEA',         '癌胚抗原',                   'LAB',  '临床免疫学', '2039-6',  null,  30,   40.00,   true,  false,
     '[{"code": "CEA", "name": "癌胚抗原", "loinc": "2039-6", "type": "QUANTITY", "units": ["ng/mL"]}]'),
    ('LAB-CA125',       '糖类抗原125',                'LAB',  '临床免疫学', '10334-1', null,  30,   60.00,   true,  false,
     '[{"code": "CA125", "name": "糖类抗原125", "loinc": "10334-1", "type": "QUANTITY", "units": ["U/mL"]}]'),
    ('LAB-CA199',       '糖类抗原19-9',               'LAB',  '临床免疫学', '24108-3', null,  30,   60.00,   true,  false,
     '[{"code": "CA199", "name": "糖类抗原19-9", "loinc": "24108-3", "type": "QUANTITY", "units": ["U/mL"]}]'),
    ('LAB-PSA',         '前列腺特异性抗原(总/游离)',  'LAB',  '临床免疫学', null,      null,  30,   80.00,   true,  false,
     '[{"code": "TPSA", "name": "总前列腺特异性抗原", "loinc": "2857-1", "type": "QUANTITY", "units": ["ng/mL"]},
       {"code": "FPSA", "name": "游离前列腺特异性抗原", "loinc": "10886-0", "type": "QUANTITY", "units": ["ng/mL"]},
       {"code": "FPSA%", "name": "游离/总PSA比值", "loinc": "12841-3", "type": "QUANTITY", "units": ["%"]}]'),
    -- 临床体液学 (EQA: 尿液化学分析, 粪便隐血)
    ('LAB-UA',          '尿常规(干化学)',             'LAB',  '临床体液学', '24357-6', null,  7,    15.00,   true,  false,
     '[{"code": "PH", "name": "酸碱度", "loinc": "5803-2", "type": "QUANTITY", "units": ["[pH]"]},
       {"code": "SG", "name": "比重", "loinc": "5811-5", "type": "QUANTITY", "units": ["1"]},
       {"code": "PRO", "name": "尿蛋白", "loinc": "20454-5", "type": "CODED"},
       {"code": "GLU", "name": "尿葡萄糖", "loinc": "25428-4", "type": "CODED"},
       {"code": "KET", "name": "尿酮体", "loinc": "2514-8", "type": "CODED"},
       {"code": "BLD", "name": "尿隐血", "loinc": "5794-3", "type": "CODED"},
       {"code": "LEU", "name": "白细胞酯酶", "loinc": "5799-2", "type": "CODED"},
       {"code": "NIT", "name": "亚硝酸盐", "loinc": "5802-4", "type": "CODED"}]'),
    ('LAB-STOOL',       '粪便常规+隐血',              'LAB',  '临床体液学', null,      null,  7,    15.00,   true,  false,
     '[{"code": "COLOR", "name": "颜色", "type": "TEXT"},
       {"code": "FORM", "name": "性状", "type": "TEXT"},
       {"code": "WBC-M", "name": "镜检白细胞", "type": "TEXT"},
       {"code": "RBC-M", "name": "镜检红细胞", "type": "TEXT"},
       {"code": "OB", "name": "隐血试验", "loinc": "2335-8", "type": "CODED"}]'),
    -- 放射: DR
    ('EXAM-CXR',        '胸部DR正位',                 'EXAM', '放射',       '36554-4', 'DX',  90,   60.00,   false, false, '[]'),
    ('EXAM-DR-LSPINE',  '腰椎DR正侧位',               'EXAM', '放射',       '36670-8', 'DX',  90,   90.00,   false, false, '[]'),
    -- 放射: CT and MRI (大型医用设备, 配置许可与应用合理性评价)
    ('EXAM-CT-HEAD',    '头颅CT平扫',                 'EXAM', '放射',       '30799-1', 'CT',  90,   180.00,  true,  true,  '[]'),
    ('EXAM-CT-CHEST',   '胸部CT平扫',                 'EXAM', '放射',       '29252-4', 'CT',  90,   200.00,  true,  true,  '[]'),
    ('EXAM-CT-ABD',     '上腹部CT平扫',               'EXAM', '放射',       '36424-0', 'CT',  90,   240.00,  true,  true,  '[]'),
    ('EXAM-MR-HEAD',    '头颅MRI平扫',                'EXAM', '放射',       '30657-1', 'MR',  180,  450.00,  true,  true,  '[]'),
    ('EXAM-MR-LSPINE',  '腰椎MRI平扫',                'EXAM', '放射',       '30679-5', 'MR',  180,  450.00,  true,  true,  '[]'),
    ('EXAM-MR-KNEE',    '膝关节MRI平扫',              'EXAM', '放射',       '30691-0', 'MR',  180,  450.00,  true,  true,  '[]'),
    -- 放射: 乳腺X线摄影 (no LOINC given: screening and diagnostic mammography have different codes)
    ('EXAM-MAMMO',      '乳腺X线摄影(钼靶, 双侧)',    'EXAM', '放射',       null,      'MG',  180,  150.00,  false, false, '[]'),
    -- 超声
    ('EXAM-US-ABD',     '腹部超声(肝胆胰脾)',         'EXAM', '超声',       '24558-9', 'US',  30,   100.00,  false, false, '[]'),
    ('EXAM-US-URO',     '泌尿系超声(双肾输尿管膀胱)', 'EXAM', '超声',       null,      'US',  30,   80.00,   false, false, '[]'),
    ('EXAM-US-THY',     '甲状腺及颈部淋巴结超声',     'EXAM', '超声',       '25010-0', 'US',  90,   60.00,   false, false, '[]'),
    ('EXAM-US-BREAST',  '乳腺及腋窝淋巴结超声',       'EXAM', '超声',       '24601-7', 'US',  90,   80.00,   false, false, '[]'),
    ('EXAM-US-HEART',   '经胸超声心动图',             'EXAM', '超声',       '34552-0', 'US',  90,   200.00,  false, false, '[]'),
    ('EXAM-US-CAROTID', '颈动脉超声',                 'EXAM', '超声',       '24616-5', 'US',  180,  100.00,  false, false, '[]'),
    -- 心电
    ('EXAM-ECG',        '常规十二导联心电图',         'EXAM', '心电',       '11524-6', 'ECG', 7,    25.00,   false, false, '[]'),
    ('EXAM-HOLTER',     '24小时动态心电图',           'EXAM', '心电',       null,      'ECG', 30,   180.00,  false, false, '[]'),
    -- 内镜
    ('EXAM-GASTRO',     '电子胃镜检查',               'EXAM', '内镜',       null,      'ES',  180,  260.00,  false, false, '[]');

-- Recognition policies. Scopes, each a way a result issued elsewhere is recognised for an orderer on the check date:
--   SAME_GROUP       issuer/performer and orderer are in the same 医联体 / 医共体 / 城市医疗集团 on the check date (EXR-05)
--   SAME_LEVEL       same care level, within the same city (EXR-03)
--   HIGHER_TO_LOWER  the performing lab's care level is above the orderer's, within the same city
--   CITY_WIDE        any care level, within the same city (EXR-04)
-- validityDays replaces the catalogue's validity_days for the items it names; openCheckHours is how long a check stays
-- open for decisions and for reading the results it offered. The most specific region with a version in force on the
-- check date applies, else 000000; a region's policy replaces, and does not add to, its parent's.

insert into recognition_policy (region_code, version, effective_from, effective_to, title, parameters) values
('000000', 1, date '2022-03-01', null,
 'Exchange-wide fallback: national baseline of the 2022 办法, 医联体内互认 and 同级互认 within a city (EXR-03, EXR-05)',
 '{
    "scopes": ["SAME_GROUP", "SAME_LEVEL"],
    "validityDays": {},
    "openCheckHours": 24
  }'),
('350900', 1, date '2023-06-29', null,
 '宁德市 2023: 医疗集团/医共体内互认, 同级互认, 上级对下级互认, 全市互认; 血常规 5 天, 胸部DR/头颅CT 60 天',
 '{
    "scopes": ["SAME_GROUP", "SAME_LEVEL", "HIGHER_TO_LOWER", "CITY_WIDE"],
    "validityDays": {"LAB-CBC": 5, "EXAM-CXR": 60, "EXAM-CT-HEAD": 60},
    "openCheckHours": 24
  }'),
-- 霞浦县: a county policy of its own, without a city-wide scope; in force, it replaces the 350900 policy for 霞浦
-- orderers, including its validity overrides.
('350921', 1, date '2024-01-01', null,
 '霞浦县 2024: 县域医共体内互认, 同级互认, 上级对下级互认 (no city-wide scope of its own)',
 '{
    "scopes": ["SAME_GROUP", "SAME_LEVEL", "HIGHER_TO_LOWER"],
    "validityDays": {},
    "openCheckHours": 24
  }');
