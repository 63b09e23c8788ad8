// Every block and cell of a text input knows the line and column it starts
// at, whatever markup carried it.

#include "extract/text_source.h"

#include <gtest/gtest.h>

#include "extract/text_input.h"

namespace jixiao {
namespace {

const Cell* FindCell(const LayoutDocument& doc, const std::string& text) {
  for (const Block& b : doc.blocks)
    for (const Cell& c : b.table.cells)
      if (c.text == text) return &c;
  return nullptr;
}

const Block* FindParagraph(const LayoutDocument& doc, const std::string& text) {
  for (const Block& b : doc.blocks)
    if (b.kind == Block::Kind::kParagraph && b.text == text) return &b;
  return nullptr;
}

TEST(TextSourceTest, LocatesLinesAndCharacterColumns) {
  const std::string text = "ab\n项目x\r\n\nz";
  text::SourceMap map(text);
  EXPECT_EQ(map.Locate(text.data()).line, 1);
  const text::SourcePosition x = map.Locate(text.data() + text.find('x'));
  EXPECT_EQ(x.line, 2);
  EXPECT_EQ(x.column, 3);  // two ideographs before it, counted as characters
  EXPECT_EQ(map.Locate(text.data() + text.find('z')).line, 4);
  EXPECT_EQ(map.Locate(text.data() + 1).column, 2);  // going back along a line
  const std::string other = "elsewhere";
  EXPECT_EQ(map.Locate(other.data()).line, 0);
  EXPECT_EQ(map.LocateStart(std::string_view(text).substr(3, 6)).column, 1);
}

TEST(TextSourceTest, BlocksAndCellsOfEveryMarkupCarryTheirPosition) {
  const std::string text =
      "项目支出绩效自评表\n"                                   // 1: title paragraph
      "\n"                                                     // 2
      "项目名称\t城乡居民医保\n"                               // 3: tab table
      "预算数\t640\t执行数\t638.43\n"                          // 4
      "\n"                                                     // 5
      "| 指标 | 目标值 |\n"                                     // 6: pipe table
      "| --- | --- |\n"                                        // 7
      "| 参保人数 | ≥95% |\n"                                  // 8
      "\n"                                                     // 9
      "<table><tr><td>总分</td>\n<td>94</td></tr></table>\n";  // 10-11: HTML table, a cell at its <td>
  Result<LayoutDocument> doc = ExtractText(text);
  ASSERT_TRUE(doc.ok()) << doc.status().message();
  const Block* title = FindParagraph(doc.value(), "项目支出绩效自评表");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->line, 1);
  EXPECT_EQ(title->column, 1);
  struct Expected {
    const char* text;
    int line, column;
  };
  for (const Expected& e : {Expected{"城乡居民医保", 3, 6}, Expected{"638.43", 4, 13}, Expected{"参保人数", 8, 3},
                            Expected{"≥95%", 8, 10}, Expected{"总分", 10, 12}, Expected{"94", 11, 1}}) {
    const Cell* cell = FindCell(doc.value(), e.text);
    ASSERT_NE(cell, nullptr) << e.text;
    EXPECT_EQ(cell->line, e.line) << e.text;
    EXPECT_EQ(cell->column, e.column) << e.text;
  }
  for (const Block& b : doc.value().blocks) EXPECT_GT(b.line, 0) << b.text;
}

}  // namespace
}  // namespace jixiao
