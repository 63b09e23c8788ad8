#include "extract/text_input.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jixiao {
namespace {

LayoutDocument MustExtract(std::string_view text) {
  Result<LayoutDocument> result = ExtractText(text);
  EXPECT_TRUE(result.ok()) << result.status().message();
  return result.ok() ? result.value() : LayoutDocument{};
}

std::vector<const Block*> Tables(const LayoutDocument& doc) {
  std::vector<const Block*> out;
  for (const Block& b : doc.blocks)
    if (b.kind == Block::Kind::kTable) out.push_back(&b);
  return out;
}

std::vector<std::string> Paragraphs(const LayoutDocument& doc) {
  std::vector<std::string> out;
  for (const Block& b : doc.blocks)
    if (b.kind == Block::Kind::kParagraph) out.push_back(b.text);
  return out;
}

std::string TextAt(const Table& t, int row, int col) {
  const Cell* c = t.At(row, col);
  return c ? c->text : std::string("<none>");
}

TEST(TextInputTest, TabTableKeepsPositionsAndRecoversLabelRowspans) {
  const LayoutDocument doc = MustExtract(
      "2022 年度城乡居民医保项目自评表\n\n"
      "填报日期: 2023. 6. 21\n\n"
      "项目名称\t\t城乡居民基本医疗保险\t\t\n"
      "主管部门\t\t区医疗保障局\t项目实施单位\t\t区医疗保障局\n"
      "年度绩效目标 1 (70分)\t一级指标\t二级指标\t三级指标\t年初目标值 (A)\t得分\n"
      "\t产出指标\t数量指标\t预计参保人数\t16000\t15\n"
      "\t\t时效指标\t资金及时拨付率\t100%\t10\n"
      "\n"
      "总分\t94\n"
      "\n"
      "备注：\n");
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0], "2022 年度城乡居民医保项目自评表");
  EXPECT_EQ(paragraphs[1], "填报日期: 2023. 6. 21");
  EXPECT_EQ(paragraphs[2], "备注：");

  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);  // the blank line before 总分 does not split it
  const Table& t = tables[0]->table;
  EXPECT_FALSE(t.linear);
  EXPECT_EQ(t.rows, 6);
  EXPECT_EQ(t.cols, 6);
  EXPECT_EQ(TextAt(t, 0, 2), "城乡居民基本医疗保险");
  EXPECT_EQ(t.At(0, 1), nullptr);  // empty field keeps its place
  EXPECT_EQ(TextAt(t, 1, 3), "项目实施单位");
  EXPECT_EQ(TextAt(t, 1, 5), "区医疗保障局");
  // 年度绩效目标 covers its indicator rows; 产出指标 covers 时效指标's row.
  EXPECT_EQ(TextAt(t, 4, 0), "年度绩效目标 1 (70分)");
  EXPECT_EQ(TextAt(t, 4, 1), "产出指标");
  EXPECT_EQ(TextAt(t, 4, 4), "100%");
  EXPECT_EQ(TextAt(t, 5, 0), "总分");
  EXPECT_EQ(TextAt(t, 5, 1), "94");
  for (const Cell& c : t.cells) EXPECT_FALSE(c.text.empty());
}

TEST(TextInputTest, TitleRowWithStrayTabsIsAParagraph) {
  const LayoutDocument doc = MustExtract(
      "项目支出绩效自评表\t\t\t\n"
      "(2021 年度)\t\t\t\n"
      "项目名称\t\t行政运行经费\t\n"
      "总分\t\t100\t100\n");
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0], "项目支出绩效自评表");
  EXPECT_EQ(paragraphs[1], "(2021 年度)");
  ASSERT_EQ(Tables(doc).size(), 1u);
  EXPECT_EQ(Tables(doc)[0]->table.rows, 2);
  EXPECT_EQ(TextAt(Tables(doc)[0]->table, 0, 0), "项目名称");
}

