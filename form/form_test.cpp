#include "form/form.h"

#include <gtest/gtest.h>

#include "form/test_layout.h"
#include "model/profile.h"

namespace jixiao {
namespace {

using form::testing::Grid;
using form::testing::Linear;
using form::testing::Paragraph;

FormParseResult Parse(std::vector<Block> blocks) {
  LayoutDocument doc;
  doc.blocks = std::move(blocks);
  return ParseReports(doc, BuiltinProfiles());
}

double Num(const std::optional<Value>& v) {
  EXPECT_TRUE(v.has_value());
  if (!v || !v->number) return -1;
  return *v->number;
}

bool HasFlag(const Report& r, FlagCode code, const std::string& path) {
  for (const Flag& f : r.flags)
    if (f.code == code && f.path == path) return true;
  return false;
}

// Seed 000's form: goal rows with (70分), budget row worth 20, no weights.
std::vector<Block> GoalTableForm(const std::string& name, const std::string& total) {
  return {
      Paragraph("2022 年度城乡居民医保项目自评表"),
      Paragraph("项目单位 (盖章):"),
      Paragraph("填报日期: 2023. 6. 21"),
      Grid({
          {"项目名称", name, "<", "<", "<", "<", "<", "<"},
          {"主管部门", "区医疗保障局", "<", "项目实施单位", "<", "区医疗保障局", "<", "<"},
          {"预算执行情况 (万元) (20分)", "", "预算数 (A)", "执行数 (B)", "执行率 (B/A)", "得分 (20分*执行率)", "", ""},
          {"^", "", "年度财政资金总额", "110", "99", "90%", "18", ""},
          {"年度绩效目标 1 (70分)", "一级指标", "二级指标", "三级指标", "<", "年初目标值 (A)", "实际完成值 (B)", "得分"},
          {"^", "产出指标", "数量指标", "预计参保人数", "<", "16000", "14368", "15"},
          {"^", "^", "时效指标", "资金及时拨付率", "<", "100%", "100%", "10"},
          {"^", "效益指标", "社会效益", "参保率", "<", "≥90%", "≥95%", "9"},
          {"年度绩效目标 2", "满意度指标", "可持续影响指标", "群众知晓率", "<", "100%", "100%", "10"},
          {"总分", total, "<", "<", "<", "<", "<", "<"},
          {"偏差大或目标未完成原因分析", "无", "<", "<", "<", "<", "<", "<"},
      }),
      Paragraph("备注：1. 预算执行情况口径：预算数为调整后财政资金总额。"),
  };
}

TEST(ParseReports, GoalTableByLabelsAndMergedCells) {
  FormParseResult result = Parse(GoalTableForm("城乡居民基本医疗保险区级配套资金 (铁)", "94"));
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_EQ(r.template_name, "goal-table");
  EXPECT_EQ(r.title, "2022 年度城乡居民医保项目自评表");
  EXPECT_EQ(r.project_name, "城乡居民基本医疗保险区级配套资金 (铁)");
  EXPECT_EQ(r.department, "区医疗保障局");
  EXPECT_EQ(r.implementing_unit, "区医疗保障局");
  EXPECT_EQ(r.fiscal_year, 2022);
  ASSERT_TRUE(r.fill_date && r.fill_date->date);
  EXPECT_EQ(*r.fill_date->date, "2023-06-21");
  EXPECT_DOUBLE_EQ(Num(r.budget.planned), 1100000);
  EXPECT_DOUBLE_EQ(Num(r.budget.executed), 990000);
  EXPECT_EQ(r.budget.planned->raw, "110");
  EXPECT_DOUBLE_EQ(Num(r.budget.rate), 90);
  EXPECT_EQ(r.budget.weight, 20);
  EXPECT_EQ(r.budget.score.declared, 18);
  ASSERT_EQ(r.indicators.size(), 4u);
  // The merged 一级指标 cell continues down.
  EXPECT_EQ(r.indicators[1].level1, "产出指标");
  EXPECT_EQ(r.indicators[1].level2, "时效指标");
  EXPECT_EQ(r.indicators[0].name, "预计参保人数");
  EXPECT_DOUBLE_EQ(Num(r.indicators[0].target), 16000);
  EXPECT_DOUBLE_EQ(Num(r.indicators[0].actual), 14368);
  EXPECT_EQ(r.indicators[0].score.declared, 15);
  EXPECT_EQ(r.indicators[0].kind, "quantitative");
  EXPECT_EQ(r.indicators[0].direction, "positive");
  EXPECT_EQ(r.indicators[1].direction, "equal");
  EXPECT_EQ(r.indicators[2].target->comparator, ">=");
  EXPECT_FALSE(r.indicators[0].weight.value.has_value());
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].label, "年度绩效目标1");
  EXPECT_EQ(r.groups[0].weight, 70);
  EXPECT_EQ(r.groups[0].indicators, (std::vector<int>{0, 1, 2}));
  EXPECT_FALSE(r.groups[1].weight.has_value());
  EXPECT_EQ(r.indicators[3].group, 1);
  EXPECT_EQ(r.total.declared.declared, 94);
  EXPECT_TRUE(result.flags.empty());
}

