// ExtractImageFile: formats, multi-page TIFF, size limits before decoding,
// corrupt files.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "extract/image_test_images.h"
#include "extract/ocr_page.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

class ImageInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao_image_input_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  static bool HaveTesseract() { return FindTessdata(ExtractOptions{}).ok(); }

  // The part of the fixture around the cells "93.76" and "85%" (no rules
  // through the text), at 200 dpi.
  static OwnedPix SmallCrop() {
    OwnedPix table = test_images::LoadTable();
    if (!table) return nullptr;
    BOX* box = boxCreate(880, 160, 380, 70);
    OwnedPix crop(pixClipRectangle(table.get(), box, nullptr));
    boxDestroy(&box);
    OwnedPix framed(pixAddBorder(crop.get(), 30, 255));
    pixSetResolution(framed.get(), 200, 200);
    return framed;
  }

  std::string Write(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  fs::path dir_;
};

std::string AllText(const LayoutDocument& doc) {
  std::string text;
  for (const Block& b : doc.blocks) {
    text += b.text;
    for (const Cell& c : b.table.cells) text += c.text;
  }
  std::string out;
  for (char c : text)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

// A PNG whose header claims `width` x `height` pixels; the data is junk.
std::string PngHeader(uint32_t width, uint32_t height) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  auto be32 = [&png](uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) png += static_cast<char>((v >> shift) & 0xff);
  };
  be32(13);
  const size_t crc_from = png.size();
  png += "IHDR";
  be32(width);
  be32(height);
  png += std::string("\x08\x00\x00\x00\x00", 5);  // 8 bit grey
  uint32_t crc = 0xffffffffu;
  for (size_t i = crc_from; i < png.size(); ++i) {
    crc ^= static_cast<unsigned char>(png[i]);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
  }
  be32(crc ^ 0xffffffffu);
  png += std::string(64, '\x42');
  return png;
}

TEST_F(ImageInputTest, PngPageIsRecognized) {
  if (!HaveTesseract()) GTEST_SKIP() << "Tesseract chi_sim/eng not installed";
  OwnedPix crop = SmallCrop();
  ASSERT_TRUE(crop) << test_images::FixturePath();
  const std::string path = (dir_ / "page.png").string();
  ASSERT_EQ(pixWrite(path.c_str(), crop.get(), IFF_PNG), 0);
  Result<LayoutDocument> doc = ExtractImageFile(path, ExtractOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc.value().pages.size(), 1u);
  const PageInfo& page = doc.value().pages[0];
  EXPECT_EQ(page.page, 1);
  EXPECT_EQ(page.method, "ocr");
  EXPECT_NEAR(page.width_pt, pixGetWidth(crop.get()) * 72.0 / 200, 0.01);
  EXPECT_NEAR(page.height_pt, pixGetHeight(crop.get()) * 72.0 / 200, 0.01);
  EXPECT_GT(page.confidence, 0.5);
  EXPECT_LE(page.confidence, 1.0);
  const std::string text = AllText(doc.value());
  EXPECT_NE(text.find("93.76"), std::string::npos) << text;
  EXPECT_NE(text.find("85%"), std::string::npos) << text;
  EXPECT_TRUE(doc.value().problems.empty());
}

TEST_F(ImageInputTest, JpegPageIsRecognized) {
  if (!HaveTesseract()) GTEST_SKIP() << "Tesseract chi_sim/eng not installed";
  OwnedPix crop = SmallCrop();
  ASSERT_TRUE(crop);
  const std::string path = (dir_ / "page.jpg").string();
  ASSERT_EQ(pixWriteJpeg(path.c_str(), crop.get(), 85, 0), 0);
  Result<LayoutDocument> doc = ExtractImageFile(path, ExtractOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc.value().pages.size(), 1u);
  EXPECT_NEAR(doc.value().pages[0].width_pt, pixGetWidth(crop.get()) * 72.0 / 200, 0.01);
  EXPECT_NE(AllText(doc.value()).find("93.76"), std::string::npos) << AllText(doc.value());
}

TEST_F(ImageInputTest, ScreenResolutionCountsAsUnknown) {
  if (!HaveTesseract()) GTEST_SKIP() << "Tesseract chi_sim/eng not installed";
  OwnedPix crop = SmallCrop();
  ASSERT_TRUE(crop);
  pixSetResolution(crop.get(), 72, 72);  // what tools write when they know nothing
  const std::string path = (dir_ / "page72.png").string();
  ASSERT_EQ(pixWrite(path.c_str(), crop.get(), IFF_PNG), 0);
  Result<LayoutDocument> doc = ExtractImageFile(path, ExtractOptions{});
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc.value().pages.size(), 1u);
  EXPECT_NEAR(doc.value().pages[0].width_pt, pixGetWidth(crop.get()) * 72.0 / 300, 0.01);
}