TEST(TextInputTest, HtmlFragmentsInCells) {
  const LayoutDocument doc = MustExtract(
      "项目类别\t\t1、部门预算项目 <input checked=\"\" type=\"checkbox\"/> 2、市直专项 "
      "<input type=\"checkbox\"/>\n"
      "偏差原因\t<p>第一段&amp;说明</p><p>第二段&#65;&nbsp;B</p>\n"
      "改进措施\t持续<br>提高 &lt;5%\n"
      "\n"
      "定量指标计分原则：正向指标（即目标值为 $\\geq X$ ，得分=权重 $\\times B/A$ ），"
      "满意度 $\\geq 90\\%$ ，反向 $\\leq X$。<b>a<c</b>\n");
  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(TextAt(t, 0, 2), "1、部门预算项目 ☑ 2、市直专项 □");
  EXPECT_EQ(TextAt(t, 1, 1), "第一段&说明\n第二段A B");
  EXPECT_EQ(TextAt(t, 2, 1), "持续\n提高 <5%");
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0],
            "定量指标计分原则：正向指标（即目标值为 ≥X ，得分=权重 ×B/A ），满意度 ≥90% ，"
            "反向 ≤X。a<c");
}

TEST(TextInputTest, HtmlTableWithSpans) {
  const LayoutDocument doc = MustExtract(
      "自评表\n"
      "<table border=\"1\"><tr><td rowspan=\"2\">预算执行情况</td><td>预算数</td>"
      "<td>执行数</td></tr>\n"
      "<tr><td>110</td><td>93.76</td></tr>\n"
      "<TR><TD COLSPAN=3>总分 <p>97</p></TD></TR></table>\n"
      "填报人：张三\n");
  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(TextAt(t, 1, 0), "预算执行情况");
  EXPECT_EQ(TextAt(t, 1, 1), "110");
  EXPECT_EQ(TextAt(t, 1, 2), "93.76");
  EXPECT_EQ(TextAt(t, 2, 2), "总分\n97");
  ASSERT_EQ(t.cells.size(), 6u);
  EXPECT_EQ(t.cells[0].row_span, 2);
  EXPECT_EQ(t.cells[5].col_span, 3);
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0], "自评表");
  EXPECT_EQ(paragraphs[1], "填报人：张三");
}

TEST(TextInputTest, MarkdownPipeTableAndHeadings) {
  const LayoutDocument doc = MustExtract(
      "# 一、项目概况\n\n"
      "本项目**预算** 110 万元。\n\n"
      "| 指标 | 目标值 | 实际值 |\n"
      "| --- | :---: | --- |\n"
      "| 参保人数 | 16000 | 14368 |\n"
      "| 满意度 |  | ≥95% |\n");
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0], "一、项目概况");
  EXPECT_EQ(paragraphs[1], "本项目预算 110 万元。");
  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_EQ(t.rows, 3);
  EXPECT_EQ(t.cols, 3);
  EXPECT_EQ(TextAt(t, 1, 2), "14368");
  EXPECT_EQ(t.At(2, 1), nullptr);
  EXPECT_EQ(TextAt(t, 2, 2), "≥95%");
}

TEST(TextInputTest, PlainTextPagesAndLineEndings) {
  const LayoutDocument plain = MustExtract("\xEF\xBB\xBF标题\r\n\r\n正文一行。\r第二段。\n");
  EXPECT_EQ(Paragraphs(plain), (std::vector<std::string>{"标题", "正文一行。", "第二段。"}));
  ASSERT_EQ(plain.pages.size(), 1u);
  EXPECT_EQ(plain.pages[0].page, 1);
  EXPECT_EQ(plain.pages[0].method, "plain");
  for (const Block& b : plain.blocks) EXPECT_EQ(b.page, 0);

  const LayoutDocument paged = MustExtract("第一页\f第二页\n\f第三页\f");
  ASSERT_EQ(paged.pages.size(), 3u);
  ASSERT_EQ(paged.blocks.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(paged.pages[i].page, i + 1);
    EXPECT_EQ(paged.blocks[i].page, i + 1);
  }
}

