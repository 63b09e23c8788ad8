#include "extract/page_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/pdf_text_quality.h"
#include "extract/pdf_words.h"

namespace jixiao {
namespace {

Word W(const std::string& text, double x0, double y0, double x1, double y1, double conf = 1.0) {
  return Word{text, {x0, y0, x1, y1}, conf};
}

// A 3 x 3 grid, rows at 100/120/140/160, cols at 50/150/250/350; the top
// row is one cell over all columns, (1,0) spans two rows.
TableGrid SampleGrid() {
  TableGrid g;
  g.row_edges = {100, 120, 140, 160};
  g.col_edges = {50, 150, 250, 350};
  g.bbox = {50, 100, 350, 160};
  auto cell = [](int r, int c, int rs, int cs, BBox b) {
    GridCell gc;
    gc.row = r; gc.col = c; gc.row_span = rs; gc.col_span = cs; gc.bbox = b;
    return gc;
  };
  g.cells = {cell(0, 0, 1, 3, {50, 100, 350, 120}), cell(1, 0, 2, 1, {50, 120, 150, 160}),
             cell(1, 1, 1, 1, {150, 120, 250, 140}), cell(1, 2, 1, 1, {250, 120, 350, 140}),
             cell(2, 1, 1, 1, {150, 140, 250, 160}), cell(2, 2, 1, 1, {250, 140, 350, 160})};
  return g;
}

const Cell* CellAt(const Table& t, int r, int c) { return t.At(r, c); }

TEST(PageLayoutTest, WordsGoToTheCellHoldingTheirCentre) {
  std::vector<Word> words = {
      W("项目名称", 60, 105, 100, 115),   W("医保", 150, 105, 170, 115), W("经费", 170, 105, 190, 115),
      W("产出", 80, 128, 100, 138),        W("指标", 80, 142, 100, 152),  // two lines in (1,0)
      W("12.5", 160, 125, 180, 135),       W("万元", 180.5, 125, 200, 135),
      W("COVID", 260, 125, 290, 135, 0.8), W("test", 295, 125, 315, 135, 0.6),
      W("≥90%", 160, 145, 185, 155),
  };
  std::vector<Block> blocks = BuildPageBlocks(3, words, {SampleGrid()}, 595, 842);
  ASSERT_EQ(blocks.size(), 1u);
  const Block& b = blocks[0];
  ASSERT_EQ(b.kind, Block::Kind::kTable);
  EXPECT_EQ(b.page, 3);
  EXPECT_EQ(b.table.rows, 3);
  EXPECT_EQ(b.table.cols, 3);
  ASSERT_EQ(b.table.cells.size(), 6u);
  const Cell* top = CellAt(b.table, 0, 2);
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->col_span, 3);
  // Chinese words on one line join without a space, even across a gap
  // smaller than a character.
  EXPECT_EQ(top->text, "项目名称 医保经费");
  const Cell* merged = CellAt(b.table, 2, 0);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->row_span, 2);
  EXPECT_EQ(merged->text, "产出\n指标");
  EXPECT_EQ(CellAt(b.table, 1, 1)->text, "12.5万元");
  EXPECT_EQ(CellAt(b.table, 1, 2)->text, "COVID test");
  EXPECT_DOUBLE_EQ(CellAt(b.table, 1, 2)->confidence, 0.6);
  EXPECT_DOUBLE_EQ(b.confidence, 0.6);
  EXPECT_EQ(CellAt(b.table, 2, 1)->text, "≥90%");
  EXPECT_EQ(CellAt(b.table, 2, 2)->text, "");  // empty cells are kept
  ASSERT_TRUE(CellAt(b.table, 2, 2)->bbox.has_value());
  EXPECT_DOUBLE_EQ(CellAt(b.table, 2, 2)->bbox->x0, 250);
}

// Lines of body text, 10 pt characters, 16 pt apart, margins 50..550.
std::vector<Word> Lines(const std::vector<std::pair<std::string, std::pair<double, double>>>& lines,
                        double top) {
  std::vector<Word> out;
  double y = top;
  for (const auto& [text, xs] : lines) {
    out.push_back(W(text, xs.first, y, xs.second, y + 10));
    y += 16;
  }
  return out;
}

