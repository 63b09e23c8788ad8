#include "normalize/arabic_number.h"

#include <gtest/gtest.h>

#include <string>

namespace jixiao::norm {
namespace {

std::optional<NumberToken> Read(TextView text, NumberIssue* issue = nullptr) {
  NumberIssue local = NumberIssue::kNone;
  std::size_t resume = 0;
  auto token = ReadArabicNumber(text, 0, issue ? issue : &local, &resume);
  EXPECT_GT(resume, 0u);
  return token;
}

double Value(TextView text) {
  auto token = Read(text);
  EXPECT_TRUE(token.has_value()) << EncodeUtf8(text);
  return token ? token->value : -1;
}

TEST(ArabicNumber, PlainAndDecimal) {
  EXPECT_EQ(Value(U"110"), 110);
  EXPECT_DOUBLE_EQ(Value(U"24451.35元"), 24451.35);
  EXPECT_EQ(Value(U"0"), 0);
}

TEST(ArabicNumber, ThousandsSeparators) {
  EXPECT_EQ(Value(U"4,900,000.00"), 4900000);
  EXPECT_DOUBLE_EQ(Value(U"12,345.6"), 12345.6);
  EXPECT_EQ(Value(U"1 234 567"), 1234567);
  auto token = Read(U"185,313人");
  ASSERT_TRUE(token.has_value());
  EXPECT_TRUE(token->grouped);
  EXPECT_EQ(token->end, 7u);
}

TEST(ArabicNumber, SpacedDigitsFromOcr) {
  EXPECT_EQ(Value(U"9 5 %"), 95);
  EXPECT_EQ(Value(U"1 1 0 万元"), 110);
  EXPECT_DOUBLE_EQ(Value(U"9 5 .5 %"), 95.5);
  EXPECT_DOUBLE_EQ(Value(U"9 9 . 5 %"), 99.5);
  EXPECT_DOUBLE_EQ(Value(U"95 .5%"), 95.5);
}

TEST(ArabicNumber, OcrLettersInsideDigitRuns) {
  EXPECT_EQ(Value(U"1OO%"), 100);
  EXPECT_EQ(Value(U"1oo%"), 100);
  EXPECT_EQ(Value(U"l00"), 100);
  EXPECT_EQ(Value(U"|00%"), 100);
  EXPECT_DOUBLE_EQ(Value(U"l.6万人"), 1.6);
  EXPECT_EQ(Value(U"lO万元"), 10);
  EXPECT_DOUBLE_EQ(Value(U"O.5%"), 0.5);
  auto token = Read(U"1OO%");
  ASSERT_TRUE(token.has_value());
  EXPECT_TRUE(token->ocr_repaired);
}

TEST(ArabicNumber, LatinWordsAreNotDigits) {
  EXPECT_FALSE(CanStartArabicNumber(U"DIP支付", 1));  // I inside DIP
  EXPECT_FALSE(Read(U"IP").has_value());
  EXPECT_FALSE(Read(U"I类").has_value());              // a lone letter is not 1
  EXPECT_FALSE(CanStartArabicNumber(U"OK", 0));
}

TEST(ArabicNumber, MangledGroupingIsReported) {
  NumberIssue issue = NumberIssue::kNone;
  EXPECT_FALSE(Read(U"1,5%", &issue).has_value());
  EXPECT_EQ(issue, NumberIssue::kMangled);
}

TEST(ArabicNumber, TooManyDigitsIsRefused) {
  NumberIssue issue = NumberIssue::kNone;
  const Text digits(10000, U'7');
  EXPECT_FALSE(Read(digits, &issue).has_value());
  EXPECT_EQ(issue, NumberIssue::kTooLong);
}

TEST(ArabicNumber, DigitRunsForDates) {
  auto year = ReadDigitRun(U"2O23.6", 0, 4);
  ASSERT_TRUE(year.has_value());
  EXPECT_EQ(year->value, 2023);
  EXPECT_EQ(year->end, 4u);
  EXPECT_FALSE(ReadDigitRun(U"20231", 0, 4).has_value());
}

}  // namespace
}  // namespace jixiao::norm
