// Ranges, changes, periods and negative amounts as targets print them: the
// forms of issue "values as printed", the wording of the seed reports
// (三档 tiers 100-80%(含80%), deadlines, 较上年 targets) and their OCR
// variants.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "normalize/normalize.h"

namespace jixiao {
namespace {

const std::optional<std::string> kNone;

Value Read(std::string_view text) {
  Normalized n = Normalize(text);
  EXPECT_FALSE(n.noisy) << text;
  EXPECT_EQ(n.value.raw, text);
  return n.value;
}

void ExpectNumber(const Value& v, double number, const std::optional<std::string>& unit,
                  const std::optional<std::string>& comparator) {
  ASSERT_TRUE(v.number.has_value());
  EXPECT_NEAR(*v.number, number, 1e-9 * std::max(1.0, std::fabs(number)));
  EXPECT_EQ(v.unit, unit);
  EXPECT_EQ(v.comparator, comparator);
  EXPECT_FALSE(v.text.has_value());
}

struct RangeCase {
  const char* text;
  double lower;
  double upper;
  std::optional<std::string> unit;
  bool lower_inclusive = true;
  bool upper_inclusive = true;
};

void ExpectRange(const RangeCase& c) {
  SCOPED_TRACE(c.text);
  Value v = Read(c.text);
  ExpectNumber(v, c.lower, c.unit, c.lower_inclusive ? ">=" : ">");
  ASSERT_TRUE(v.range.has_value());
  EXPECT_NEAR(v.range->lower.value, c.lower, 1e-9 * std::max(1.0, c.lower));
  EXPECT_NEAR(v.range->upper.value, c.upper, 1e-9 * std::max(1.0, c.upper));
  EXPECT_EQ(v.range->lower.inclusive, c.lower_inclusive);
  EXPECT_EQ(v.range->upper.inclusive, c.upper_inclusive);
  EXPECT_FALSE(v.change || v.period);
}

struct ChangeCase {
  const char* text;
  double size;
  std::optional<std::string> unit;
  std::string direction;
  std::optional<std::string> baseline;
  std::optional<std::string> comparator = std::nullopt;
};

void ExpectChange(const ChangeCase& c) {
  SCOPED_TRACE(c.text);
  Value v = Read(c.text);
  ExpectNumber(v, c.size, c.unit, c.comparator);
  ASSERT_TRUE(v.change.has_value());
  EXPECT_EQ(v.change->direction, c.direction);
  EXPECT_EQ(v.change->baseline, c.baseline);
  EXPECT_FALSE(v.range || v.period);
}

struct PeriodCase {
  const char* text;
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> comparator = std::nullopt;
};

// A period with a year reads as its end date.
void ExpectDatedPeriod(const PeriodCase& c) {
  SCOPED_TRACE(c.text);
  Value v = Read(c.text);
  ASSERT_TRUE(v.date.has_value());
  EXPECT_EQ(v.date, c.to);
  EXPECT_EQ(v.unit, std::optional<std::string>("date"));
  EXPECT_EQ(v.comparator, c.comparator);
  ASSERT_TRUE(v.period.has_value());
  EXPECT_EQ(v.period->from, c.from);
  EXPECT_EQ(v.period->to, c.to);
}

// Without a year: the month as a number of unit 月, the day in the period.
void ExpectYearlessPeriod(const PeriodCase& c, double month) {
  SCOPED_TRACE(c.text);
  Value v = Read(c.text);
  ExpectNumber(v, month, "月", c.comparator);
  ASSERT_TRUE(v.period.has_value());
  EXPECT_EQ(v.period->from, c.from);
  EXPECT_EQ(v.period->to, c.to);
}

void ExpectAmount(std::string_view text, double number, const std::optional<std::string>& unit) {
  SCOPED_TRACE(std::string(text));
  Value v = Read(text);
  ExpectNumber(v, number, unit, kNone);
  EXPECT_FALSE(v.range || v.change || v.period);
}

void ExpectPlain(std::string_view text, double number, const std::optional<std::string>& unit,
                 const std::optional<std::string>& comparator = std::nullopt) {
  SCOPED_TRACE(std::string(text));
  Value v = Read(text);
  ExpectNumber(v, number, unit, comparator);
  EXPECT_FALSE(v.range || v.change || v.period);
}

void ExpectWords(std::string_view text) {
  SCOPED_TRACE(std::string(text));
  Value v = Read(text);
  EXPECT_FALSE(v.has_figure());
  EXPECT_EQ(v.text, std::optional<std::string>(std::string(text)));
  EXPECT_FALSE(v.range || v.change || v.period);
}

// --- The forms the issue lists --------------------------------------------

TEST(ValueForms, IssueTable) {
  ExpectRange({"90%-95%", 90, 95, "%"});
  ExpectRange({"90%～95%", 90, 95, "%"});
  ExpectRange({"3-5个工作日", 3, 5, "工作日"});
  ExpectRange({"≥95%且≤100%", 95, 100, "%"});
  ExpectAmount("负5万元", -50000, "元");
  ExpectAmount("（12.5）万元", -125000, "元");
  ExpectChange({"下降3%", 3, "%", "decrease", kNone});
  ExpectChange({"较上年提高2个百分点", 2, "百分点", "increase", "上年"});
  ExpectDatedPeriod({"2023年1-12月", "2023-01", "2023-12"});
  ExpectYearlessPeriod({"12月底前", kNone, "--12-31", "<="}, 12);
}

// --- Ranges -----------------------------------------------------------------

TEST(ValueForms, RangesWithAConnector) {
  ExpectRange({"90-95%", 90, 95, "%"});            // the first bound takes the unit
  ExpectRange({"90%至95%", 90, 95, "%"});
  ExpectRange({"90%到95%", 90, 95, "%"});
  ExpectRange({"90%—95%", 90, 95, "%"});
  ExpectRange({"3-5万元", 30000, 50000, "元"});     // ... and the magnitude
  ExpectRange({"30万-50万", 300000, 500000, kNone});
  ExpectRange({"三至五个工作日", 3, 5, "工作日"});
  ExpectRange({"百分之九十至百分之九十五", 90, 95, "%"});
  ExpectRange({"介于90%和95%之间", 90, 95, "%"});
  ExpectRange({"15-20天", 15, 20, "天"});
}

TEST(ValueForms, TierRangesOfTheSeedsReadLowToHigh) {
  // 三档: 100-80%(含80%)、80-50%(含50%)、50-0%.
  ExpectRange({"100-80%（含80%）", 80, 100, "%"});
  ExpectRange({"80-50%(含50%)", 50, 80, "%"});
  ExpectRange({"50-0%", 0, 50, "%"});
  ExpectRange({"100-90%(含90%)", 90, 100, "%"});
  ExpectRange({"80-60%(不含60%)", 60, 80, "%", false, true});
}

TEST(ValueForms, OppositeBounds) {
  ExpectRange({"≥95%，≤100%", 95, 100, "%"});
  ExpectRange({">90%,<95%", 90, 95, "%", false, false});
  ExpectRange({"90%以上且100%以下", 90, 100, "%"});
  ExpectRange({"≤100%且≥95%", 95, 100, "%"});       // upper bound printed first
  ExpectRange({"≥90%并且<100%", 90, 100, "%", true, false});
}

TEST(ValueForms, RangesAsOcrPrintsThem) {
  ExpectRange({"9 0 % - 9 5 %", 90, 95, "%"});
  ExpectRange({"90％－95％", 90, 95, "%"});
  ExpectRange({"90%一95%", 90, 95, "%"});           // the dash read as 一
  ExpectRange({"3一5个工作日", 3, 5, "工作日"});
  ExpectRange({"1OO-8O%", 80, 100, "%"});
  ExpectRange({"≧95%且≦100%", 95, 100, "%"});
  ExpectRange({"≥ 9 5 % 且 ≤ 1 0 0 %", 95, 100, "%"});
  ExpectRange({"90%——95%", 90, 95, "%"});
}

TEST(ValueForms, NoRangeWhereNoneIsPrinted) {
  ExpectPlain("≥90%", 90, "%", ">=");
  ExpectPlain("-2.5%", -2.5, "%");
  ExpectPlain("≥90%-95%", 90, "%", ">=");          // a bound and a range: the bound as today
  ExpectWords("普通居民61元/人/年；特殊人员140元/人/年");  // two values
  ExpectWords("门诊 30 元和住院 50 元");              // 和 without 之间: two values
}

// --- Changes ----------------------------------------------------------------

TEST(ValueForms, ChangesAndTheirBaselines) {
  ExpectChange({"同比下降3.5%", 3.5, "%", "decrease", "上年同期"});
  ExpectChange({"与上年相比，下降2个百分点", 2, "百分点", "decrease", "上年"});
  ExpectChange({"较2022年提高5%", 5, "%", "increase", "2022年"});
  ExpectChange({"比上年减少5万元", 50000, "元", "decrease", "上年"});
  ExpectChange({"较上年提高2个百分点以上", 2, "百分点", "increase", "上年", ">="});
  ExpectChange({"下降了3%", 3, "%", "decrease", kNone});
  ExpectChange({"降低幅度为5%", 5, "%", "decrease", kNone});
  ExpectChange({"负增长3%", 3, "%", "decrease", kNone});
  ExpectChange({"较上年度增长10%", 10, "%", "increase", "上年度"});
  ExpectChange({"环比上升1.2%", 1.2, "%", "increase", "上期"});
  ExpectChange({"较年初增加200人", 200, "人", "increase", "年初"});
}

TEST(ValueForms, ChangesAsOcrPrintsThem) {
  ExpectChange({"下 降 3 %", 3, "%", "decrease", kNone});
  ExpectChange({"较 上 年 提 高 2 个 百 分 点", 2, "百分点", "increase", "上年"});
  ExpectChange({"较上年提高２个百分点", 2, "百分点", "increase", "上年"});
}

TEST(ValueForms, LevelsAreNotChanges) {
  ExpectPlain("提高到95%", 95, "%");                 // raised to a level
  ExpectPlain("增长率≤5%", 5, "%", "<=");            // a rate, not a rise
  ExpectPlain("群众满意度高达95%", 95, "%");
  ExpectWords("不低于上年");                          // no figure
  ExpectWords("提高群众知晓率");
  ExpectWords("减少医保医疗保险保费收入");
}

// --- Periods and deadlines --------------------------------------------------

TEST(ValueForms, Periods) {
  ExpectDatedPeriod({"2023年1月至12月", "2023-01", "2023-12"});
  ExpectDatedPeriod({"2021年9月至2022年2月底", "2021-09", "2022-02"});
  ExpectDatedPeriod({"2023年1月1日-12月31日", "2023-01-01", "2023-12-31"});
  ExpectDatedPeriod({"2023.1.1-2023.12.31", "2023-01-01", "2023-12-31"});
  ExpectDatedPeriod({"2023.1-2023.12", "2023-01", "2023-12"});
  ExpectDatedPeriod({"2023-2025年", "2023", "2025"});
  ExpectDatedPeriod({"2O23年1-12月", "2023-01", "2023-12"});
  ExpectDatedPeriod({"2023 年 1 - 12 月", "2023-01", "2023-12"});
  ExpectDatedPeriod({"2023年1一12月", "2023-01", "2023-12"});
  ExpectYearlessPeriod({"1-12月", "--01", "--12"}, 12);
}

TEST(ValueForms, DeadlinesWithoutAYear) {
  ExpectYearlessPeriod({"12月底之前", kNone, "--12-31", "<="}, 12);
  ExpectYearlessPeriod({"1 2 月 底 前", kNone, "--12-31", "<="}, 12);
  ExpectYearlessPeriod({"十二月底前", kNone, "--12-31", "<="}, 12);
  ExpectYearlessPeriod({"6月30日前", kNone, "--06-30", "<="}, 6);
  ExpectYearlessPeriod({"截至6月30日", kNone, "--06-30", "<="}, 6);
  ExpectYearlessPeriod({"2月底前", kNone, "--02-29", "<="}, 2);  // whatever the year
  ExpectPlain("12月底", 12, "月");                   // no deadline word: a month, as before
}

TEST(ValueForms, DatesThatAreNoPeriod) {
  Value deadline = Read("2022年12月31日之前");
  EXPECT_EQ(deadline.date, std::optional<std::string>("2022-12-31"));
  EXPECT_EQ(deadline.comparator, std::optional<std::string>("<="));
  EXPECT_FALSE(deadline.period.has_value());
  Value month_end = Read("2023年12月底前");
  EXPECT_EQ(month_end.date, std::optional<std::string>("2023-12-31"));
  EXPECT_FALSE(month_end.period.has_value());
  ExpectRange({"2000.5-3000", 2000.5, 3000, kNone});  // not a date: a range of numbers
}

// --- Negative amounts -------------------------------------------------------

TEST(ValueForms, NegativeAmounts) {
  ExpectAmount("负 5 万元", -50000, "元");
  ExpectAmount("( 12.5 ) 万元", -125000, "元");
  ExpectAmount("(12.5)万元", -125000, "元");
  ExpectAmount("结余为负5万元", -50000, "元");
  ExpectAmount("负五万元", -50000, "元");
  ExpectAmount("－3.2万元", -32000, "元");
  ExpectAmount("自负5万元", 50000, "元");            // 自负 is self-paid, not negative
  ExpectAmount("（２０分）", 20, "分");              // a score in parentheses stays positive
  ExpectAmount("１１０（万元）", 1100000, "元");
}

// --- What the new readings do to the rest ---------------------------------

TEST(ValueForms, ColumnUnitScalesBothBounds) {
  NormalizeContext wan;
  wan.column_unit = "万元";
  Normalized n = Normalize("3-5", wan);
  ASSERT_TRUE(n.value.range.has_value());
  EXPECT_EQ(n.value.number, 30000);
  EXPECT_EQ(n.value.range->lower.value, 30000);
  EXPECT_EQ(n.value.range->upper.value, 50000);
  EXPECT_EQ(n.value.unit, std::optional<std::string>("元"));
}

TEST(ValueForms, PointsAreNeverARangeOrAChange) {
  EXPECT_FALSE(ParsePoints("90-95分").has_value());
  EXPECT_FALSE(ParsePoints("提高2分").has_value());
  EXPECT_EQ(ParsePoints("（２０分）"), 20);
}

}  // namespace
}  // namespace jixiao