TEST(ParseReports, GroupWeightsWithHeaderTotalAndRatioColumn) {
  FormParseResult result = Parse({
      Paragraph("2021 年度特殊群体参保缴费资金项目绩效自评表"),
      Paragraph("填报日期：2022 年 6 月　　　　　　总分：97"),
      Grid({
          {"项目名称", "特殊群体参保缴费资金", "<", "<", "<", "<", "<"},
          {"主管部门", "光泽县医疗保障局", "<", "项目实施单位", "光泽县医疗保障局", "<", "<"},
          {"预算执行情况（万元）（20分）", "", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）", ""},
          {"^", "年度财政资金总额", "2,196", "1,973.55", "89%", "17", ""},
          {"一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "完成率", "得分"},
          {"产出指标（40分）", "质量指标", "医保结算数据准确率", "不低于95%", "76%", "80%", "32"},
          {"效益指标（40分）", "社会效益指标", "覆盖范围", "≥90%", "90%", "", "20"},
          {"^", "", "群众政策知晓率", "85%以上", "≥85%", "", "20"},
          {"总分", "97分", "<", "<", "<", "<", "<"},
      }),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_EQ(r.template_name, "group-weights");
  EXPECT_EQ(r.fiscal_year, 2021);
  EXPECT_EQ(*r.fill_date->date, "2022-06");
  EXPECT_DOUBLE_EQ(Num(r.budget.planned), 21960000);  // thousands separators
  EXPECT_DOUBLE_EQ(Num(r.budget.executed), 19735500);
  EXPECT_EQ(r.total.declared.declared, 97);
  EXPECT_EQ(r.total.declared_header.declared, 97);
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_DOUBLE_EQ(Num(r.indicators[0].ratio), 80);
  EXPECT_FALSE(r.indicators[1].ratio.has_value());
  // An empty 二级指标 cell under a label continues it.
  EXPECT_EQ(r.indicators[2].level2, "社会效益指标");
  EXPECT_EQ(r.indicators[2].level1, "效益指标");
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].label, "产出指标");
  EXPECT_EQ(r.groups[0].level1, "产出指标");
  EXPECT_EQ(r.groups[0].weight, 40);
  EXPECT_EQ(r.groups[1].indicators, (std::vector<int>{1, 2}));
}

std::vector<std::vector<std::string>> WeightColumnRows(const std::string& total) {
  return {
      {"项目名称", "", "行政运行经费", "<", "<", "<", "<", "<", "<"},
      {"主管部门", "", "明光市医疗保障局", "<", "实施单位", "<", "明光市医疗保障局", "<", "<"},
      {"项目资金（万元）", "", "", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"},
      {"^", "", "年度资金总额：", "15", "16", "12", "10", "75%", "7.5"},
      {"^", "", "其中：本年财政拨款", "10", "10", "8", "-", "-", "-"},
      {"^", "", "上年结转资金", "5", "6", "4", "-", "-", "-"},
      {"年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
       "偏差原因分析及改进措施"},
      {"^", "产出指标（50分）", "数量指标", "指标1：协调筹资", "100%", "100%", "30", "30", ""},
      {"^", "^", "时效指标", "指标1：支付完成时间", "2021年12月31日前", "2021年12月31日前", "20", "20", ""},
      {"^", "效益指标（40分）", "社会效益指标", "群众投诉率", "≤2%", "3%", "40", "26.7", "受客观因素影响"},
      {"总分", "<", "<", "<", "<", "<", "100", total, ""},
  };
}

TEST(ParseReports, WeightColumnWithFundLines) {
  FormParseResult result = Parse({
      Paragraph("项目支出绩效自评表"),
      Paragraph("(2021 年度)"),
      Grid(WeightColumnRows("94.2")),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_EQ(r.template_name, "weight-column");
  EXPECT_EQ(r.fiscal_year, 2021);
  EXPECT_DOUBLE_EQ(Num(r.budget.planned), 160000);
  EXPECT_DOUBLE_EQ(Num(r.budget.initial), 150000);
  EXPECT_DOUBLE_EQ(Num(r.budget.executed), 120000);
  EXPECT_EQ(r.budget.weight, 10);
  EXPECT_EQ(r.budget.score.declared, 7.5);
  ASSERT_EQ(r.facts.components.size(), 3u);
  const Component& planned = r.facts.components[1];
  EXPECT_EQ(planned.label, "planned");
  EXPECT_DOUBLE_EQ(*planned.total.number, 160000);
  ASSERT_EQ(planned.parts.size(), 2u);
  EXPECT_DOUBLE_EQ(*planned.parts[1].number, 60000);
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].weight.value, 30);
  EXPECT_EQ(r.indicators[0].weight.source, "column");
  EXPECT_EQ(r.indicators[1].target->date, "2021-12-31");
  EXPECT_EQ(r.indicators[1].direction, "reverse");
  EXPECT_EQ(r.indicators[2].direction, "reverse");
  EXPECT_EQ(r.indicators[2].deviation_note, "受客观因素影响");
  EXPECT_EQ(r.indicators[2].score.declared, 26.7);
  EXPECT_EQ(r.form_weight_total, 100);
  EXPECT_EQ(r.total.declared.declared, 94.2);
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].weight, 50);
}

// Text whose empty fields stand for merged cells, from OCR that lost each
// indicator row's leading empty cells: the header cells run down over the
// rows, the rows start right of the header, and the 总分 row breaks after
// its label. The rows move together under their headers; the lone figure
// below 总分 is the total.
TEST(ParseReports, IndicatorRowsStartingRightOfTheirHeaderAreReadUnderIt) {
  FormParseResult result = Parse({
      Paragraph("2021年度项目支出绩效自评表"),
      Grid({
          {"项目名称", "定向人工工资", "<", "<", "<", "<", "", "", "", "", ""},
          {"项目资金（万元）", "年初预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", "", "", "", "", ""},
          {"年度资金总额", "27", "27", "10", "100%", "10", "", "", "", "", ""},
          {"二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分", "", "", "", "", ""},
          {"^", "^", "^", "^", "^", "^", "数量指标", "会议记录相符", "40", "12次", "12次", "40"},
          {"^", "^", "^", "^", "^", "^", "社会效益指标", "", "", "", "", ""},
          {"^", "^", "^", "^", "^", "^", "社会效益指标", "参保率", "40", "99%", "95%", "38"},
          {"^", "^", "^", "^", "^", "^", "满意度指标", "服务对象满意度", "10", "95%", "95%", "10"},
          {"^", "^", "^", "^", "^", "^", "单位自评总分", "", "", "", "", ""},
          {"", "", "", "", "", "", "", "", "", "", "", "98"},
      }),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].level2, "数量指标");
  EXPECT_EQ(r.indicators[0].name, "会议记录相符");
  EXPECT_EQ(r.indicators[0].weight.value, 40);
  EXPECT_EQ(r.indicators[1].name, "参保率");
  EXPECT_DOUBLE_EQ(Num(r.indicators[1].target), 99);
  EXPECT_DOUBLE_EQ(Num(r.indicators[1].actual), 95);
  EXPECT_EQ(r.indicators[1].score.declared, 38);
  EXPECT_EQ(r.indicators[2].score.declared, 10);
  EXPECT_EQ(r.total.declared.declared, 98);
}

// OCR that finds a column edge inside a name cell (the gap after 指标1：)
// splits the name over two columns under one spanned 三级指标 header; a
// score-method column merged over the rows stands between 实际值 and 得分.
// Both parts are the name, and each row keeps its score.
TEST(ParseReports, NameSplitOverTheColumnsOfItsSpannedHeaderIsOneName) {
  FormParseResult result = Parse({
      Paragraph("2024年度项目支出绩效自评表"),
      Grid({
          {"项目名称", "<", "城乡居民医保配套资金", "<", "<", "<", "<", "<", "<", "<"},
          {"一级指标", "二级指标", "三级指标", "<", "分值", "年度指标值(A)", "全年实际值(B)", "得分计算方法", "得分",
           "未完成原因分析"},
          {"产出指标(50分)", "数量指标", "指标1", "开展政策宣传活动", "40", "19次", "28次", "完成值达到指标值，记满分",
           "40", ""},
          {"^", "质量指标", "指标2", "资金使用合规率", "10", "100%", "100%", "^", "10", ""},
          {"效益指标(50分)", "社会效益指标", "指标1:全区城乡居民均纳入", "<", "50", "≥90%", "92%", "^", "50", ""},
          {"单位自评总分", "<", "<", "<", "<", "<", "<", "<", "100", ""},
      }),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].name, "指标1开展政策宣传活动");
  EXPECT_EQ(r.indicators[0].weight.value, 40);
  EXPECT_EQ(r.indicators[0].score.declared, 40);
  EXPECT_EQ(r.indicators[1].name, "指标2资金使用合规率");
  EXPECT_EQ(r.indicators[1].score.declared, 10);
  EXPECT_EQ(r.indicators[2].name, "指标1:全区城乡居民均纳入");
  EXPECT_EQ(r.indicators[2].score.declared, 50);
  EXPECT_EQ(r.total.declared.declared, 100);
}

// Forms back to back: the signature lines below a table sign it; lines
// after an attachment mark (附件 2) open the next form.
TEST(ParseReports, SignatureLinesBelowATableSignThatTable) {
  FormParseResult result = Parse({
      Paragraph("项目支出绩效自评表"),
      Paragraph("(2021 年度)"),
      Grid(WeightColumnRows("94.2")),
      Paragraph("填报人：张三 联系电话：1234567"),
      Paragraph("填报日期：2022年3月"),
      Paragraph("项目支出绩效自评表"),
      Paragraph("(2021 年度)"),
      Grid(WeightColumnRows("94.2")),
      Paragraph("附件 2"),
      Paragraph("填报日期：2022年4月5日"),
      Paragraph("项目支出绩效自评表"),
      Grid(WeightColumnRows("94.2")),
  });
  ASSERT_EQ(result.reports.size(), 3u);
  ASSERT_TRUE(result.reports[0].fill_date.has_value());
  EXPECT_EQ(result.reports[0].fill_date->date, "2022-03");
  EXPECT_FALSE(result.reports[1].fill_date.has_value());
  ASSERT_TRUE(result.reports[2].fill_date.has_value());
  EXPECT_EQ(result.reports[2].fill_date->date, "2022-04-05");
}

// A table that names indicator columns but yields no indicator is never
// silent: a warning names it and the reading is incomplete.
TEST(ParseReports, AnIndicatorTableWithNoRowReadIsAWarning) {
  FormParseResult result = Parse({
      Paragraph("项目支出绩效自评表"),
      Grid({{"项目名称", "医保信息化建设", "<", "<"},
            {"年度资金总额", "80", "80", "10"},
            {"一级指标", "二级指标", "三级指标", "得分"}},
           2),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_TRUE(r.indicators.empty());
  EXPECT_FALSE(r.reading.complete());
  bool warned = false;
  for (const Flag& f : r.flags)
    if (f.code == FlagCode::kUnreadable && f.severity == Severity::kWarning && f.path == "/indicators") warned = true;
  EXPECT_TRUE(warned);
}

TEST(ParseReports, BlankTotalIsMissingField) {
  FormParseResult result = Parse({Paragraph("项目支出绩效自评表"), Grid(WeightColumnRows(""))});
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_FALSE(r.total.declared.declared.has_value());
  EXPECT_TRUE(r.total.declared.blank);
  EXPECT_EQ(r.form_weight_total, 100);
  ASSERT_EQ(r.missing_fields.size(), 1u);
  EXPECT_EQ(r.missing_fields[0], "/total/declared");
  EXPECT_TRUE(HasFlag(r, FlagCode::kMissingField, "/total/declared"));
  for (const Flag& f : r.flags) {
    if (f.code == FlagCode::kMissingField) {
      EXPECT_EQ(f.severity, Severity::kError);
    }
  }
}

// A linear table whose 总分 row has no figure, followed by its signature.
std::vector<Block> LinearFormWithBlankTotal(const std::vector<std::string>& after_signature) {
  std::vector<Block> blocks = {
      Paragraph("2023 年度医保信息系统运维经费绩效自评表"),
      Linear({"项目名称", "医保信息系统运维经费", "预算数（A）", "执行数（B） 执行率（B/A） 得分（20分*执行率）",
              "预算执行情况", "（万元）", "（20分）", "年度财政资金总额", "6", "3.98", "66%", "13", "一级指标",
              "二级指标", "三级指标", "年初目标值", "（A）", "实际完成值", "（B）", "得分", "产出指标", "（80分）",
              "时效指标 系统响应时间", "60分钟以内", "58分钟", "40", "总分"}),
      Paragraph("填报人：张三"),
      Paragraph("填报日期：2024年3月"),
  };
  for (const std::string& line : after_signature) blocks.push_back(Paragraph(line));
  return blocks;
}

// Text in reading order puts the cells a table printed on its next page
// after the signature of its first: more numbers there than the 总分 row
// has cells mean the total was not read, not that it is blank.
TEST(ParseReports, TotalRowWithoutFiguresBeforeMoreTableFiguresIsUnreadNotBlank) {
  FormParseResult result = Parse(LinearFormWithBlankTotal({"40", "40", "100", "93"}));
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_FALSE(r.total.declared.declared.has_value());
  EXPECT_FALSE(r.total.declared.blank);
  EXPECT_TRUE(r.missing_fields.empty());
  EXPECT_FALSE(HasFlag(r, FlagCode::kMissingField, "/total/declared"));
  bool noted = false;
  for (const Flag& f : r.flags)
    if (f.code == FlagCode::kUnreadable && f.path == "/total/declared" && f.severity == Severity::kInfo) noted = true;
  EXPECT_TRUE(noted);
  EXPECT_FALSE(r.reading.complete());
}

TEST(ParseReports, TotalRowWithoutFiguresAndItsOwnCellsAfterTheSignatureIsBlank) {
  // One number after the signature: the 分值 total beside a blank 得分.
  FormParseResult result = Parse(LinearFormWithBlankTotal({"100"}));
  ASSERT_EQ(result.reports.size(), 1u);
  EXPECT_TRUE(HasFlag(result.reports[0], FlagCode::kMissingField, "/total/declared"));
}

TEST(ParseReports, TotalOnTheNextTableBlock) {
  std::vector<Block> blocks = GoalTableForm("医疗保险征收经费", "94");
  // Cut the 总分 row and what follows into a block on the next page.
  Block& table = blocks[3];
  Block rest;
  rest.kind = Block::Kind::kTable;
  rest.page = 2;
  std::vector<Cell> kept;
  for (const Cell& c : table.table.cells) {
    if (c.row < 9) {
      kept.push_back(c);
      continue;
    }
    Cell moved = c;
    moved.row -= 9;
    rest.table.cells.push_back(moved);
  }
  table.table.cells = kept;
  table.table.rows = 9;
  rest.table.rows = 2;
  rest.table.cols = table.table.cols;
  blocks.insert(blocks.begin() + 4, Paragraph("- 1 -", 1));
  blocks.insert(blocks.begin() + 5, rest);
  FormParseResult result = Parse(blocks);
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_EQ(r.total.declared.declared, 94);
  EXPECT_EQ(r.total.declared.where.page, 2);
  EXPECT_EQ(r.pages, (std::vector<int>{1, 2}));
  EXPECT_EQ(r.indicators.size(), 4u);
}

TEST(ParseReports, TableOverTwoPagesWithRepeatedHeader) {
  std::vector<std::vector<std::string>> rows = WeightColumnRows("94.2");
  // Page 2 repeats the indicator header, then the last row and the total.
  std::vector<std::vector<std::string>> first(rows.begin(), rows.begin() + 9);
  std::vector<std::vector<std::string>> second = {rows[6], rows[9], rows[10]};
  second[1][1] = "";  // the merged 一级指标 cell does not repeat
  second[0][0] = "";
  second[1][0] = "";
  FormParseResult result = Parse({Paragraph("项目支出绩效自评表"), Grid(first, 1), Grid(second, 2)});
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[2].name, "群众投诉率");
  EXPECT_EQ(r.indicators[2].level1, "产出指标");  // continues the merged cell above
  EXPECT_EQ(r.total.declared.declared, 94.2);
  EXPECT_EQ(r.form_weight_total, 100);
  EXPECT_EQ(r.pages, (std::vector<int>{1, 2}));
}

TEST(ParseReports, ZeroBudgetRateNotApplicable) {
  FormParseResult result = Parse({
      Paragraph("2023 年度医保经办能力建设经费项目绩效自评表"),
      Grid({
          {"项目名称", "医保经办能力建设经费", "<", "<", "<", "<"},
          {"预算执行情况（万元）（20分）", "", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"},
          {"^", "年度财政资金总额", "0", "0", "/", "0"},
          {"一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分"},
          {"产出指标（40分）", "数量指标", "开展政策宣传活动", "6次", "8次", "40"},
          {"总分", "40", "<", "<", "<", "<"},
      }),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_DOUBLE_EQ(Num(r.budget.planned), 0);
  ASSERT_TRUE(r.budget.rate.has_value());
  EXPECT_FALSE(r.budget.rate->number.has_value());
  EXPECT_EQ(r.budget.rate->raw, "/");
  EXPECT_EQ(r.budget.score.declared, 0);
  for (const Flag& f : r.flags) EXPECT_NE(f.code, FlagCode::kUnreadable) << f.path;
}

TEST(ParseReports, SplitLabelsAndShiftedBudgetRow) {
  FormParseResult result = Parse({
      Paragraph("2022年度城乡居民医保项目自评表"),
      Grid({
          {"项目名称", "", "城乡居民基本医疗保险区级配套资金(开)", "<", "<", "<", "<", "<"},
          {"预算执行情况(万元)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分", "", ""},
          // The converter dropped an empty cell: values stand one column right.
          {"(20分)", "", "年度财政资金总额", "100", "67.51", "68%", "(20分*执行率) 13", ""},
          {"年度绩效目标1 (70分)", "一级指标", "二级指标", "三级指标", "<", "年初目标值", "实际完成值", "得分"},
          {"^", "", "", "", "", "(A)", "(B)", ""},
          {"^", "产出指标", "数量指标", "预计参保人数", "<", "13000人", "11789人", "15"},
          {"总分", "88", "<", "<", "<", "<", "<", "<"},
      }),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_DOUBLE_EQ(Num(r.budget.planned), 1000000);
  EXPECT_DOUBLE_EQ(Num(r.budget.executed), 675100);
  EXPECT_DOUBLE_EQ(Num(r.budget.rate), 68);
  EXPECT_EQ(r.budget.score.declared, 13);
  EXPECT_EQ(r.budget.weight, 20);
  ASSERT_EQ(r.indicators.size(), 1u);
  EXPECT_DOUBLE_EQ(Num(r.indicators[0].target), 13000);
  EXPECT_EQ(r.indicators[0].target->unit, "人");
  EXPECT_EQ(r.total.declared.declared, 88);
}

TEST(ParseReports, LinearTableAsASequence) {
  FormParseResult result = Parse({
      Paragraph("2023 年度医保信息系统运维经费绩效自评表"),
      Paragraph("填报日期：2024 年 3 月　　　　　　总分：93"),
      Linear({"项目名称", "主管部门", "项目类别", "医保信息系统运维经费", "安化县医疗保障局", "项目实施单位", "医保中心",
              "1、部门预算项目 □√ 2、省专项 □", "预算数（A）", "执行数（B） 执行率（B/A） 得分（20分*执行率）",
              "预算执行情况", "（万元）", "（20分）", "年度财政资金总额", "6", "3.98", "66%", "13",
              "一级指标", "二级指标", "三级指标", "年初目标值", "（A）", "实际完成值", "（B）", "得分",
              "产出指标", "（40分）", "时效指标 系统响应时间", "60分钟以内", "58分钟", "40",
              "效益指标", "（40分）", "社会效益指标", "系统故障率", "不高于1%", "0.2%", "20",
              "生态效益指标", "对环境有一定的积极作用", "稳步提升", "稳步提升", "20", "总分", "93分"}),
  });
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_EQ(r.project_name, "医保信息系统运维经费");
  EXPECT_EQ(r.department, "安化县医疗保障局");
  EXPECT_EQ(r.implementing_unit, "医保中心");
  EXPECT_DOUBLE_EQ(Num(r.budget.planned), 60000);
  EXPECT_DOUBLE_EQ(Num(r.budget.executed), 39800);
  EXPECT_DOUBLE_EQ(Num(r.budget.rate), 66);
  EXPECT_EQ(r.budget.score.declared, 13);
  EXPECT_EQ(r.budget.weight, 20);
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].name, "系统响应时间");
  EXPECT_EQ(r.indicators[0].level2, "时效指标");
  EXPECT_EQ(r.indicators[0].target->comparator, "<=");
  EXPECT_EQ(r.indicators[1].score.declared, 20);
  EXPECT_EQ(r.indicators[2].kind, "qualitative");
  EXPECT_EQ(r.indicators[2].target->text, "稳步提升");
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[1].weight, 40);
  EXPECT_EQ(r.groups[1].indicators, (std::vector<int>{1, 2}));
  EXPECT_EQ(r.total.declared.declared, 93);
  EXPECT_EQ(r.total.declared_header.declared, 93);
}

std::vector<Block> Narrative(const std::string& project, const std::string& score) {
  return {
      Paragraph("财政支出项目绩效自评报告"),
      Paragraph("(2022 年度)"),
      Paragraph("项目名称：" + project),
      Paragraph("一、基本情况"),
      Paragraph("按照要求进行绩效自评，自评得分 " + score + " 分。"),
  };
}

TEST(ParseReports, TableAndNarrativeMergeWhicheverComesFirst) {
  std::vector<Block> blocks = Narrative("医疗救助工作经费", "94");
  std::vector<Block> a = GoalTableForm("医疗救助工作经费", "94");
  std::vector<Block> b = GoalTableForm("“两镇一区”医保委托管理工作经费", "88");
  std::vector<Block> nb = Narrative("两镇一区医保委托管理工作经费项目", "88");
  blocks.insert(blocks.end(), a.begin(), a.end());
  blocks.insert(blocks.end(), b.begin(), b.end());
  blocks.insert(blocks.end(), nb.begin(), nb.end());
  FormParseResult result = Parse(blocks);
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].project_name, "医疗救助工作经费");
  EXPECT_EQ(result.reports[0].total.self_score_text.declared, 94);
  EXPECT_EQ(result.reports[0].total.declared.declared, 94);
  EXPECT_EQ(result.reports[0].template_name, "goal-table");
  EXPECT_EQ(result.reports[1].project_name, "“两镇一区”医保委托管理工作经费");
  EXPECT_EQ(result.reports[1].total.self_score_text.declared, 88);
  EXPECT_EQ(result.reports[1].index, 1);
}

// Names that share only the common ending of project names (…工作经费)
// are two projects: the narrative after a form is a report of its own.
TEST(ParseReports, NarrativeOfAnotherProjectSharingAnEndingIsItsOwnReport) {
  std::vector<Block> blocks = GoalTableForm("医疗救助工作经费", "94");
  std::vector<Block> n = Narrative("异地就医直接结算工作经费", "91");
  blocks.insert(blocks.end(), n.begin(), n.end());
  FormParseResult result = Parse(blocks);
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].project_name, "医疗救助工作经费");
  EXPECT_FALSE(result.reports[0].total.self_score_text.declared.has_value());
  EXPECT_EQ(result.reports[1].template_name, "narrative-only");
  EXPECT_EQ(result.reports[1].total.self_score_text.declared, 91);
}

