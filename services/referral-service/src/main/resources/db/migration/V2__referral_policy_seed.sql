-- Referral policies in force when the service starts. Sources: domain-requirements REF-02, REF-03, REF-05 (宁德市
-- 2023 重点工作任务, 000_8d4f56f9c50c1717.txt, dated 2023-06-29). Response times are the exchange's own choice: the
-- seed documents give none.

insert into referral_policy (region_code, version, effective_from, effective_to, title, parameters) values
('000000', 1, date '2020-01-01', null,
 'Exchange-wide fallback: flags only, no regional benefit',
 '{
    "properReferralUpliftPoints": 0,
    "secondDeductibleWaiver": false,
    "answerWithin": {"ROUTINE": "PT72H", "URGENT": "PT24H", "GREEN_CHANNEL": "PT2H"},
    "firstContactCatalogue": []
  }'),
('350900', 1, date '2023-06-29', null,
 '宁德市 2023: 转诊 +5 个百分点, 医疗集团/医共体内取消二次住院起付线, 高血压/糖尿病基层首诊',
 '{
    "properReferralUpliftPoints": 5,
    "secondDeductibleWaiver": true,
    "answerWithin": {"ROUTINE": "PT72H", "URGENT": "PT24H", "GREEN_CHANNEL": "PT2H"},
    "firstContactCatalogue": [
      {"from": "I10", "to": "I15", "name": "高血压 hypertensive diseases"},
      {"from": "E10", "to": "E14", "name": "糖尿病 diabetes mellitus"}
    ]
  }');
