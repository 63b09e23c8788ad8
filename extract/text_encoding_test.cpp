#include "extract/text_encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>

#include "extract/extract.h"

namespace jixiao {
namespace {

const char* kReport =
    "项目支出绩效自评表\n（2022 年度）\n项目名称\t城乡居民医疗保险地方配套资金\n"
    "全年预算数\t1281\t执行率\t92%\n指标1：城乡居民参保率\t≥95%\t95%以上\n"
    "总分\t100\t99\n填报日期：2023年5月8日\n";

// `utf8` in `encoding`, through ICU.
std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding;
  out.resize(static_cast<size_t>(n));
  return out;
}

TEST(TextEncodingTest, Utf8StaysUtf8WithOrWithoutBom) {
  Result<DecodedText> plain = DecodeText(kReport, "");
  ASSERT_TRUE(plain.ok());
  EXPECT_EQ(plain.value().utf8, kReport);
  EXPECT_EQ(plain.value().encoding, "UTF-8");
  Result<DecodedText> bom = DecodeText(std::string("\xef\xbb\xbf") + kReport, "");
  ASSERT_TRUE(bom.ok());
  EXPECT_EQ(bom.value().utf8, kReport);
}

TEST(TextEncodingTest, Utf16WithAndWithoutBom) {
  for (const char* order : {"UTF-16LE", "UTF-16BE"}) {
    const std::string bytes = Encode(kReport, order);
    const std::string bom = std::string(order) == "UTF-16LE" ? "\xff\xfe" : "\xfe\xff";
    for (const std::string& input : {bytes, bom + bytes}) {
      Result<DecodedText> d = DecodeText(input, "");
      ASSERT_TRUE(d.ok()) << order << ": " << d.status().message();
      EXPECT_EQ(d.value().utf8, kReport);
      EXPECT_EQ(d.value().encoding, order);
      EXPECT_EQ(SniffInputKind(input), InputKind::kText) << order;
    }
  }
}

TEST(TextEncodingTest, GbkGb18030AndBig5AreDetected) {
  Result<DecodedText> gb = DecodeText(Encode(kReport, "GB18030"), "");
  ASSERT_TRUE(gb.ok()) << gb.status().message();
  EXPECT_EQ(gb.value().utf8, kReport);
  EXPECT_EQ(gb.value().encoding, "GB18030");
  Result<DecodedText> gbk = DecodeText(Encode(kReport, "GBK"), "");
  ASSERT_TRUE(gbk.ok());
  EXPECT_EQ(gbk.value().utf8, kReport);
  const std::string traditional =
      "項目支出績效自評表\n項目名稱\t醫療救助資金\n全年預算數\t36.5\t執行率\t95%\n總分\t100\t96.7\n"
      "填報單位：醫療保障局，本年度項目資金已經全部撥付到位，績效目標基本完成。\n";
  Result<DecodedText> big5 = DecodeText(Encode(traditional, "Big5"), "");
  ASSERT_TRUE(big5.ok()) << big5.status().message();
  EXPECT_EQ(big5.value().utf8, traditional);
  EXPECT_EQ(big5.value().encoding, "Big5");
}

TEST(TextEncodingTest, ForcedEncodingWinsAndIsStrict) {
  const std::string gbk = Encode(kReport, "GBK");
  Result<DecodedText> forced = DecodeText(gbk, "GBK");
  ASSERT_TRUE(forced.ok());
  EXPECT_EQ(forced.value().utf8, kReport);
  EXPECT_FALSE(DecodeText(gbk, "no-such-charset").ok());
  EXPECT_FALSE(DecodeText(std::string("\xff\xff\xff", 3), "UTF-8").ok());
}

TEST(TextEncodingTest, BinaryAndOtherFormatsAreNotTakenForUtf16) {
  EXPECT_EQ(SniffInputKind(std::string("%PDF-1.7\n\0\0\x01\x02", 14)), InputKind::kPdf);
  EXPECT_EQ(SniffInputKind(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16)), InputKind::kImage);
  EXPECT_EQ(SniffInputKind(std::string("\xff\xd8\xff\xe0\0\x10JFIF\0", 11)), InputKind::kImage);
  EXPECT_EQ(SniffInputKind(std::string("II*\0\x08\0\0\0", 8)), InputKind::kImage);
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
  EXPECT_EQ(SniffInputKind(binary), InputKind::kBinary);
  // NULs at one parity, but control characters: not text.
  std::string controls;
  for (int i = 0; i < 64; ++i) controls += std::string{static_cast<char>(i % 8 + 1), '\0'};
  EXPECT_EQ(SniffInputKind(controls), InputKind::kBinary);
  EXPECT_FALSE(DecodeText(controls, "").ok());
}

TEST(TextEncodingTest, ExtractRecordsTheEncoding) {
  const auto path = std::filesystem::temp_directory_path() / ("jixiao-enc-" + std::to_string(::getpid()) + ".txt");
  std::ofstream(path, std::ios::binary) << Encode(kReport, "UTF-16LE");
  Result<LayoutDocument> utf16 = Extract(path.string(), ExtractOptions{});
  ASSERT_TRUE(utf16.ok()) << utf16.status().message();
  EXPECT_EQ(utf16.value().encoding, "UTF-16LE");
  std::ofstream(path, std::ios::binary) << kReport;
  Result<LayoutDocument> utf8 = Extract(path.string(), ExtractOptions{});
  ASSERT_TRUE(utf8.ok());
  ASSERT_EQ(utf8.value().blocks.size(), utf16.value().blocks.size());
  for (size_t i = 0; i < utf8.value().blocks.size(); ++i)
    EXPECT_EQ(utf8.value().blocks[i].text, utf16.value().blocks[i].text);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace jixiao
