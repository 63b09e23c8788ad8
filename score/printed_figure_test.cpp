#include "score/printed_figure.h"

#include <gtest/gtest.h>

#include "score/score_test_util.h"

namespace jixiao::score {
namespace {

using score_test::Count;
using score_test::Money;

TEST(FirstNumberInTest, ReadsDigitsSeparatorsAndDecimals) {
  int decimals = -1;
  EXPECT_DOUBLE_EQ(*FirstNumberIn("2,324,100.00", &decimals), 2324100);
  EXPECT_EQ(decimals, 2);
  EXPECT_DOUBLE_EQ(*FirstNumberIn("≥95%", &decimals), 95);
  EXPECT_EQ(decimals, 0);
  EXPECT_DOUBLE_EQ(*FirstNumberIn("３５８", &decimals), 358);  // full-width digits
  EXPECT_DOUBLE_EQ(*FirstNumberIn("３．５", &decimals), 3.5);
  EXPECT_EQ(decimals, 1);
  EXPECT_DOUBLE_EQ(*FirstNumberIn("-3.11", &decimals), -3.11);
  EXPECT_FALSE(FirstNumberIn("壹佰捌拾玖万元整").has_value());
  EXPECT_FALSE(FirstNumberIn("").has_value());
}

TEST(PrintedFormTest, ScaleFromRawAndValue) {
  std::optional<PrintedForm> f = PrintedFormOf(Money(4007700, "400.77"));
  ASSERT_TRUE(f.has_value());
  EXPECT_DOUBLE_EQ(f->scale, 10000);
  EXPECT_EQ(f->decimals, 2);
  EXPECT_EQ(f->unit_label, "万元");
  EXPECT_DOUBLE_EQ(*LastDigitUnit(Money(4007700, "400.77")), 100);
  EXPECT_DOUBLE_EQ(*LastDigitUnit(Money(3580000, "358")), 10000);
  EXPECT_DOUBLE_EQ(*LastDigitUnit(Money(15000, "15000")), 1);
  EXPECT_DOUBLE_EQ(*LastDigitUnit(Count(16000, "1.6万人", "人")), 1000);
  EXPECT_FALSE(LastDigitUnit(Money(1894233, "壹佰捌拾玖万肆仟贰佰叁拾叁元整")).has_value());
}

TEST(PrintedFormTest, WholeNumberBesideDecimalsIsExact) {
  Value planned = Money(60000, "6"), executed = Money(39800, "3.98"), remaining = Money(31100, "3.11");
  EXPECT_DOUBLE_EQ(CoarsestDigit({&planned, &executed, &remaining}), 100);
  Value total = Money(1670000, "167.0"), part = Money(134200, "13.42");
  EXPECT_DOUBLE_EQ(CoarsestDigit({&total, &part}), 1000);  // an explicit one-decimal total stays coarse
  EXPECT_DOUBLE_EQ(CoarsestDigit({}), 0);
}

TEST(LooksLikeAmountTest, OneFigureAndAtMostAMoneyUnit) {
  for (const char* ok : {"358", "2,324,100.00", "638.43万元", "１４,６５０,８５８．００元", "-3.11", "¥1,000", "0",
                         "0.5", " 400.77 ", ""})
    EXPECT_TRUE(LooksLikeAmount(ok)) << ok;
  for (const char* bad : {"标1（70", "（20分*执", "00", "012", "年度财政资金总额", "20分", "358万元整以上"})
    EXPECT_FALSE(LooksLikeAmount(bad)) << bad;
}

TEST(FormatTest, NumbersAndAmountsLikeTheDocument) {
  EXPECT_EQ(FormatNumber(19.95), "19.95");
  EXPECT_EQ(FormatNumber(20.0), "20");
  EXPECT_EQ(FormatNumber(-0.0001), "0");
  EXPECT_EQ(FormatNumber(8.125, 1), "8.1");
  EXPECT_EQ(FormatNumber(1e308), "1e+308");
  EXPECT_EQ(FormatLike(20200, Money(60000, "6")), "2.02万元");
  EXPECT_EQ(FormatLike(1476, Money(15000, "15000")), "1476元");
}

TEST(DigitsOneEditApartTest, OneDigitChangedAddedOrDropped) {
  EXPECT_TRUE(DigitsOneEditApart("4630.9万元", "1630.9"));   // changed
  EXPECT_TRUE(DigitsOneEditApart("739%", "73%"));            // added at the end
  EXPECT_TRUE(DigitsOneEditApart("16030.9", "1630.9"));      // added inside
  EXPECT_TRUE(DigitsOneEditApart("１６３０.９", "1630.8"));    // full-width digits count
  EXPECT_FALSE(DigitsOneEditApart("745.8", "475.8"));        // swapped: two changes
  EXPECT_FALSE(DigitsOneEditApart("18146", "15000"));
  EXPECT_FALSE(DigitsOneEditApart("358", "358万元"));          // the same digits
  EXPECT_FALSE(DigitsOneEditApart("拾肆万元整", "14万元"));      // no digits on one side
}

TEST(MaybeMisreadTest, OcrFiguresOneDigitApartIncludingChineseNumerals) {
  Value ocr_words = Money(140000, "拾肆万元整");
  ocr_words.confidence = 0.8;
  EXPECT_TRUE(MaybeMisread(ocr_words, Money(240000, "24万元")));
  EXPECT_TRUE(MaybeMisread(Money(240000, "24"), ocr_words));
  EXPECT_FALSE(MaybeMisread(ocr_words, Money(590000, "59万元")));  // two digits apart
  Value typed = Money(140000, "拾肆万元整");                          // a text layer: the document's own
  EXPECT_FALSE(MaybeMisread(typed, Money(240000, "24万元")));
  Value ocr_digits = Money(16309000, "1630.9");
  ocr_digits.confidence = 0.9;
  EXPECT_TRUE(MaybeMisread(ocr_digits, Money(46309000, "4630.9")));
}

}  // namespace
}  // namespace jixiao::score