// A narrative whose project name could not be read (a scan garbled it) and
// whose title names no project joins the form beside it: its generic
// title is not a name that conflicts with the form's.
TEST(ParseReports, UnnamedNarrativeWithAGenericTitleJoinsTheFormBesideIt) {
  std::vector<Block> blocks = GoalTableForm("医疗救助工作经费", "94");
  std::vector<Block> n = {
      Paragraph("财政项目支出绩效评价报告"),
      Paragraph("一、基本情况"),
      Paragraph("按照要求进行绩效自评，自评得分 94 分。"),
  };
  blocks.insert(blocks.end(), n.begin(), n.end());
  FormParseResult result = Parse(blocks);
  ASSERT_EQ(result.reports.size(), 1u);
  EXPECT_EQ(result.reports[0].project_name, "医疗救助工作经费");
  EXPECT_EQ(result.reports[0].total.self_score_text.declared, 94);
}

// A summary paragraph naming its project in broken quotes (OCR turned ”
// into ") still finds that project's table by name, past another one.
TEST(ParseReports, SummaryWithBrokenQuotesFindsItsTableByName) {
  std::vector<Block> blocks = {
      Paragraph("“异地就医直接结算工作经费\"项目绩效自评综述：根据年初设定的绩效目标，项目绩效自评得分为94分。"),
  };
  std::vector<Block> other = GoalTableForm("医疗救助资金", "88");
  std::vector<Block> own = GoalTableForm("异地就医直接结算工作经费", "94");
  blocks.insert(blocks.end(), other.begin(), other.end());
  blocks.insert(blocks.end(), own.begin(), own.end());
  FormParseResult result = Parse(blocks);
  ASSERT_EQ(result.reports.size(), 2u);
  EXPECT_EQ(result.reports[0].project_name, "异地就医直接结算工作经费");
  EXPECT_EQ(result.reports[0].total.self_score_text.declared, 94);
  EXPECT_EQ(result.reports[1].project_name, "医疗救助资金");
  EXPECT_FALSE(result.reports[1].total.self_score_text.declared.has_value());
}

