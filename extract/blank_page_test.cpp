#include "extract/blank_page.h"

#include <gtest/gtest.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "tests/pdf_syntax.h"

namespace jixiao {
namespace {

const std::string kPdfData = JIXIAO_SOURCE_DIR "/tests/data/pdf/";

// A one-page PDF with `content` as the page's content stream (none when
// empty).
std::string OnePagePdf(const std::string& content) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>",
                                      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"};
  if (content.empty()) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  } else {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>");
    objects.push_back(testing::PdfStream(content));
  }
  return testing::SerializePdf(objects);
}

// poppler::document::load_from_raw_data does not copy the bytes, so the
// page keeps them alive (on the heap, so moving the page does not move them)
// for as long as the document lives.
struct LoadedPage {
  std::unique_ptr<std::string> bytes;
  std::unique_ptr<poppler::document> doc;
  std::unique_ptr<poppler::page> page;
};

LoadedPage FromBytes(std::string bytes) {
  LoadedPage p;
  p.bytes = std::make_unique<std::string>(std::move(bytes));
  p.doc.reset(
      poppler::document::load_from_raw_data(p.bytes->data(), static_cast<int>(p.bytes->size())));
  if (p.doc && p.doc->pages() > 0) p.page.reset(p.doc->create_page(0));
  return p;
}

LoadedPage FromFile(const std::string& name) {
  LoadedPage p;
  p.doc.reset(poppler::document::load_from_file(kPdfData + name));
  if (p.doc && p.doc->pages() > 0) p.page.reset(p.doc->create_page(0));
  return p;
}

TEST(GreyImageIsBlankTest, WhitePaperIsBlankAndAFewSpecksAreTolerated) {
  const int w = 300, h = 400, stride = 304;  // 120000 pixels: 6 specks allowed
  std::vector<unsigned char> img(static_cast<size_t>(stride) * h, 255);
  EXPECT_TRUE(GreyImageIsBlank(img.data(), w, h, stride));
  for (int i = 0; i < 6; ++i) img[static_cast<size_t>(i) * 7 * stride + 10 * i] = 0;
  EXPECT_TRUE(GreyImageIsBlank(img.data(), w, h, stride));
  img[static_cast<size_t>(200) * stride + 150] = 200;
  EXPECT_FALSE(GreyImageIsBlank(img.data(), w, h, stride));
}

TEST(GreyImageIsBlankTest, FaintGreyIsInkAndPaddingIsIgnored) {
  const int w = 100, h = 100, stride = 128;
  std::vector<unsigned char> img(static_cast<size_t>(stride) * h, 255);
  // Dark bytes in the row padding beyond `width` are not part of the image.
  for (int y = 0; y < h; ++y) img[static_cast<size_t>(y) * stride + 120] = 0;
  EXPECT_TRUE(GreyImageIsBlank(img.data(), w, h, stride));
  // A light grey band (an anti-aliased hairline) is ink.
  for (int x = 0; x < w; ++x) img[50 * stride + x] = 239;
  EXPECT_FALSE(GreyImageIsBlank(img.data(), w, h, stride));
}

TEST(GreyImageIsBlankTest, NoImageIsNotBlank) {
  unsigned char px = 255;
  EXPECT_FALSE(GreyImageIsBlank(nullptr, 1, 1, 1));
  EXPECT_FALSE(GreyImageIsBlank(&px, 0, 1, 1));
  EXPECT_FALSE(GreyImageIsBlank(&px, 2, 1, 1));  // stride shorter than a row
}

TEST(PdfPageIsBlankTest, PageWithoutContentIsBlank) {
  LoadedPage p = FromBytes(OnePagePdf(""));
  ASSERT_TRUE(p.page);
  EXPECT_TRUE(PdfPageIsBlank(*p.page, 150'000'000));
}

TEST(PdfPageIsBlankTest, WhiteFillIsBlank) {
  LoadedPage p = FromBytes(OnePagePdf("1 g 0 0 595 842 re f"));
  ASSERT_TRUE(p.page);
  EXPECT_TRUE(PdfPageIsBlank(*p.page, 150'000'000));
}

