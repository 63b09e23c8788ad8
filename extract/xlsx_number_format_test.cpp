#include "extract/xlsx_number_format.h"

#include <gtest/gtest.h>

namespace jixiao::office {
namespace {

TEST(RenderNumberTest, GeneralShowsFifteenSignificantDigits) {
  EXPECT_EQ(RenderNumber(1174.79, "General"), "1174.79");
  EXPECT_EQ(RenderNumber(640.49999999999989, "General"), "640.5");
  EXPECT_EQ(RenderNumber(100, ""), "100");
  EXPECT_EQ(RenderNumber(-3, "General"), "-3");
  EXPECT_EQ(RenderNumber(0.9562, "@"), "0.9562");
}

TEST(RenderNumberTest, PercentKeepsThePrintedDecimals) {
  EXPECT_EQ(RenderNumber(0.9562, "0.00%"), "95.62%");
  EXPECT_EQ(RenderNumber(0.92, "0%"), "92%");
  EXPECT_EQ(RenderNumber(1, "0.0%"), "100.0%");
  EXPECT_EQ(RenderNumber(0.57284, "0.00%"), "57.28%");
  EXPECT_EQ(RenderNumber(0.9562, BuiltinFormatCode(10)), "95.62%");
  EXPECT_EQ(RenderNumber(0.9562, BuiltinFormatCode(9)), "96%");
}

TEST(RenderNumberTest, FixedDecimalsRoundHalfAwayFromZeroOnDecimalDigits) {
  EXPECT_EQ(RenderNumber(1.005, "0.00"), "1.01");
  EXPECT_EQ(RenderNumber(0.125, "0.00"), "0.13");
  EXPECT_EQ(RenderNumber(2.5, "0"), "3");
  EXPECT_EQ(RenderNumber(-2.5, "0"), "-3");
  EXPECT_EQ(RenderNumber(0.004, "0.00"), "0.00");
  EXPECT_EQ(RenderNumber(-0.001, "0.00"), "0.00");
  EXPECT_EQ(RenderNumber(9.999, "0.00"), "10.00");
  EXPECT_EQ(RenderNumber(0.5, "#.00"), ".50");
  EXPECT_EQ(RenderNumber(12.3, "0.##"), "12.3");
}

TEST(RenderNumberTest, ThousandsLiteralsAndSections) {
  EXPECT_EQ(RenderNumber(1234567.891, "#,##0.00"), "1,234,567.89");
  EXPECT_EQ(RenderNumber(1281, "0.00\"万元\""), "1281.00万元");
  EXPECT_EQ(RenderNumber(-5, "0.0;(0.0)"), "(5.0)");
  EXPECT_EQ(RenderNumber(-5, "[Red]0.0"), "-5.0");
  EXPECT_EQ(RenderNumber(0, "0;-0;\"-\""), "-");
  EXPECT_EQ(RenderNumber(1500000, "#,##0,"), "1,500");
  EXPECT_EQ(RenderNumber(12345, "0.00E+00"), "1.23E+04");
  EXPECT_EQ(RenderNumber(7, "_(* #,##0_)"), "7");
}

TEST(RenderNumberTest, DatesOnBothSystems) {
  EXPECT_EQ(RenderNumber(45054, "yyyy\"年\"m\"月\"d\"日\""), "2023年5月8日");
  EXPECT_EQ(RenderNumber(45054, BuiltinFormatCode(14)), "2023/5/8");
  EXPECT_EQ(RenderNumber(45054, "yyyy-mm-dd"), "2023-05-08");
  EXPECT_EQ(RenderNumber(45054.75, "yyyy/m/d h:mm"), "2023/5/8 18:00");
  EXPECT_EQ(RenderNumber(1, "yyyy-mm-dd"), "1900-01-01");
  EXPECT_EQ(RenderNumber(61, "yyyy-mm-dd"), "1900-03-01");
  EXPECT_EQ(RenderNumber(43592, "yyyy-mm-dd", /*date1904=*/true), "2023-05-08");
  EXPECT_EQ(RenderNumber(45054, BuiltinFormatCode(57)), "2023年5月");
}

}  // namespace
}  // namespace jixiao::office
