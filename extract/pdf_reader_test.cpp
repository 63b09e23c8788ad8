#include "extract/pdf_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace jixiao {
namespace {

std::string Data(const std::string& name) { return std::string(JIXIAO_SOURCE_DIR) + "/tests/data/pdf/" + name; }

ExtractOptions NoOcr() {
  ExtractOptions o;
  o.ocr = OcrMode::kNever;
  return o;
}

LayoutDocument Read(const std::string& name, const ExtractOptions& options = NoOcr()) {
  Result<LayoutDocument> r = ExtractPdf(Data(name), options);
  EXPECT_TRUE(r.ok()) << name << ": " << r.status().message();
  return r.ok() ? r.value() : LayoutDocument{};
}

std::vector<const Block*> Tables(const LayoutDocument& doc) {
  std::vector<const Block*> out;
  for (const Block& b : doc.blocks)
    if (b.kind == Block::Kind::kTable) out.push_back(&b);
  return out;
}

const Cell* Find(const Table& t, const std::string& text) {
  for (const Cell& c : t.cells)
    if (c.text == text) return &c;
  return nullptr;
}

TEST(PdfReaderTest, BorderedTableWithMergedCells) {
  LayoutDocument doc = Read("merged.pdf");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].method, "text");
  EXPECT_DOUBLE_EQ(doc.pages[0].confidence, 1.0);
  EXPECT_NEAR(doc.pages[0].width_pt, 595, 1);
  EXPECT_NEAR(doc.pages[0].height_pt, 842, 1);
  EXPECT_TRUE(doc.problems.empty());

  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 9);
  EXPECT_EQ(t.cols, 7);
  const Cell* name = Find(t, "项目名称");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->col_span, 2);
  const Cell* value = t.At(0, 2);
  ASSERT_NE(value, nullptr);
  EXPECT_EQ(value->text, "医保电子凭证推广应用经费");
  EXPECT_EQ(value->col_span, 5);
  const Cell* funds = t.At(3, 0);  // rowspan=3 from row 2
  ASSERT_NE(funds, nullptr);
  EXPECT_EQ(funds->row, 2);
  EXPECT_EQ(funds->row_span, 3);
  EXPECT_NE(funds->text.find("项目资金"), std::string::npos);
  const Cell* total = t.At(8, 4);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->text, "总分");
  EXPECT_EQ(total->col_span, 5);
  EXPECT_EQ(t.At(8, 6)->text, "95");
  EXPECT_EQ(t.At(6, 3)->text, "≥20次");
  EXPECT_EQ(t.At(7, 0)->text, "产出指标");  // rowspan=2 from row 6

  // Paragraphs before and after the table, in reading order.
  ASSERT_GE(doc.blocks.size(), 4u);
  EXPECT_EQ(doc.blocks.front().kind, Block::Kind::kParagraph);
  EXPECT_NE(doc.blocks.front().text.find("自评得分为95分。全年预算数为32万元"), std::string::npos);
  EXPECT_EQ(doc.blocks[1].text, "项目支出绩效自评表");
  EXPECT_EQ(doc.blocks.back().text, "填报人：潘建国 联系电话：5201410 填报日期：2023年1月21日");
  // Boxes in points from the top-left: the title is in the upper part.
  ASSERT_TRUE(doc.blocks[1].bbox.has_value());
  EXPECT_GT(doc.blocks[1].bbox->y0, 90);
  EXPECT_LT(doc.blocks[1].bbox->y1, 160);
  EXPECT_NEAR((doc.blocks[1].bbox->x0 + doc.blocks[1].bbox->x1) / 2, 297, 3);
}

TEST(PdfReaderTest, RedSealOverTheTableChangesNothing) {
  LayoutDocument plain = Read("merged.pdf");
  LayoutDocument sealed = Read("seal.pdf");
  auto a = Tables(plain), b = Tables(sealed);
  ASSERT_EQ(a.size(), 1u);
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0]->table.rows, a[0]->table.rows);
  EXPECT_EQ(b[0]->table.cols, a[0]->table.cols);
  ASSERT_EQ(b[0]->table.cells.size(), a[0]->table.cells.size());
  for (size_t i = 0; i < a[0]->table.cells.size(); ++i) {
    const Cell& x = a[0]->table.cells[i];
    const Cell& y = b[0]->table.cells[i];
    EXPECT_EQ(x.row, y.row);
    EXPECT_EQ(x.col, y.col);
    EXPECT_EQ(x.row_span, y.row_span);
    EXPECT_EQ(x.col_span, y.col_span);
    EXPECT_EQ(x.text, y.text);
  }
}

