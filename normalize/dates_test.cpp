#include "normalize/dates.h"

#include <gtest/gtest.h>

namespace jixiao::norm {
namespace {

std::string Iso(TextView text) {
  auto date = ReadDate(text, 0);
  return date ? date->iso : "none";
}

TEST(ReadDate, SeparatedForms) {
  EXPECT_EQ(Iso(U"2023.6.21"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023. 6. 21"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023/6/21"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023-06-21"), "2023-06-21");
  EXPECT_EQ(Iso(U"2O23.6.21"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023.O6.2l"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023年O6月"), "2023-06");
}

TEST(ReadDate, YearAndMonthOnlyWhenNothingFollows) {
  EXPECT_EQ(Iso(U"2024.10"), "2024-10");
  EXPECT_EQ(Iso(U"2024.10前"), "2024-10");
  EXPECT_EQ(Iso(U"2024.10元"), "none");
  EXPECT_EQ(Iso(U"2024.13"), "none");
}

TEST(ReadDate, ChineseForms) {
  EXPECT_EQ(Iso(U"2023年6月21日"), "2023-06-21");
  EXPECT_EQ(Iso(U"2021 年 4月 15 日"), "2021-04-15");
  EXPECT_EQ(Iso(U"2023年06月21日"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023 年 6 月"), "2023-06");
  EXPECT_EQ(Iso(U"2022 年 3 月 日"), "2022-03");
  EXPECT_EQ(Iso(U"2023 年 12 月底"), "2023-12");
  EXPECT_EQ(Iso(U"2020年10月底前"), "2020-10-31");  // a deadline: the month's last day
  EXPECT_EQ(Iso(U"2024年2月末之前"), "2024-02-29");
  EXPECT_EQ(Iso(U"二〇二三年六月二十一日"), "2023-06-21");
  EXPECT_EQ(Iso(U"二〇二四年三月"), "2024-03");
}

TEST(ReadDate, OcrSpacedDigits) {
  EXPECT_EQ(Iso(U"2 0 2 3 年"), "2023");
  EXPECT_EQ(Iso(U"2 0 2 3 年 6 月 2 1 日"), "2023-06-21");
  EXPECT_EQ(Iso(U"2023 年 6 月 21 日"), "2023-06-21");
}

TEST(ReadDate, YearAlone) {
  auto date = ReadDate(U"2022 年度", 0);
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->iso, "2022");
  EXPECT_TRUE(date->year_only);
  EXPECT_EQ(date->end, 7u);
  EXPECT_EQ(Iso(U"2023年"), "2023");
  EXPECT_EQ(Iso(U"二〇二三年"), "2023");
  EXPECT_EQ(Iso(U"2023年底"), "2023");
}

TEST(ReadDate, NotDates) {
  EXPECT_EQ(Iso(U"3年"), "none");          // a duration
  EXPECT_EQ(Iso(U"2000"), "none");         // a bare number
  EXPECT_EQ(Iso(U"1800年"), "none");       // outside 1900-2099
  EXPECT_EQ(Iso(U"2023.2.30"), "none");    // no such day
  EXPECT_EQ(Iso(U"2024.2.29"), "2024-02-29");
  EXPECT_EQ(Iso(U"12345年"), "none");
}

}  // namespace
}  // namespace jixiao::norm