TEST(PdfPageIsBlankTest, AHairlineOrASmallMarkIsNotBlank) {
  LoadedPage line = FromBytes(OnePagePdf("0 G 0.25 w 100 400 m 500 400 l S"));
  ASSERT_TRUE(line.page);
  EXPECT_FALSE(PdfPageIsBlank(*line.page, 150'000'000));
  LoadedPage mark = FromBytes(OnePagePdf("0 g 300 400 3 6 re f 310 400 3 6 re f 320 400 3 6 re f"));
  ASSERT_TRUE(mark.page);
  EXPECT_FALSE(PdfPageIsBlank(*mark.page, 150'000'000));
}

TEST(PdfPageIsBlankTest, PagesWithTextOrDrawingsAreNotBlank) {
  for (const char* name : {"blank.pdf", "pua.pdf", "landscape.pdf"}) {
    LoadedPage p = FromFile(name);
    ASSERT_TRUE(p.page) << name;
    EXPECT_FALSE(PdfPageIsBlank(*p.page, 150'000'000)) << name;
  }
}

TEST(PdfPageIsBlankTest, TinyPixelBudgetStillJudgesOrDeclines) {
  LoadedPage empty = FromBytes(OnePagePdf(""));
  ASSERT_TRUE(empty.page);
  EXPECT_TRUE(PdfPageIsBlank(*empty.page, 2000));   // about 4 dpi
  EXPECT_FALSE(PdfPageIsBlank(*empty.page, 100));   // under 2 dpi: not judged
  EXPECT_FALSE(PdfPageIsBlank(*empty.page, 0));
}

TEST(GreyInkPixelsTest, CountsThePixelsDarkerThanTheBoundInsideTheRows) {
  const int w = 10, h = 4, stride = 16;
  std::vector<unsigned char> img(static_cast<size_t>(stride) * h, 255);
  EXPECT_EQ(GreyInkPixels(img.data(), w, h, stride, 200), 0);
  img[0] = 0;
  img[stride + 3] = 199;        // just below the bound counts
  img[stride + 4] = 230;        // the grey of scanned paper does not
  img[2 * stride + 12] = 0;     // row padding does not
  img[3 * stride + 9] = 200;    // the bound itself does not
  EXPECT_EQ(GreyInkPixels(img.data(), w, h, stride, 200), 2);
  EXPECT_EQ(GreyInkPixels(img.data(), w, h, stride, 240), 4);  // the grey too
  EXPECT_EQ(GreyInkPixels(nullptr, w, h, stride, 200), 0);
}

TEST(PdfPageInkTest, TheGreyOfScannedPaperIsNoInk) {
  LoadedPage grey = FromBytes(OnePagePdf("0.85 g 0 0 595 842 re f"));
  LoadedPage text = FromBytes(OnePagePdf("0.85 g 0 0 595 842 re f 0 g 100 100 200 20 re f"));
  ASSERT_TRUE(grey.page && text.page);
  EXPECT_EQ(PdfPageInk(*grey.page, 150'000'000), 0);
  EXPECT_GT(PdfPageInk(*text.page, 150'000'000).value_or(0), 0);
}

TEST(PdfPageInkTest, MorePrintedAreaMeasuresMoreInk) {
  LoadedPage empty = FromBytes(OnePagePdf(""));
  LoadedPage small = FromBytes(OnePagePdf("0 g 100 100 50 50 re f"));
  LoadedPage large = FromBytes(OnePagePdf("0 g 100 100 200 200 re f"));
  ASSERT_TRUE(empty.page && small.page && large.page);
  EXPECT_EQ(PdfPageInk(*empty.page, 150'000'000), 0);
  const std::optional<long long> a = PdfPageInk(*small.page, 150'000'000);
  const std::optional<long long> b = PdfPageInk(*large.page, 150'000'000);
  ASSERT_TRUE(a && b);
  EXPECT_GT(*a, 0);
  EXPECT_GT(*b, 10 * *a);  // 16 times the area, give or take the edges
  EXPECT_FALSE(PdfPageInk(*large.page, 100).has_value());  // under 2 dpi: not measured
}

}  // namespace
}  // namespace jixiao