TEST(PdfReaderTest, TableOverThreePagesIsJoined) {
  LayoutDocument doc = Read("longtable.pdf");
  EXPECT_EQ(doc.pages.size(), 3u);
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(tables[0]->page, 1);
  // Header, 48 indicator rows, 总分: the header repeated on pages 2 and 3 is
  // dropped.
  EXPECT_EQ(t.rows, 50);
  EXPECT_EQ(t.cols, 6);
  int headers = 0;
  for (const Cell& c : t.cells) headers += c.text == "一级指标" ? 1 : 0;
  EXPECT_EQ(headers, 1);
  for (int i = 1; i <= 48; ++i) {
    const Cell* c = t.At(i, 1);
    ASSERT_NE(c, nullptr) << i;
    EXPECT_EQ(c->text, "指标" + std::to_string(i));
  }
  // 效益指标 spans rows 9..48 over the page break onto page 3.
  const Cell* group = Find(t, "效益指标");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->row, 9);
  EXPECT_EQ(group->row_span, 40);
  const Cell* total = t.At(49, 0);
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->text, "总分");
  EXPECT_EQ(total->page, 3);
  EXPECT_EQ(t.At(20, 1)->page, 2);
  EXPECT_EQ(t.At(3, 1)->page, 0);
}

TEST(PdfReaderTest, LandscapePage) {
  LayoutDocument doc = Read("landscape.pdf");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_NEAR(doc.pages[0].width_pt, 842, 1);
  EXPECT_NEAR(doc.pages[0].height_pt, 595, 1);
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->table.rows, 3);
  EXPECT_EQ(tables[0]->table.cols, 7);
  EXPECT_GT(tables[0]->bbox->x1, 780);
  EXPECT_LT(tables[0]->bbox->y1, 200);
  EXPECT_EQ(tables[0]->table.At(2, 3)->text, "2022年12月31日前");
  EXPECT_EQ(tables[0]->table.At(2, 0)->text, "产出指标");
}

TEST(PdfReaderTest, RotatedPageGivesUprightTopLeftBoxes) {
  // The same page drawn sideways and shown upright by /Rotate 90.
  LayoutDocument upright = Read("merged.pdf");
  LayoutDocument rotated = Read("rotated.pdf");
  ASSERT_EQ(rotated.pages.size(), 1u);
  EXPECT_NEAR(rotated.pages[0].width_pt, 595, 1);
  EXPECT_NEAR(rotated.pages[0].height_pt, 842, 1);
  ASSERT_EQ(rotated.blocks.size(), upright.blocks.size());
  for (size_t i = 0; i < upright.blocks.size(); ++i) {
    const Block& a = upright.blocks[i];
    const Block& b = rotated.blocks[i];
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.text, b.text);
    ASSERT_TRUE(a.bbox && b.bbox);
    EXPECT_NEAR(a.bbox->x0, b.bbox->x0, 1.5);
    EXPECT_NEAR(a.bbox->y0, b.bbox->y0, 1.5);
    EXPECT_NEAR(a.bbox->x1, b.bbox->x1, 1.5);
    EXPECT_NEAR(a.bbox->y1, b.bbox->y1, 1.5);
    EXPECT_EQ(a.table.rows, b.table.rows);
    EXPECT_EQ(a.table.cols, b.table.cols);
    EXPECT_EQ(a.table.cells.size(), b.table.cells.size());
  }
}

TEST(PdfReaderTest, TableWithoutBordersIsReadFromAlignment) {
  LayoutDocument doc = Read("borderless.pdf");
  ASSERT_EQ(doc.blocks.size(), 3u);
  EXPECT_EQ(doc.blocks[0].text, "二、绩效指标完成情况");
  ASSERT_EQ(doc.blocks[1].kind, Block::Kind::kTable);
  const Table& t = doc.blocks[1].table;
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.cols, 4);
  EXPECT_EQ(t.At(2, 0)->text, "医保电子凭证激活率");
  EXPECT_EQ(t.At(2, 2)->text, "60%以上");
  EXPECT_EQ(t.At(3, 3)->text, "5");
  EXPECT_EQ(doc.blocks[2].text, "以上指标均已完成。");
}

TEST(PdfReaderTest, HairlineRulesDrawnAsFilledRectangles) {
  LayoutDocument doc = Read("thin_rules.pdf");
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(t.At(1, 0)->text, "Training sessions");
  EXPECT_EQ(t.At(2, 2)->text, "97%");
  ASSERT_TRUE(t.At(3, 2)->bbox.has_value());
  EXPECT_NEAR(t.At(3, 2)->bbox->x1, 540, 1.5);
  EXPECT_NEAR(t.At(3, 2)->bbox->y1, 200, 1.5);
}