TEST(ParseReports, NarrativeOnlyReport) {
  FormParseResult result = Parse(Narrative("医疗保障基金监管费用", "95"));
  ASSERT_EQ(result.reports.size(), 1u);
  EXPECT_EQ(result.reports[0].template_name, "narrative-only");
  EXPECT_EQ(result.reports[0].project_name, "医疗保障基金监管费用");
  EXPECT_EQ(result.reports[0].total.self_score_text.declared, 95);
}

TEST(ParseReports, ProjectListIsNotAReport) {
  FormParseResult result = Parse({
      Paragraph("2020 年度部门绩效自评情况汇总表"),
      Grid({{"序号", "资金使用单位", "项目名称", "财政资金总额"}, {"1", "医疗保障局", "工作经费", "27"}}),
  });
  EXPECT_TRUE(result.reports.empty());
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, FlagCode::kNoReport);
  EXPECT_EQ(result.flags[0].severity, Severity::kError);
}

TEST(ParseReports, LowConfidenceCellIsUnreadable) {
  std::vector<Block> blocks = GoalTableForm("医疗保险征收经费", "94");
  for (Cell& c : blocks[3].table.cells)
    if (c.text == "14368") c.confidence = 0.2;
  FormParseResult result = Parse(blocks);
  ASSERT_EQ(result.reports.size(), 1u);
  const Report& r = result.reports[0];
  EXPECT_FALSE(r.indicators[0].actual.has_value());
  EXPECT_TRUE(HasFlag(r, FlagCode::kUnreadable, "/indicators/0/actual"));
  for (const Flag& f : r.flags) {
    if (f.code == FlagCode::kUnreadable) {
      EXPECT_EQ(f.severity, Severity::kInfo);  // grades the reading, not the document
    }
  }
}

TEST(ParseReports, EmptyDocumentHasNoReport) {
  FormParseResult result = Parse({});
  EXPECT_TRUE(result.reports.empty());
  ASSERT_EQ(result.flags.size(), 1u);
  EXPECT_EQ(result.flags[0].code, FlagCode::kNoReport);
}

}  // namespace
}  // namespace jixiao