TEST(TextInputTest, TableOverAPageBreakIsOneBlock) {
  const LayoutDocument linear = MustExtract(
      "项目支出绩效自评表\n项目名称\nX经费\n主管部门\n医保局\n预算数\n执行数\n32\n32\n100%\n"
      "一级指标\n产出指标\n数量指标\n≥20次\n20次\n\f\n总分\n95\n填报人：张三\n");
  const auto linear_tables = Tables(linear);
  ASSERT_EQ(linear_tables.size(), 1u);
  const Table& t = linear_tables[0]->table;
  EXPECT_TRUE(t.linear);
  EXPECT_EQ(linear_tables[0]->page, 1);
  ASSERT_EQ(t.rows, 16);
  EXPECT_EQ(t.cells[14].text, "总分");
  EXPECT_EQ(t.cells[15].row, 15);
  EXPECT_EQ(Paragraphs(linear).back(), "填报人：张三");

  const LayoutDocument grid = MustExtract("a\tb\n1\t2\n\f3\t4\n\f标题\n5\t6\n");
  const auto grid_tables = Tables(grid);
  ASSERT_EQ(grid_tables.size(), 2u);  // the title starts a new table
  EXPECT_EQ(grid_tables[0]->table.rows, 3);
  EXPECT_EQ(TextAt(grid_tables[0]->table, 2, 1), "4");
  EXPECT_EQ(grid_tables[1]->page, 3);
}

TEST(TextInputTest, WrappedParagraphsJoin) {
  const LayoutDocument doc = MustExtract(
      "一、自评结论\n\n"
      "2020 年度曾都区打击欺诈骗保奖励及工作经费预算\n\n"
      "数为 27 万元，执行数为 27 万元，执行率 100%。\n\n"
      "（一）自评得分\n\n"
      "根据省医疗保障局要求，为强化部门支出责任意识，提\n\n"
      "高财政资金使用效益。我单位对 2020 年度打击欺诈骗保奖\n\n"
      "励及工作经费实施绩效评价，自评报告如下：\n\n"
      "1、执行率情况\n");
  EXPECT_EQ(Paragraphs(doc),
            (std::vector<std::string>{
                "一、自评结论",
                "2020 年度曾都区打击欺诈骗保奖励及工作经费预算数为 27 万元，执行数为 27 万元，执行率 "
                "100%。",
                "（一）自评得分",
                "根据省医疗保障局要求，为强化部门支出责任意识，提高财政资金使用效益。我单位对 2020 "
                "年度打击欺诈骗保奖励及工作经费实施绩效评价，自评报告如下：",
                "1、执行率情况"}));
}

TEST(TextInputTest, PdftotextFormBecomesALinearTable) {
  const LayoutDocument doc = MustExtract(
      "“医保电子凭证推广应用经费”项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为95\n"
      "分。全年预算数为32万元，执行数为32万元，完成预算的100%。项目绩效目标完成情况：一是医疗保障信\n"
      "息化建设、医保信息系统运维、医保电子凭证推广及网络安全保障；二是推进智能监管审核子系统在定点医\n"
      "疗机构中的全面应用，医保信息系统整体运行良好，未发生重大安全事件。全年组织业务培训12期，每期培\n"
      "训经费4500元，培训经费共计54000元。\n"
      "\n"
      "项目支出绩效自评表\n"
      "项目名称\n"
      "主管部门\n"
      "\n"
      "（2022年度）\n"
      "\n"
      "医保电子凭证推广应用经费\n"
      "安远县医疗保障局\n"
      "全年预算数 全年执行数 分值 执行率\n"
      "年初预算数\n"
      "（A）\n"
      "（B/A） 得分\n"
      "项目 年度资金总额：\n"
      "32\n"
      "32\n"
      "10 100%\n"
      "一级指标 二级指标\n"
      "开展政策宣传活动\n"
      "≥20次\n"
      "20次\n"
      "25 25\n"
      "总分\n"
      "100 95\n"
      "\n"
      "填报人：潘建国\n"
      "\n"
      "联系电话：5201410\n");
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 5u);
  EXPECT_EQ(paragraphs[0].substr(0, 15), "“医保电子");
  EXPECT_NE(paragraphs[0].find("得分为95 分。全年预算数为32万元"), std::string::npos);
  EXPECT_NE(paragraphs[0].find("医疗保障信息化建设"), std::string::npos);
  EXPECT_NE(paragraphs[0].find("每期培训经费4500元"), std::string::npos);
  EXPECT_EQ(paragraphs[1], "项目支出绩效自评表");
  EXPECT_EQ(paragraphs[2], "（2022年度）");
  EXPECT_EQ(paragraphs[3], "填报人：潘建国");
  EXPECT_EQ(paragraphs[4], "联系电话：5201410");

  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  EXPECT_TRUE(t.linear);
  EXPECT_EQ(t.cols, 1);
  // The blank lines around the lifted year line leave one empty row.
  ASSERT_EQ(t.rows, 20);
  ASSERT_EQ(t.cells.size(), 19u);
  EXPECT_EQ(t.cells[0].text, "项目名称");
  EXPECT_EQ(t.cells[2].text, "医保电子凭证推广应用经费");
  EXPECT_EQ(t.cells[17].text, "总分");
  EXPECT_EQ(t.cells[18].text, "100 95");
  for (int i = 0; i < 19; ++i) {
    EXPECT_EQ(t.cells[i].row, i < 2 ? i : i + 1);
    EXPECT_EQ(t.cells[i].col, 0);
  }
}

