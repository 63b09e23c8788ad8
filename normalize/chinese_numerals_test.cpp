#include "normalize/chinese_numerals.h"

#include <gtest/gtest.h>

namespace jixiao::norm {
namespace {

double Read(TextView text) {
  auto token = ReadChineseNumber(text, 0);
  EXPECT_TRUE(token.has_value()) << EncodeUtf8(text);
  return token ? token->value : -1;
}

TEST(ChineseNumerals, StandardForms) {
  EXPECT_EQ(Read(U"一百二十三"), 123);
  EXPECT_EQ(Read(U"一千零五"), 1005);
  EXPECT_EQ(Read(U"一百零八"), 108);
  EXPECT_EQ(Read(U"十五"), 15);
  EXPECT_EQ(Read(U"十"), 10);
  EXPECT_EQ(Read(U"二十万"), 200000);
  EXPECT_EQ(Read(U"四亿"), 4e8);
  EXPECT_EQ(Read(U"一亿二千万"), 1.2e8);
  EXPECT_EQ(Read(U"零"), 0);
}

TEST(ChineseNumerals, TwoAndColloquialForms) {
  EXPECT_EQ(Read(U"两万"), 20000);
  EXPECT_EQ(Read(U"两百"), 200);
  EXPECT_EQ(Read(U"一万二"), 12000);
  EXPECT_EQ(Read(U"三千五"), 3500);
  EXPECT_EQ(Read(U"一百二"), 120);
}

TEST(ChineseNumerals, DecimalsWithDian) {
  EXPECT_DOUBLE_EQ(Read(U"三点五"), 3.5);
  EXPECT_DOUBLE_EQ(Read(U"九十五点五"), 95.5);
}

TEST(ChineseNumerals, DigitSequencesForYears) {
  auto year = ReadChineseNumber(U"二〇二三年", 0);
  ASSERT_TRUE(year.has_value());
  EXPECT_TRUE(year->digit_sequence);
  EXPECT_EQ(year->value, 2023);
  EXPECT_EQ(year->end, 4u);
  auto zero_year = ReadChineseNumber(U"二零二四", 0);
  ASSERT_TRUE(zero_year.has_value());
  EXPECT_EQ(zero_year->value, 2024);
}

TEST(ChineseNumerals, FinancialNumerals) {
  EXPECT_EQ(Read(U"壹拾贰万叁仟"), 123000);
  EXPECT_EQ(Read(U"贰仟零伍"), 2005);
  EXPECT_EQ(Read(U"玖仟捌佰柒拾陆万伍仟肆佰叁拾贰"), 98765432);
  EXPECT_EQ(Read(U"壹万零伍拾"), 10050);
  EXPECT_EQ(Read(U"叁拾萬"), 300000);
}

TEST(ChineseNumerals, StopsAtTheFirstNonNumeral) {
  auto token = ReadChineseNumber(U"十七项", 0);
  ASSERT_TRUE(token.has_value());
  EXPECT_EQ(token->end, 2u);
  EXPECT_EQ(token->value, 17);
}

TEST(ChineseNumerals, RefusesWhatIsNotANumeral) {
  EXPECT_FALSE(ReadChineseNumber(U"万村", 0).has_value());   // a place word cannot start
  EXPECT_FALSE(ReadChineseNumber(U"参保", 0).has_value());   // ICU gives 参 a value; we do not
  EXPECT_FALSE(ReadChineseNumber(U"什么", 0).has_value());
  EXPECT_FALSE(ReadChineseNumber(U"", 0).has_value());
}

TEST(ChineseNumerals, DigitAndPlaceLookups) {
  EXPECT_EQ(ChineseDigit(U'两'), 2);
  EXPECT_EQ(ChineseDigit(U'〇'), 0);
  EXPECT_EQ(ChineseDigit(U'玖'), 9);
  EXPECT_FALSE(ChineseDigit(U'十').has_value());
  EXPECT_EQ(ChinesePlace(U'佰'), 100);
  EXPECT_EQ(ChinesePlace(U'億'), 1e8);
  EXPECT_FALSE(ChinesePlace(U'五').has_value());
}

}  // namespace
}  // namespace jixiao::norm