TEST(PdfReaderTest, SidewaysContentIsReadUprightWithDisplayedBoxes) {
  // merged.pdf turned clockwise into a landscape page, without /Rotate:
  // the text runs top to bottom as displayed.
  LayoutDocument upright = Read("merged.pdf");
  LayoutDocument sideways = Read("sideways.pdf");
  ASSERT_EQ(sideways.pages.size(), 1u);
  const double w = sideways.pages[0].width_pt;
  EXPECT_NEAR(w, 842, 1);
  EXPECT_NEAR(sideways.pages[0].height_pt, 595, 1);
  ASSERT_EQ(sideways.blocks.size(), upright.blocks.size());
  for (size_t i = 0; i < upright.blocks.size(); ++i) {
    const Block& a = upright.blocks[i];
    const Block& b = sideways.blocks[i];
    EXPECT_EQ(a.kind, b.kind);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.table.rows, b.table.rows);
    EXPECT_EQ(a.table.cols, b.table.cols);
    ASSERT_EQ(a.table.cells.size(), b.table.cells.size());
    for (size_t k = 0; k < a.table.cells.size(); ++k) EXPECT_EQ(a.table.cells[k].text, b.table.cells[k].text);
    // The upright box (x0, y0, x1, y1) is shown at x = w - y, y = x.
    ASSERT_TRUE(a.bbox && b.bbox);
    EXPECT_NEAR(b.bbox->x0, w - a.bbox->y1, 1.5);
    EXPECT_NEAR(b.bbox->x1, w - a.bbox->y0, 1.5);
    EXPECT_NEAR(b.bbox->y0, a.bbox->x0, 1.5);
    EXPECT_NEAR(b.bbox->y1, a.bbox->x1, 1.5);
  }
}

void ExpectOneLineError(const std::string& name, const std::string& needle) {
  Result<LayoutDocument> r = ExtractPdf(Data(name), NoOcr());
  ASSERT_FALSE(r.ok()) << name;
  const std::string& m = r.status().message();
  EXPECT_FALSE(m.empty());
  EXPECT_EQ(m.find('\n'), std::string::npos) << m;
  EXPECT_NE(m.find(needle), std::string::npos) << m;
}

TEST(PdfReaderTest, BrokenFilesFailWithAClearMessage) {
  ExpectOneLineError("encrypted_user.pdf", "encrypted");
  ExpectOneLineError("truncated.pdf", "damaged or truncated");
  ExpectOneLineError("not_a_pdf.pdf", "not a PDF");
  ExpectOneLineError("empty.pdf", "empty");
  ExpectOneLineError("no_such_file.pdf", "cannot open");
}

TEST(PdfReaderTest, OwnerPasswordOnlyStillReads) {
  LayoutDocument doc = Read("encrypted_owner.pdf");
  ASSERT_EQ(Tables(doc).size(), 1u);
}

TEST(PdfReaderTest, UnusableTextLayerWithoutOcrIsReported) {
  for (const char* name : {"pua.pdf", "blank.pdf"}) {
    LayoutDocument doc = Read(name);
    ASSERT_EQ(doc.pages.size(), 1u) << name;
    EXPECT_EQ(doc.pages[0].method, "text");
    EXPECT_DOUBLE_EQ(doc.pages[0].confidence, 0);
    EXPECT_TRUE(doc.blocks.empty()) << name;
    ASSERT_EQ(doc.problems.size(), 1u) << name;
    EXPECT_EQ(doc.problems[0].code, FlagCode::kUnreadable);
    EXPECT_EQ(doc.problems[0].page, 1);
  }
}

TEST(PdfReaderTest, UnusableTextLayerGoesToOcrWhenAllowed) {
  ExtractOptions o;
  o.ocr = OcrMode::kAuto;
  o.max_page_pixels = 10;  // refused before rendering: no OCR engine needed
  LayoutDocument doc = Read("pua.pdf", o);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_TRUE(doc.blocks.empty());
  ASSERT_FALSE(doc.problems.empty());
  EXPECT_NE(doc.problems[0].message.find("too large"), std::string::npos) << doc.problems[0].message;
}

TEST(PdfReaderTest, PixelLimitSkipsRulesButKeepsText) {
  ExtractOptions o = NoOcr();
  o.max_page_pixels = 1000;
  LayoutDocument doc = Read("merged.pdf", o);
  ASSERT_FALSE(doc.problems.empty());
  EXPECT_EQ(doc.problems[0].page, 1);
  EXPECT_FALSE(doc.blocks.empty());
  EXPECT_EQ(doc.pages[0].method, "text");
}

TEST(PdfReaderTest, PageTimeoutIsAProblemNotAFailure) {
  ExtractOptions o = NoOcr();
  o.page_timeout_seconds = 1e-9;
  Result<LayoutDocument> r = ExtractPdf(Data("longtable.pdf"), o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().pages.size(), 3u);
  ASSERT_FALSE(r.value().problems.empty());
  EXPECT_NE(r.value().problems[0].message.find("timed out"), std::string::npos);
}

}  // namespace
}  // namespace jixiao