TEST(TextInputTest, ARowLabelEndingInAColonIsACellOfTheForm) {
  // 年度资金总额： has its figures in later cells: the table reaches back
  // over it to 项目名称, and stops at the field lines above the form.
  const LayoutDocument doc = MustExtract(
      "2019年度项目支出绩效自评表\n填报单位(盖章):\n\n填报时间:\n\n项目名称\n\n医疗救助工作经费\n\n"
      "主管部门\n\n项目资金\n（万元）\n\n某县医疗保障局\n\n年度资金总额：\n其中：财政拨款\n其他资金\n\n"
      "项目\n年度\n目标\n一级指标\n\n产出指标\n（50分）\n\n效益指标\n（30分）\n\n满意度指标\n（10分）\n\n"
      "实施单位\n年初预算\n数(A)\n\n某县社会保险基金管理中心\n\n全年执行数(B)\n\n分值\n(10分)\n\n"
      "执行率(B/A)\n\n得分\n\n24\n\n24\n\n10\n\n100%\n\n10\n\n7.2\n\n7.2\n\n16.8\n\n16.8\n\n"
      "总分\n\n100 100\n");
  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_FALSE(tables[0]->table.cells.empty());
  EXPECT_EQ(tables[0]->table.cells[0].text, "项目名称");
  bool row_label_in_table = false;
  for (const Cell& c : tables[0]->table.cells) row_label_in_table |= c.text == "年度资金总额：";
  EXPECT_TRUE(row_label_in_table);
  for (const std::string& p : Paragraphs(doc)) {
    EXPECT_NE(p, "年度资金总额：");
    EXPECT_NE(p, "主管部门");
  }
}

TEST(TextInputTest, BlankLinesBetweenLinearCellsLeaveOneEmptyRow) {
  const LayoutDocument doc = MustExtract(
      "项目支出绩效自评表\n\n项目名称\n\n医保经费\n\n主管部门\n\n医保局\n\n预算数\n\n执行数\n\n32\n\n32\n\n"
      "100%\n\n一级指标\n\n产出指标\n（30分）\n\n\n数量指标\n\n≥20次\n\n20次\n\n总分\n\n95\n");
  const auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = tables[0]->table;
  ASSERT_TRUE(t.linear);
  std::vector<std::string> texts;
  std::vector<int> rows;
  for (const Cell& c : t.cells) {
    texts.push_back(c.text);
    rows.push_back(c.row);
  }
  ASSERT_GE(texts.size(), 4u);
  EXPECT_EQ(texts[0], "项目名称");
  EXPECT_EQ(rows[1], 2);  // 医保经费 after one empty row
  // The two lines of one paragraph stay in adjacent rows; two blank lines
  // leave one empty row.
  auto at = std::find(texts.begin(), texts.end(), "产出指标");
  ASSERT_NE(at, texts.end());
  const std::size_t i = static_cast<std::size_t>(at - texts.begin());
  ASSERT_LT(i + 2, texts.size());
  EXPECT_EQ(texts[i + 1], "（30分）");
  EXPECT_EQ(rows[i + 1], rows[i] + 1);
  EXPECT_EQ(texts[i + 2], "数量指标");
  EXPECT_EQ(rows[i + 2], rows[i + 1] + 2);
  EXPECT_EQ(t.rows, rows.back() + 1);
}