TEST(PageLayoutTest, ParagraphsSplitAtIndentsHeadingsAndTitles) {
  std::vector<Word> words = Lines(
      {
          {"项目支出绩效自评报告", {220, 380}},            // centred title
          {"一、基本情况", {50, 110}},                     // heading
          {"根据年初设定的绩效目标，项目绩效自评得分为", {70, 550}},  // indented first line
          {"95分。全年预算数为32万元，执行数为32万元，", {50, 550}},
          {"完成预算的100%。", {50, 200}},                 // short last line
          {"二、自评情况", {50, 110}},
          {"县医保局使用医疗救助工作经费的过程中严格按照", {70, 550}},
          {"规定执行。", {50, 100}},
      },
      100);
  std::vector<Block> blocks = BuildPageBlocks(1, words, {}, 600, 842);
  std::vector<std::string> texts;
  for (const Block& b : blocks) {
    EXPECT_EQ(b.kind, Block::Kind::kParagraph);
    texts.push_back(b.text);
  }
  ASSERT_EQ(texts.size(), 5u);
  EXPECT_EQ(texts[0], "项目支出绩效自评报告");
  EXPECT_EQ(texts[1], "一、基本情况");
  EXPECT_EQ(texts[2], "根据年初设定的绩效目标，项目绩效自评得分为95分。全年预算数为32万元，执行数为32万元，完成预算的100%。");
  EXPECT_EQ(texts[3], "二、自评情况");
  EXPECT_EQ(texts[4], "县医保局使用医疗救助工作经费的过程中严格按照规定执行。");
  ASSERT_TRUE(blocks[2].bbox.has_value());
  EXPECT_DOUBLE_EQ(blocks[2].bbox->x0, 50);
  EXPECT_DOUBLE_EQ(blocks[2].bbox->y1, 174);  // lines 3-5: y 132..174
}

TEST(PageLayoutTest, WrappedLatinGetsASpaceAndWideGapsSeparateFields) {
  std::vector<Word> words = {
      W("Total", 50, 100, 100, 110), W("budget", 104, 100, 170, 110), W("was", 174, 100, 230, 110),
      W("approved", 50, 116, 110, 126), W("today.", 114, 116, 150, 126),
      W("填报人：潘建国", 50, 200, 120, 210), W("联系电话：5201410", 150, 200, 230, 210),
  };
  std::vector<Block> blocks = BuildPageBlocks(1, words, {}, 600, 842);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text, "Total budget was approved today.");
  EXPECT_EQ(blocks[1].text, "填报人：潘建国 联系电话：5201410");
}

TEST(PageLayoutTest, AlignedColumnsWithoutRulesBecomeATable) {
  std::vector<Word> words;
  const char* names[] = {"指标", "培训人数", "覆盖率", "满意度"};
  const char* targets[] = {"目标值", "≥100人", "≥95%", "≥90%"};
  const char* actuals[] = {"完成值", "120人", "97%", "93%"};
  for (int r = 0; r < 4; ++r) {
    const double y = 300 + r * 18;
    words.push_back(W(names[r], 60, y, 60 + 10.0 * (r == 1 ? 4 : (r == 0 ? 2 : 3)), y + 10));
    words.push_back(W(targets[r], 200, y, 240, y + 10));
    words.push_back(W(actuals[r], 330, y, 360, y + 10));
  }
  words.push_back(W("以上为主要指标。", 60, 400, 140, 410));
  std::vector<Block> blocks = BuildPageBlocks(1, words, {}, 600, 842);
  ASSERT_EQ(blocks.size(), 2u);
  ASSERT_EQ(blocks[0].kind, Block::Kind::kTable);
  const Table& t = blocks[0].table;
  EXPECT_EQ(t.rows, 4);
  EXPECT_EQ(t.cols, 3);
  EXPECT_FALSE(t.linear);
  ASSERT_NE(t.At(1, 1), nullptr);
  EXPECT_EQ(t.At(1, 1)->text, "≥100人");
  EXPECT_EQ(t.At(3, 2)->text, "93%");
  EXPECT_EQ(blocks[1].kind, Block::Kind::kParagraph);
}

