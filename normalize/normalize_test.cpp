// End-to-end readings of the forms docs/normalization-conventions.md lists.
#include "normalize/normalize.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace jixiao {
namespace {

struct Expected {
  std::optional<double> number;
  std::optional<std::string> unit;
  std::optional<std::string> comparator = std::nullopt;
  std::vector<std::string> per = {};
};

void ExpectNumber(std::string_view text, const Expected& e, const NormalizeContext& context = {}) {
  SCOPED_TRACE(std::string(text));
  Normalized n = Normalize(text, context);
  ASSERT_TRUE(n.value.number.has_value());
  EXPECT_NEAR(*n.value.number, *e.number, 1e-9 * std::max(1.0, std::abs(*e.number)));
  EXPECT_FALSE(n.value.date.has_value());
  EXPECT_EQ(n.value.unit, e.unit);
  EXPECT_EQ(n.value.comparator, e.comparator);
  EXPECT_EQ(n.value.per, e.per);
  EXPECT_FALSE(n.value.text.has_value());
  EXPECT_FALSE(n.noisy);
  EXPECT_EQ(n.value.raw, text);
}

void ExpectDate(std::string_view text, const std::string& iso,
                std::optional<std::string> comparator = std::nullopt) {
  SCOPED_TRACE(std::string(text));
  Normalized n = Normalize(text);
  ASSERT_TRUE(n.value.date.has_value());
  EXPECT_EQ(*n.value.date, iso);
  EXPECT_FALSE(n.value.number.has_value());
  EXPECT_EQ(n.value.unit, std::optional<std::string>("date"));
  EXPECT_EQ(n.value.comparator, comparator);
}

void ExpectText(std::string_view text, const std::string& kept) {
  SCOPED_TRACE(std::string(text));
  Normalized n = Normalize(text);
  EXPECT_FALSE(n.value.has_figure());
  EXPECT_FALSE(n.value.unit.has_value());
  EXPECT_FALSE(n.value.comparator.has_value());
  EXPECT_TRUE(n.value.per.empty());
  EXPECT_EQ(n.value.text, std::optional<std::string>(kept));
  EXPECT_FALSE(n.noisy);
}

const std::optional<std::string> kNone;

TEST(Normalize, Money) {
  ExpectNumber("32063.3 元", {32063.3, "元"});
  ExpectNumber("110 万元", {1100000, "元"});
  ExpectNumber("1.2亿元", {120000000, "元"});
  ExpectNumber("3.5千万元", {35000000, "元"});
  ExpectNumber("5千元", {5000, "元"});
  ExpectNumber("12元5角", {12.5, "元"});
  ExpectNumber("3元4角5分", {3.45, "元"});
  ExpectNumber("￥980", {980, "元"});
  ExpectNumber("人民币 3500 元", {3500, "元"});
  ExpectNumber("1000 圆", {1000, "元"});
  ExpectNumber("45元整", {45, "元"});
  ExpectNumber("45元正", {45, "元"});
}

TEST(Normalize, BareMagnitudeKeepsNoUnit) {
  ExpectNumber("30万", {300000, kNone});
  ExpectNumber("20.28万", {202800, kNone});
  ExpectNumber("1.2亿", {120000000, kNone});
  ExpectNumber("960 万", {9600000, kNone});
}

TEST(Normalize, CountsKeepTheMeasureWord) {
  ExpectNumber("1.6 万人", {16000, "人"});
  ExpectNumber("87.89万人次", {878900, "人次"});
  ExpectNumber("12 家次", {12, "家次"});
  ExpectNumber("13 项", {13, "项"});
  ExpectNumber("15个工作日", {15, "工作日"});
  ExpectNumber("6个月", {6, "月"});
  ExpectNumber("10 个医疗保障服务中心", {10, "个"});
  ExpectNumber("442 家定点医药机构", {442, "家"});
  ExpectNumber("60分钟", {60, "分钟"});
  ExpectNumber("5天", {5, "天"});
  ExpectNumber("5日", {5, "日"});
  ExpectNumber("3 户", {3, "户"});
  ExpectNumber("4 期", {4, "期"});
  ExpectNumber("200 份", {200, "份"});
}

TEST(Normalize, PerUnitRates) {
  using V = std::vector<std::string>;
  ExpectNumber("61 元/人/年", {61, "元", kNone, V{"人", "年"}});
  ExpectNumber("24 元/人·年", {24, "元", kNone, V{"人", "年"}});
  ExpectNumber("每人每年320元", {320, "元", kNone, V{"人", "年"}});
  ExpectNumber("每人每月100元", {100, "元", kNone, V{"人", "月"}});
  ExpectNumber("人均 7.8 万元", {78000, "元", kNone, V{"人"}});
  ExpectNumber("4次/年", {4, "次", kNone, V{"年"}});
  ExpectNumber("每年2次", {2, "次", kNone, V{"年"}});
  ExpectNumber("10万元/年", {100000, "元", kNone, V{"年"}});
}

TEST(Normalize, Percentages) {
  ExpectNumber("100.00%", {100, "%"});
  ExpectNumber("-2.5%", {-2.5, "%"});
  ExpectNumber("百分之九十五", {95, "%"});
  ExpectNumber("百分之百", {100, "%"});
  ExpectNumber("千分之五", {0.5, "%"});
  ExpectNumber("九成", {90, "%"});
  ExpectNumber("执行率达 100%", {100, "%"});
  ExpectNumber("参保率为94%", {94, "%"});
}

TEST(Normalize, Comparators) {
  ExpectNumber("≥95%", {95, "%", ">="});
  ExpectNumber("≧90%", {90, "%", ">="});
  ExpectNumber(">=90%", {90, "%", ">="});
  ExpectNumber("不低于90%", {90, "%", ">="});
  ExpectNumber("95%以上", {95, "%", ">="});
  ExpectNumber("1000人以上", {1000, "人", ">="});
  ExpectNumber(">80", {80, kNone, ">"});
  ExpectNumber("高于80%", {80, "%", ">"});
  ExpectNumber("≤３０天", {30, "天", "<="});
  ExpectNumber("≦5%", {5, "%", "<="});
  ExpectNumber("不高于10%", {10, "%", "<="});
  ExpectNumber("不超过10天", {10, "天", "<="});
  ExpectNumber("5000 元以内", {5000, "元", "<="});
  ExpectNumber("10%以下", {10, "%", "<="});
  ExpectNumber("15个工作日以内", {15, "工作日", "<="});
  ExpectNumber("<3%", {3, "%", "<"});
  ExpectNumber("=100%", {100, "%", "="});
  ExpectNumber("等于100%", {100, "%", "="});
  ExpectNumber("确保90%以上的满意度", {90, "%", ">="});
}

TEST(Normalize, ApproximateAndLowerBoundWords) {
  ExpectNumber("3000余名", {3000, "名", ">="});
  ExpectNumber("6000余份", {6000, "份", ">="});
  ExpectNumber("三千余", {3000, kNone, ">="});
  ExpectNumber("1000多人", {1000, "人", ">="});
  ExpectNumber("7.8 万元左右", {78000, "元"});
  ExpectNumber("约 5000 元", {5000, "元"});
  ExpectNumber("高达 98%", {98, "%"});
}

TEST(Normalize, Dates) {
  ExpectDate("2023.6.21", "2023-06-21");
  ExpectDate("2023. 6. 21", "2023-06-21");
  ExpectDate("2023/6/21", "2023-06-21");
  ExpectDate("2023年6月21日", "2023-06-21");
  ExpectDate("2021 年 4月 15 日", "2021-04-15");
  ExpectDate("2024.10", "2024-10");
  ExpectDate("2023 年 6 月", "2023-06");
  ExpectDate("2022 年 3 月 日", "2022-03");
  ExpectDate("2023 年 12 月底", "2023-12");
  ExpectDate("2022 年度", "2022");
  ExpectDate("2023年", "2023");
  ExpectDate("二〇二三年", "2023");
  ExpectDate("二〇二三年六月二十一日", "2023-06-21");
  ExpectDate("2022年12月31日之前", "2022-12-31", "<=");
  ExpectDate("2023.12.31前", "2023-12-31", "<=");
  ExpectDate("不晚于2023年6月30日", "2023-06-30", "<=");
  ExpectDate("截至2023年12月31日", "2023-12-31", "<=");
  ExpectDate("2024年1月1日之后", "2024-01-01", ">=");
  ExpectDate("填报日期: 2023.6.21", "2023-06-21");
  ExpectNumber("2024.10元", {2024.1, "元"});
  ExpectNumber("3年", {3, "年"});
}

TEST(Normalize, ChineseNumerals) {
  ExpectNumber("两万", {20000, kNone});
  ExpectNumber("十五", {15, kNone});
  ExpectNumber("一百二十三", {123, kNone});
  ExpectNumber("一千零五", {1005, kNone});
  ExpectNumber("一万二", {12000, kNone});
  ExpectNumber("三点五", {3.5, kNone});
  ExpectNumber("零", {0, kNone});
  ExpectNumber("十七项", {17, "项"});
  ExpectNumber("一次", {1, "次"});
  ExpectNumber("二十万元", {200000, "元"});
  ExpectNumber("九成以上", {90, "%", ">="});
}

TEST(Normalize, NumeralsInsideWordsAreText) {
  ExpectText("一站式", "一站式");
  ExpectText("一次性项目", "一次性项目");
  ExpectText("五险一金", "五险一金");
  ExpectText("零容忍", "零容忍");
  ExpectText("百县千镇万村高质量发展工程", "百县千镇万村高质量发展工程");
  ExpectText("三重制度综合保障", "三重制度综合保障");
  ExpectText("统一", "统一");
  ExpectText("第一名", "第一名");
}

TEST(Normalize, FinancialNumerals) {
  ExpectNumber("壹拾贰万叁仟元整", {123000, "元"});
  ExpectNumber("贰仟零伍元", {2005, "元"});
  ExpectNumber("伍拾元正", {50, "元"});
  ExpectNumber("壹佰贰拾叁元肆角伍分", {123.45, "元"});
  ExpectNumber("人民币（大写）：贰拾万元整", {200000, "元"});
  ExpectNumber("叁拾萬元整", {300000, "元"});
  ExpectNumber("零元整", {0, "元"});
}

TEST(Normalize, FullWidthAndSeparators) {
  ExpectNumber("１，２３４，５６７", {1234567, kNone});
  ExpectNumber("１．６万人", {16000, "人"});
  ExpectNumber("＜５％", {5, "%", "<"});
  ExpectNumber("\u3000９８％\u3000", {98, "%"});
  ExpectNumber("（２０分）", {20, "分"});
  ExpectNumber("4,900,000.00元", {4900000, "元"});
  ExpectNumber("12,345.6万元", {123456000, "元"});
  ExpectNumber("2,000,000元以内", {2000000, "元", "<="});
  ExpectNumber("1 234 567", {1234567, kNone});
}

TEST(Normalize, ClearOcrNoise) {
  ExpectNumber("9 5 %", {95, "%"});
  ExpectNumber("1OO%", {100, "%"});
  ExpectNumber("l00", {100, kNone});
  ExpectNumber("|00%", {100, "%"});
  ExpectNumber("lO万元", {100000, "元"});
  ExpectNumber("1 1 0 万元", {1100000, "元"});
  ExpectNumber("≥ 9O%", {90, "%", ">="});
  ExpectNumber("9 5 .5 %", {95.5, "%"});
  ExpectNumber("１１０（万元）", {1100000, "元"});
  ExpectNumber("“100%”", {100, "%"});
  ExpectDate("2O23.6.21", "2023-06-21");
  ExpectText("DIP支付方式改革", "DIP支付方式改革");
}

TEST(Normalize, UnclearFiguresAreNoisy) {
  // "120,00.00": a mangled thousands grouping, not 0 read from its ".00".
  for (std::string_view text : {"9S%", "12?5%", "1,5%", "10 0%", "120,00.00", "1,2.5万元"}) {
    SCOPED_TRACE(std::string(text));
    Normalized n = Normalize(text);
    EXPECT_FALSE(n.value.has_figure());
    EXPECT_TRUE(n.noisy);
    EXPECT_TRUE(n.value.text.has_value());
  }
}

TEST(Normalize, QualitativeTextIsKept) {
  ExpectText("全覆盖", "全覆盖");
  ExpectText("不低于上年", "不低于上年");
  ExpectText("（万元）", "（万元）");
  ExpectText("——", "——");
  ExpectText("  无 ", "无");
  ExpectText("5G网络", "5G网络");
}

TEST(Normalize, TwoFiguresSideBySideHaveNoSingleReading) {
  ExpectText("普通居民 61 元/人/年; 特殊人员 140 元/人/年",
             "普通居民 61 元/人/年; 特殊人员 140 元/人/年");
  ExpectText("门诊 30 元；住院 50 元", "门诊 30 元；住院 50 元");  // 至, - and 且 make ranges: value_forms_test
  ExpectNumber("94分（满分100分）", {94, "分"});        // a note, not a second value
  ExpectNumber("≥60% 60%以上", {60, "%", ">="});      // no separator: the first
}

TEST(Normalize, ListMarkersAreNotFigures) {
  ExpectText("一、项目基本情况", "一、项目基本情况");
  ExpectText("1、预算执行情况分析", "1、预算执行情况分析");
  ExpectText("1. 资金支出情况。", "1. 资金支出情况。");
  ExpectText("（三）资金使用绩效存在的问题", "（三）资金使用绩效存在的问题");
  ExpectNumber("2. 执行率 95%", {95, "%"});
  ExpectNumber("(20)", {20, kNone});
  ExpectText("处理一起", "处理一起");                   // 一起 is "together"
}

TEST(Normalize, LabelsAndScores) {
  ExpectNumber("自评得分 94 分", {94, "分"});
  ExpectNumber("总分：100", {100, kNone});
  ExpectNumber("达成预期指标95%", {95, "%"});
  ExpectNumber("94分", {94, "分"});
  ExpectNumber("(20分)", {20, "分"});
  ExpectNumber("2022年度预算执行率95%", {95, "%"});
}

TEST(Normalize, ColumnUnitAppliesToBareNumbers) {
  NormalizeContext wan;
  wan.column_unit = "万元";
  ExpectNumber("110", {1100000, "元"}, wan);
  ExpectNumber("638.43", {6384300, "元"}, wan);
  ExpectNumber("6384300元", {6384300, "元"}, wan);   // the cell's own unit wins
  ExpectNumber("30万", {300000, kNone}, wan);        // so does its own magnitude
  NormalizeContext header;
  header.column_unit = "（单位：万元）";
  ExpectNumber("110", {1100000, "元"}, header);
  NormalizeContext full_header;
  full_header.column_unit = "预算执行情况（万元） (20分)";
  ExpectNumber("110", {1100000, "元"}, full_header);
  NormalizeContext yuan;
  yuan.column_unit = "元";
  ExpectNumber("980", {980, "元"}, yuan);
  NormalizeContext nonsense;
  nonsense.column_unit = "预算执行情况";
  ExpectNumber("110", {110, kNone}, nonsense);
}

TEST(Normalize, PercentColumn) {
  NormalizeContext percent;
  percent.percent_column = true;
  ExpectNumber("95", {95, "%"}, percent);
  ExpectNumber("95%", {95, "%"}, percent);
  ExpectNumber("94分", {94, "分"}, percent);
  Normalized date = Normalize("2023.6.21", percent);
  EXPECT_EQ(date.value.unit, std::optional<std::string>("date"));
}

TEST(ParsePoints, ReadsScores) {
  EXPECT_EQ(ParsePoints("94"), 94);
  EXPECT_EQ(ParsePoints("94分"), 94);
  EXPECT_EQ(ParsePoints("19.5分"), 19.5);
  EXPECT_EQ(ParsePoints("（２０分）"), 20);
  EXPECT_EQ(ParsePoints("自评得分 94 分"), 94);
}

TEST(ParsePoints, RefusesWhatIsNotPoints) {
  EXPECT_FALSE(ParsePoints("95%").has_value());
  EXPECT_FALSE(ParsePoints("110 万元").has_value());
  EXPECT_FALSE(ParsePoints("2023.6.21").has_value());
  EXPECT_FALSE(ParsePoints("≥90分").has_value());
  EXPECT_FALSE(ParsePoints("全覆盖").has_value());
  EXPECT_FALSE(ParsePoints("").has_value());
}

}  // namespace
}  // namespace jixiao