TEST(TextInputTest, ShortReportLinesAreNotATable) {
  const LayoutDocument doc = MustExtract(
      "财政支出项目绩效自评报告\n\n(2023 年度)\n\n项目名称：医疗保障基金监管费用\n\n"
      "项目单位：(公章) 新丰县医疗保障局\n\n填报人姓名：王静颖\n\n联系电话：2299680\n\n"
      "填报日期：2024.3.25\n\n一、基本情况\n\n2023 年下达资金 32063.3 元。\n\n"
      "二、自评情况\n\n（一）自评分数\n\n自评 100 分\n\n（二）资金使用绩效\n\n1. 资金支出情况。\n\n"
      "支出 32063.3 元。\n\n2. 资金完成绩效目标情况。\n\n无\n");
  EXPECT_TRUE(Tables(doc).empty());
  const std::vector<std::string> paragraphs = Paragraphs(doc);
  ASSERT_EQ(paragraphs.size(), 17u);  // every line stands alone
  EXPECT_EQ(paragraphs[2], "项目名称：医疗保障基金监管费用");
  EXPECT_EQ(paragraphs[3], "项目单位：(公章) 新丰县医疗保障局");
}

TEST(TextInputTest, NothingReadableIsAnError) {
  EXPECT_FALSE(ExtractText("").ok());
  EXPECT_FALSE(ExtractText(" \n\t\r\n\f  ").ok());
  EXPECT_FALSE(ExtractText("—— 。，、！ ……\n").ok());
  EXPECT_FALSE(ExtractText("\xEF\xBB\xBF").ok());
  EXPECT_FALSE(ExtractText("<p></p><br/>").ok());
  EXPECT_FALSE(ExtractText("\t\t\n\t\n").ok());
}

TEST(TextInputTest, GarbageAndHugeInputsStayBounded) {
  std::string noise;
  uint32_t x = 12345;
  for (int i = 0; i < 200000; ++i) {
    x = x * 1103515245u + 12345u;
    noise += static_cast<char>((x >> 16) & 0xFF);
  }
  (void)ExtractText(noise);  // must not crash; any result is acceptable

  std::string markup;
  for (int i = 0; i < 20000; ++i) markup += "<table><tr><td rowspan=99999 colspan=99999>$\\geq<!--&#9999999;";
  (void)ExtractText(markup);

  std::string long_line(2'000'000, 'a');
  const Result<LayoutDocument> one = ExtractText(long_line);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one.value().blocks.size(), 1u);
  EXPECT_EQ(one.value().blocks[0].text.size(), long_line.size());

  std::string many;
  for (int i = 0; i < 100000; ++i) many += "第" + std::to_string(i) + "行\t" + std::to_string(i) + "\n";
  const Result<LayoutDocument> table = ExtractText(many);
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(Tables(table.value()).size(), 1u);
}

// --- real documents -------------------------------------------------------

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(TextInputTest, SeedsAndCorpusReadSanely) {
  const std::filesystem::path shared(JIXIAO_SHARED_DIR);
  if (!std::filesystem::exists(shared / "seeds")) GTEST_SKIP() << "no shared data";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "seeds")) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    const LayoutDocument doc = MustExtract(ReadFile(entry.path()));
    EXPECT_FALSE(doc.blocks.empty()) << entry.path();
    if (entry.path().filename().string().rfind("000_", 0) == 0) {
      EXPECT_GE(Tables(doc).size(), 8u) << entry.path();
    }
  }
  EXPECT_EQ(files, 5);

  const std::filesystem::path corpus = shared / "corpus-dev";
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    const std::string name = entry.path().filename().string();
    if (name.size() < 11 || name.substr(name.size() - 11) != ".truth.json") continue;
    const std::string id = name.substr(0, name.size() - 11);
    const nlohmann::json truth = nlohmann::json::parse(ReadFile(entry.path()));
    const std::string style = truth["render"]["txt_style"].get<std::string>();
    size_t with_table = 0;
    for (const auto& report : truth["reports"])
      if (report["family"] != "narrative-only") ++with_table;
    const LayoutDocument doc = MustExtract(ReadFile(corpus / (id + ".txt")));
    EXPECT_FALSE(doc.blocks.empty()) << id;
    EXPECT_GE(Tables(doc).size(), with_table) << id << " (" << style << ")";
    for (const Block* t : Tables(doc)) {
      EXPECT_GT(t->table.rows, 0) << id;
      for (const Cell& c : t->table.cells) {
        EXPECT_LT(c.row, t->table.rows) << id;
        EXPECT_LT(c.col, t->table.cols) << id;
        if (t->table.linear) {
          EXPECT_EQ(c.col, 0) << id;
        }
      }
    }
  }
}

}  // namespace
}  // namespace jixiao
