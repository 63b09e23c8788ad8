// OcrPage on a damaged table page (rotated, noisy, red seal over a cell),
// and the tessdata errors.
#include "extract/ocr_page.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "extract/image_test_images.h"

namespace jixiao {
namespace {

namespace fs = std::filesystem;

std::string WithoutSpaces(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\n') out += c;
  return out;
}

// The damaged page is OCRed once for all tests of the suite.
class DamagedPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!FindTessdata(ExtractOptions{}).ok()) return;
    OwnedPix table = test_images::LoadTable();
    if (!table) return;
    OwnedPix colour = test_images::ToColour(table.get());
    // Ring across the middle of "93.76", bitmap text over its digits.
    test_images::StampSeal(colour.get(), 1000, 300, 115, 925, 200);
    OwnedPix rotated = test_images::RotateBy(colour.get(), 2.0);
    test_images::AddNoise(rotated.get(), 20);
    result_ = new Result<OcrPageResult>(OcrPage(rotated.get(), 1, 200, ExtractOptions{}));
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  void SetUp() override {
    if (!FindTessdata(ExtractOptions{}).ok()) GTEST_SKIP() << "Tesseract chi_sim/eng not installed";
    ASSERT_NE(result_, nullptr) << "fixture missing: " << test_images::FixturePath();
    ASSERT_TRUE(result_->ok()) << result_->status().message();
  }
  static const OcrPageResult& Page() { return result_->value(); }
  static const Cell* CellWith(const std::string& text) {
    for (const Block& b : Page().blocks)
      if (b.kind == Block::Kind::kTable)
        for (const Cell& c : b.table.cells)
          if (WithoutSpaces(c.text) == text) return &c;
    return nullptr;
  }
  static Result<OcrPageResult>* result_;
};
Result<OcrPageResult>* DamagedPageTest::result_ = nullptr;

TEST_F(DamagedPageTest, FindsTheTable) {
  int tables = 0;
  for (const Block& b : Page().blocks) {
    EXPECT_EQ(b.page, 1);
    if (b.kind != Block::Kind::kTable) continue;
    ++tables;
    EXPECT_GE(b.table.rows, 4);
    EXPECT_GE(b.table.cols, 5);
  }
  EXPECT_EQ(tables, 1);
}

TEST_F(DamagedPageTest, ReadsTheCellUnderTheSeal) {
  const Cell* cell = CellWith("93.76");
  ASSERT_NE(cell, nullptr) << "the sealed cell was not read as 93.76";
  ASSERT_TRUE(cell->bbox.has_value());
  // Boxes are PDF points: the cell is near x = 1000 px * 72 / 200.
  EXPECT_NEAR((cell->bbox->x0 + cell->bbox->x1) / 2, 1000 * 72.0 / 200, 25);
}

TEST_F(DamagedPageTest, ReadsNumbersAndWords) {
  EXPECT_NE(CellWith("110"), nullptr);
  EXPECT_NE(CellWith("85%"), nullptr);
  EXPECT_NE(CellWith("3100份"), nullptr);
  EXPECT_NE(CellWith("整理归档业务档案"), nullptr);
  bool found = false;
  for (const Block& b : Page().blocks)
    for (const Cell& c : b.table.cells) found = found || WithoutSpaces(c.text).find("预算数") == 0;
  EXPECT_TRUE(found) << "预算数 not recognized";
}

TEST_F(DamagedPageTest, ConfidencesAreFractions) {
  EXPECT_GT(Page().confidence, 0.5);
  EXPECT_LE(Page().confidence, 1.0);
  for (const Block& b : Page().blocks) {
    EXPECT_GE(b.confidence, 0.0);
    EXPECT_LE(b.confidence, 1.0);
    for (const Cell& c : b.table.cells) {
      EXPECT_GE(c.confidence, 0.0);
      EXPECT_LE(c.confidence, 1.0);
    }
  }
}

class TessdataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("jixiao_tessdata_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(TessdataTest, MissingChineseNamesThePackage) {
  ExtractOptions options;
  options.tessdata_dir = dir_.string();
  Result<std::string> found = FindTessdata(options);
  ASSERT_FALSE(found.ok());
  EXPECT_NE(found.status().message().find("tesseract-ocr-chi-sim"), std::string::npos)
      << found.status().message();
  EXPECT_NE(found.status().message().find(dir_.string()), std::string::npos);
}

TEST_F(TessdataTest, MissingEnglishNamesThePackage) {
  std::ofstream(dir_ / "chi_sim.traineddata") << "x";
  ExtractOptions options;
  options.tessdata_dir = dir_.string();
  Result<std::string> found = FindTessdata(options);
  ASSERT_FALSE(found.ok());
  EXPECT_NE(found.status().message().find("tesseract-ocr-eng"), std::string::npos)
      << found.status().message();
}

TEST_F(TessdataTest, OcrPageReportsMissingData) {
  ExtractOptions options;
  options.tessdata_dir = dir_.string();
  OwnedPix page(pixCreate(300, 200, 8));
  pixSetAll(page.get());
  pixSetResolution(page.get(), 200, 200);
  // Some ink, so that recognition is attempted.
  for (int x = 50; x < 250; ++x) pixSetPixel(page.get(), x, 100, 0);
  for (int y = 60; y < 140; ++y) pixSetPixel(page.get(), 150, y, 0);
  Result<OcrPageResult> r = OcrPage(page.get(), 1, 200, options);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("tesseract-ocr-chi-sim"), std::string::npos) << r.status().message();
}

TEST_F(TessdataTest, EnvironmentVariableIsHonoured) {
  Result<std::string> installed = FindTessdata(ExtractOptions{});
  if (!installed.ok()) GTEST_SKIP() << "Tesseract language data not installed";
  const char* old = std::getenv("TESSDATA_PREFIX");
  const std::string saved = old != nullptr ? old : "";
  ::setenv("TESSDATA_PREFIX", installed.value().c_str(), 1);
  Result<std::string> found = FindTessdata(ExtractOptions{});
  if (old != nullptr) ::setenv("TESSDATA_PREFIX", saved.c_str(), 1); else ::unsetenv("TESSDATA_PREFIX");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found.value(), installed.value());
}

TEST(OcrPage, RejectsBadInput) {
  EXPECT_FALSE(OcrPage(nullptr, 1, 200, ExtractOptions{}).ok());
  OwnedPix page(pixCreate(100, 100, 8));
  EXPECT_FALSE(OcrPage(page.get(), 1, 0, ExtractOptions{}).ok());
  ExtractOptions small;
  small.max_page_pixels = 5000;
  Result<OcrPageResult> r = OcrPage(page.get(), 1, 200, small);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("too large"), std::string::npos);
}

TEST(OcrPage, BlankPageGivesNoBlocks) {
  if (!FindTessdata(ExtractOptions{}).ok()) GTEST_SKIP() << "Tesseract chi_sim/eng not installed";
  OwnedPix page(pixCreate(800, 1000, 8));
  pixSetAll(page.get());
  Result<OcrPageResult> r = OcrPage(page.get(), 3, 200, ExtractOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value().blocks.empty());
}

}  // namespace
}  // namespace jixiao