TEST(PageLayoutTest, BlocksComeTopToBottomWithTablesInPlace) {
  std::vector<Word> words = {W("表前说明。", 50, 60, 100, 70), W("表后说明。", 50, 200, 100, 210),
                             W("项目名称", 60, 105, 100, 115)};
  std::vector<Block> blocks = BuildPageBlocks(1, words, {SampleGrid()}, 600, 842);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].text, "表前说明。");
  EXPECT_EQ(blocks[1].kind, Block::Kind::kTable);
  EXPECT_EQ(blocks[2].text, "表后说明。");
}

// --- joining tables over pages ---------------------------------------------

Cell C(int r, int c, const std::string& text, double x0, double x1, int rs = 1, int cs = 1) {
  Cell cell;
  cell.row = r;
  cell.col = c;
  cell.row_span = rs;
  cell.col_span = cs;
  cell.text = text;
  cell.bbox = BBox{x0, 100.0 + 20 * r, x1, 120.0 + 20 * (r + rs - 1)};
  return cell;
}

Block TableBlock(int page, int rows, int cols, std::vector<Cell> cells) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.page = page;
  b.table.rows = rows;
  b.table.cols = cols;
  b.table.cells = std::move(cells);
  double x0 = 1e9, x1 = -1e9;
  for (const Cell& c : b.table.cells) {
    x0 = std::min(x0, c.bbox->x0);
    x1 = std::max(x1, c.bbox->x1);
  }
  b.bbox = BBox{x0, 100, x1, 100.0 + 20 * rows};
  return b;
}

Block Para(int page, const std::string& text) {
  Block b;
  b.page = page;
  b.text = text;
  b.bbox = BBox{50, 50, 300, 60};
  return b;
}

TEST(JoinTablesTest, ContinuationIsAppendedWithHeaderDroppedAndRowspanMerged) {
  // Page 1: header, then 产出指标 spanning the last two rows.
  Block first = TableBlock(1, 3, 3,
                           {C(0, 0, "一级指标", 50, 150), C(0, 1, "三级指标", 150, 250), C(0, 2, "分值", 250, 350),
                            C(1, 0, "产出指标", 50, 150, 2), C(1, 1, "指标1", 150, 250), C(1, 2, "10", 250, 350),
                            C(2, 1, "指标2", 150, 250), C(2, 2, "10", 250, 350)});
  // Page 2: the header again, the cut rowspan cell (empty), then 总分.
  Block next = TableBlock(2, 4, 3,
                          {C(0, 0, "一级指标", 50, 150), C(0, 1, "三级指标", 150, 250), C(0, 2, "分值", 250, 350),
                           C(1, 0, "", 50, 150, 2), C(1, 1, "指标3", 150, 250), C(1, 2, "5", 250, 350),
                           C(2, 1, "指标4", 150, 250), C(2, 2, "5", 250, 350),
                           C(3, 0, "总分", 50, 250, 1, 2), C(3, 2, "30", 250, 350)});
  std::vector<Block> blocks = {Para(1, "表一"), first, next, Para(2, "填报人：张三")};
  JoinContinuedTables(blocks);
  ASSERT_EQ(blocks.size(), 3u);
  const Table& t = blocks[1].table;
  EXPECT_EQ(blocks[1].page, 1);
  EXPECT_EQ(t.rows, 6);
  EXPECT_EQ(t.cols, 3);
  int headers = 0;
  for (const Cell& c : t.cells) headers += c.text == "一级指标" ? 1 : 0;
  EXPECT_EQ(headers, 1);
  const Cell* group = t.At(4, 0);
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->text, "产出指标");
  EXPECT_EQ(group->row, 1);
  EXPECT_EQ(group->row_span, 4);
  EXPECT_EQ(group->page, 0);
  ASSERT_NE(t.At(3, 1), nullptr);
  EXPECT_EQ(t.At(3, 1)->text, "指标3");
  EXPECT_EQ(t.At(3, 1)->page, 2);
  ASSERT_NE(t.At(5, 0), nullptr);
  EXPECT_EQ(t.At(5, 0)->text, "总分");
  EXPECT_EQ(t.At(5, 0)->col_span, 2);
  EXPECT_EQ(blocks[2].text, "填报人：张三");
}

