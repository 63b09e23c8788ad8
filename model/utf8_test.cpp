#include "model/utf8.h"

#include <gtest/gtest.h>

namespace jixiao {
namespace {

TEST(Utf8Test, RoundTripsEveryLength) {
  const std::string text = "a¥预算执行率≥95%𠀀";
  const std::u32string decoded = DecodeUtf8Lossy(text);
  EXPECT_EQ(decoded, U"a¥预算执行率≥95%𠀀");
  EXPECT_EQ(EncodeUtf8(decoded), text);
}

TEST(Utf8Test, IllFormedBytesBecomeReplacementCharacters) {
  EXPECT_EQ(DecodeUtf8Lossy("a\xFF" "b"), U"a\uFFFDb");
  EXPECT_EQ(DecodeUtf8Lossy("\xE9\xA2"), U"\uFFFD");          // truncated at the end
  EXPECT_EQ(DecodeUtf8Lossy("\xC0\xAF").find(U'/'), std::u32string::npos);  // overlong '/'
  EXPECT_EQ(DecodeUtf8Lossy("\xED\xA0\x80").find(char32_t{0xD800}), std::u32string::npos);  // surrogate
  EXPECT_TRUE(DecodeUtf8Lossy("").empty());
}

TEST(Utf8Test, InvalidCodePointsAreWrittenAsReplacement) {
  std::string out;
  AppendUtf8(out, 0xD800);
  AppendUtf8(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");
}

}  // namespace
}  // namespace jixiao