TEST_F(ImageInputTest, MultipageTiffChecksEachPageBeforeDecoding) {
  if (!HaveTesseract()) GTEST_SKIP() << "Tesseract chi_sim/eng not installed";
  OwnedPix crop = SmallCrop();
  ASSERT_TRUE(crop);
  OwnedPix big(pixCreate(3000, 3000, 8));
  pixSetAll(big.get());
  const std::string path = (dir_ / "pages.tif").string();
  ASSERT_EQ(pixWriteTiff(path.c_str(), crop.get(), IFF_TIFF_ZIP, "w"), 0);
  ASSERT_EQ(pixWriteTiff(path.c_str(), big.get(), IFF_TIFF_ZIP, "a"), 0);
  ASSERT_EQ(pixWriteTiff(path.c_str(), crop.get(), IFF_TIFF_ZIP, "a"), 0);
  ExtractOptions options;
  options.max_page_pixels = 1'000'000;  // the crop fits, the 9 Mpixel page does not
  Result<LayoutDocument> doc = ExtractImageFile(path, options);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  ASSERT_EQ(doc.value().pages.size(), 3u);
  EXPECT_EQ(doc.value().pages[1].page, 2);
  ASSERT_EQ(doc.value().problems.size(), 1u);
  EXPECT_EQ(doc.value().problems[0].page, 2);
  EXPECT_EQ(doc.value().problems[0].code, FlagCode::kUnreadable);
  EXPECT_NE(doc.value().problems[0].message.find("too large"), std::string::npos);
  int pages_with_blocks[4] = {0, 0, 0, 0};
  for (const Block& b : doc.value().blocks)
    if (b.page >= 1 && b.page <= 3) ++pages_with_blocks[b.page];
  EXPECT_GT(pages_with_blocks[1], 0);
  EXPECT_EQ(pages_with_blocks[2], 0);
  EXPECT_GT(pages_with_blocks[3], 0);
}

TEST_F(ImageInputTest, OversizeHeaderIsRejectedWithoutDecoding) {
  // 60000 x 60000 grey would need 3.6 GB; the header alone must stop it.
  const std::string path = Write("huge.png", PngHeader(60000, 60000));
  Result<LayoutDocument> doc = ExtractImageFile(path, ExtractOptions{});
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("too large"), std::string::npos) << doc.status().message();
}

TEST_F(ImageInputTest, LimitAppliesToRealImages) {
  OwnedPix crop = SmallCrop();
  ASSERT_TRUE(crop);
  const std::string path = (dir_ / "page.png").string();
  ASSERT_EQ(pixWrite(path.c_str(), crop.get(), IFF_PNG), 0);
  ExtractOptions options;
  options.max_page_pixels = 1000;
  Result<LayoutDocument> doc = ExtractImageFile(path, options);
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("too large"), std::string::npos);
}

TEST_F(ImageInputTest, CorruptPngIsAnError) {
  std::ifstream in(test_images::FixturePath(), std::ios::binary);
  const std::string fixture((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(fixture.size(), 3000u);
  // Truncated inside the image data.
  Result<LayoutDocument> truncated = ExtractImageFile(Write("cut.png", fixture.substr(0, 3000)), ExtractOptions{});
  EXPECT_FALSE(truncated.ok());
  // A valid header followed by junk instead of compressed data.
  Result<LayoutDocument> junk = ExtractImageFile(Write("junk.png", PngHeader(100, 100)), ExtractOptions{});
  ASSERT_FALSE(junk.ok());
  EXPECT_NE(junk.status().message().find("corrupt"), std::string::npos) << junk.status().message();
  // Only the signature.
  EXPECT_FALSE(ExtractImageFile(Write("sig.png", std::string("\x89PNG\r\n\x1a\n", 8)), ExtractOptions{}).ok());
  EXPECT_FALSE(ExtractImageFile((dir_ / "missing.png").string(), ExtractOptions{}).ok());
}

TEST_F(ImageInputTest, CorruptTiffIsAnError) {
  Result<LayoutDocument> doc =
      ExtractImageFile(Write("bad.tif", std::string("II*\0\x08\0\0\0\xff\xff", 10)), ExtractOptions{});
  EXPECT_FALSE(doc.ok());
}

}  // namespace
}  // namespace jixiao