TEST(JoinTablesTest, ColumnsAreMappedOntoTheUnionOfEdges) {
  // The first part has a budget row with a column edge (x=200) that the
  // indicator rows, and so the continuation, lack.
  Block first = TableBlock(1, 2, 3,
                           {C(0, 0, "项目名称", 50, 150), C(0, 1, "某项目", 150, 200), C(0, 2, "备注", 200, 350),
                            C(1, 0, "一级指标", 50, 150), C(1, 1, "三级指标", 150, 250), C(1, 2, "分值", 250, 350)});
  Block next = TableBlock(2, 1, 3, {C(0, 0, "", 50, 150), C(0, 1, "指标1", 150, 250), C(0, 2, "10", 250, 350)});
  std::vector<Block> blocks = {first, next};
  JoinContinuedTables(blocks);
  ASSERT_EQ(blocks.size(), 1u);
  const Table& t = blocks[0].table;
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 4);
  ASSERT_NE(t.At(2, 1), nullptr);
  EXPECT_EQ(t.At(2, 1)->text, "指标1");
  EXPECT_EQ(t.At(2, 1)->col_span, 2);
  EXPECT_EQ(t.At(2, 3)->text, "10");
  EXPECT_EQ(t.At(1, 2)->text, "三级指标");
  EXPECT_EQ(t.At(0, 2)->text, "备注");
  EXPECT_EQ(t.At(0, 2)->col_span, 2);
  EXPECT_EQ(t.At(0, 1)->text, "某项目");
}

TEST(JoinTablesTest, ANewFormOnTheNextPageIsNotJoined) {
  Block first = TableBlock(1, 2, 2, {C(0, 0, "项目名称", 50, 150), C(0, 1, "甲", 150, 350),
                                     C(1, 0, "总分", 50, 150), C(1, 1, "90", 150, 350)});
  Block second = TableBlock(2, 1, 3, {C(0, 0, "项目名称", 60, 120), C(0, 1, "乙", 120, 300),
                                      C(0, 2, "x", 300, 500)});
  std::vector<Block> blocks = {first, second};
  JoinContinuedTables(blocks);
  EXPECT_EQ(blocks.size(), 2u);
  // Tables on the same page, or with text between, are never joined.
  Block a = TableBlock(1, 1, 2, {C(0, 0, "指标", 50, 150), C(0, 1, "1", 150, 350)});
  Block b = TableBlock(1, 1, 2, {C(0, 0, "指标", 50, 150), C(0, 1, "2", 150, 350)});
  std::vector<Block> same_page = {a, b};
  JoinContinuedTables(same_page);
  EXPECT_EQ(same_page.size(), 2u);
  Block c = TableBlock(2, 1, 2, {C(0, 0, "指标", 50, 150), C(0, 1, "3", 150, 350)});
  std::vector<Block> with_text = {a, Para(2, "二、说明"), c};
  JoinContinuedTables(with_text);
  EXPECT_EQ(with_text.size(), 3u);
}

TEST(JoinTablesTest, PageNumbersBetweenThePartsAreIgnored) {
  Block a = TableBlock(1, 1, 2, {C(0, 0, "指标1", 50, 150), C(0, 1, "1", 150, 350)});
  Block b = TableBlock(2, 1, 2, {C(0, 0, "指标2", 50, 150), C(0, 1, "2", 150, 350)});
  std::vector<Block> blocks = {a, Para(1, "- 1 -"), Para(2, "第2页"), b};
  JoinContinuedTables(blocks);
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[0].table.rows, 2);
}

// --- turning sideways pages ---------------------------------------------------

