#include "normalize/fold.h"

#include <gtest/gtest.h>

#include <string>

namespace jixiao::norm {
namespace {

TEST(DecodeUtf8, AcceptsWellFormedText) {
  auto text = DecodeUtf8("≥95%（万元）");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, U"≥95%（万元）");
}

TEST(DecodeUtf8, RejectsIllFormedSequences) {
  EXPECT_FALSE(DecodeUtf8("95\xff%").has_value());            // stray byte
  EXPECT_FALSE(DecodeUtf8("\xc0\xaf").has_value());            // overlong '/'
  EXPECT_FALSE(DecodeUtf8("\xe0\x80\xb1").has_value());        // overlong '1'
  EXPECT_FALSE(DecodeUtf8("\xed\xa0\x80").has_value());        // encoded lone surrogate
  EXPECT_FALSE(DecodeUtf8("\xed\xbf\xbf").has_value());        // encoded low surrogate
  EXPECT_FALSE(DecodeUtf8("\xf4\x90\x80\x80").has_value());    // past U+10FFFF
  EXPECT_FALSE(DecodeUtf8("\xe4\xb8").has_value());            // truncated 万
}

TEST(DecodeUtf8, RejectsControlCharactersButNotWhitespace) {
  EXPECT_FALSE(DecodeUtf8(std::string("1\0" "00", 4)).has_value());
  EXPECT_FALSE(DecodeUtf8("1\x07").has_value());
  EXPECT_TRUE(DecodeUtf8("1\t2\r\n").has_value());
}

TEST(Fold, FullWidthFormsBecomeAscii) {
  EXPECT_EQ(Fold(U"１２３．５％"), U"123.5%");
  EXPECT_EQ(Fold(U"（万元）"), U"(万元)");
  EXPECT_EQ(Fold(U"１，２３４"), U"1,234");
  EXPECT_EQ(Fold(U"＜５"), U"<5");
}

TEST(Fold, ExtraFoldingsNfkcLeavesOut) {
  EXPECT_EQ(Fold(U"≧90"), U"≥90");
  EXPECT_EQ(Fold(U"≦90"), U"≤90");
  EXPECT_EQ(Fold(U"人・年"), U"人·年");
  EXPECT_EQ(Fold(U"−2.5"), U"-2.5");
  EXPECT_EQ(Fold(U"\u3000９８％\u3000"), U" 98% ");
  EXPECT_EQ(Fold(U"兩萬"), U"两萬");  // 萬 stays: it reads 1e4 all the same
}

TEST(Trim, DropsBlanksAtBothEnds) {
  EXPECT_EQ(Trim(U" \u3000 110 \t"), U"110");
  EXPECT_EQ(Trim(U"   "), U"");
}

}  // namespace
}  // namespace jixiao::norm