TEST(PageTurnTest, BoxesGoUprightAndBack) {
  const BBox shown{100, 200, 130, 260};
  for (int rotation = 0; rotation < 4; ++rotation) {
    const PageTurn turn(rotation, 842, 595);
    EXPECT_DOUBLE_EQ(turn.width(), rotation % 2 ? 595 : 842);
    const BBox up = turn.ToUpright(shown);
    EXPECT_LE(up.x0, up.x1);
    EXPECT_LE(up.y0, up.y1);
    EXPECT_GE(up.x0, 0);
    EXPECT_LE(up.x1, turn.width());
    EXPECT_LE(up.y1, turn.height());
    const BBox back = turn.ToDisplayed(up);
    EXPECT_DOUBLE_EQ(back.x0, shown.x0) << rotation;
    EXPECT_DOUBLE_EQ(back.y0, shown.y0) << rotation;
    EXPECT_DOUBLE_EQ(back.x1, shown.x1) << rotation;
    EXPECT_DOUBLE_EQ(back.y1, shown.y1) << rotation;
  }
  // Text running down the page (rotation 1) has its start at the top:
  // upright, that start is at the left.
  const PageTurn down(1, 842, 595);
  const BBox first = down.ToUpright({700, 50, 712, 60}), later = down.ToUpright({700, 300, 712, 310});
  EXPECT_LT(first.x0, later.x0);
}

TEST(PageTurnTest, DominantRotationNeedsMostOfTheText) {
  std::vector<LayerWord> words(3);
  words[0].word.text = "项目名称";
  words[0].rotation = 1;
  words[1].word.text = "医保电子凭证推广应用经费";
  words[1].rotation = 1;
  words[2].word.text = "页";
  words[2].rotation = 0;
  EXPECT_EQ(DominantRotation(words), 1);
  words[2].word.text = "根据年初设定的绩效目标项目绩效自评得分";
  EXPECT_EQ(DominantRotation(words), 0);
}

// --- text layer quality -----------------------------------------------------

std::vector<Word> Split(const std::string& text) {
  std::vector<Word> out;
  std::string cur;
  double x = 0;
  for (char ch : text + " ") {
    if (ch == ' ') {
      if (!cur.empty()) out.push_back(W(cur, x, 0, x + 10, 10));
      cur.clear();
      x += 12;
    } else {
      cur += ch;
    }
  }
  return out;
}

TEST(TextLayerTest, ChineseTextIsUsable) {
  TextLayerVerdict v = JudgeTextLayer(Split("根据年初设定的绩效目标，项目绩效自评得分为95分。 全年预算数为32万元"));
  EXPECT_TRUE(v.usable) << v.reason;
  EXPECT_GT(v.quality, 0.95);
}

TEST(TextLayerTest, EmptyPrivateUseAndTinyLayersNeedOcr) {
  EXPECT_FALSE(JudgeTextLayer({}).usable);
  EXPECT_FALSE(JudgeTextLayer(Split("\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83\xEE\x80\x84 \xEF\xBF\xBD\xEF\xBF\xBD 12")).usable);
  EXPECT_FALSE(JudgeTextLayer(Split("3 scan0001.tif")).usable);
  // Control characters from fonts without a ToUnicode map.
  EXPECT_FALSE(JudgeTextLayer(Split(std::string("\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13", 16) +
                                    " ab"))
                   .usable);
}

TEST(TextLayerTest, PoorInvisibleOcrLayerNeedsOcr) {
  // Rare characters outside GB2312 (a poor recognition of 项目绩效自评).
  EXPECT_FALSE(JudgeTextLayer(Split("䶮䶯䶰 䶱䶲䶳䶴 䶵䶶䶷䶸 䶹䶺䶻 䶼䶽䶾䶿 㐀㐁㐂 㐃㐄㐅㐆 㐇㐈㐉 项目")).usable);
  // Stray one-character symbols everywhere.
  std::string junk;
  for (int i = 0; i < 30; ++i) junk += "| 绩效 ~ ' ";
  EXPECT_FALSE(JudgeTextLayer(Split(junk)).usable);
}

}  // namespace
}  // namespace jixiao
