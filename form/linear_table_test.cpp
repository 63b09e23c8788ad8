#include "form/linear_table.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "form/test_layout.h"

namespace jixiao::form {
namespace {

using testing::Linear;

Report Read(const std::vector<std::string>& lines) {
  Report report;
  CellReader reader(&report.flags);
  ReadLinearTable(Linear(lines), {}, report, reader);
  return report;
}

std::vector<std::string> Concat(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// The indicator header of a form without 分值 / 完成率 columns, one cell
// per paragraph.
const std::vector<std::string> kHeader = {"一级指标", "", "二级指标", "", "三级指标", "", "年初目标值（A）", "",
                                          "实际完成值（B）", "", "得分", ""};

TEST(LinearTable, LinesOfOneParagraphAreOneName) {
  // Names wrapped over lines that are no longer than the widest: only the
  // blank lines tell where one name ends.
  Report r = Read(Concat(kHeader, {"产出指标", "（30分）", "", "质量指标", "", "城乡居民参保率", "", "≥90%", "", "90%", "",
                                   "30", "", "全区所有城乡居民均纳入城乡", "居民基本医疗保险覆盖范围", "（%）", "", "≧95", "",
                                   "69%", "", "7", "", "为参保群众提供基本医疗保", "险、大病医保和医疗救助“一站",
                                   "式”服务", "", "≧95%", "", "≥96%", "", "10", "", "总分", "", "47"}));
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].name, "城乡居民参保率");
  EXPECT_EQ(r.indicators[0].score.declared, 30);
  EXPECT_EQ(r.indicators[1].name, "全区所有城乡居民均纳入城乡居民基本医疗保险覆盖范围（%）");
  EXPECT_EQ(r.indicators[1].score.declared, 7);
  EXPECT_EQ(r.indicators[2].name, "为参保群众提供基本医疗保险、大病医保和医疗救助“一站式”服务");
}

TEST(LinearTable, AParagraphBetweenRowsIsNoPartOfTheRowAbove) {
  // A cell per paragraph: a name whose row's figures are not there is a
  // row not read, not a wrapped line of the name above.
  Report r = Read(Concat(kHeader, {"产出指标", "", "数量指标", "", "预计参保人数", "", "≥59000人", "", "51163人", "",
                                   "17", "", "成本指标", "", "普通居民122元/人/年 特", "殊人员182元/人/年", "",
                                   "时效指标", "", "资金及时拨付率", "", "100%", "", "100%", "", "20", "", "总分", "",
                                   "37"}));
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "预计参保人数");
  EXPECT_EQ(r.indicators[1].name, "资金及时拨付率");
}

TEST(LinearTable, WithoutBlankLinesAWrappedNameFollowsTheColumnWidth) {
  // The same cells without blank lines: a piece as wide as the column goes
  // on in the next line.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分", "产出指标",
                   "（30分）", "质量指标", "城乡居民参保率", "≥90%", "90%", "30", "为参保群众提供基本医疗保险、大",
                   "病医保和医疗救助服务", "≧95%", "≥96%", "10", "总分", "40"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "城乡居民参保率");
  EXPECT_EQ(r.indicators[1].name, "为参保群众提供基本医疗保险、大病医保和医疗救助服务");
}

TEST(LinearTable, LabelAmongANamesPiecesIsThatRows) {
  // The row's name came out after its figures, with 社会效益指标 printed on
  // the name's second line.
  Report r = Read(Concat(kHeader, {"产出指标", "（30分）", "", "数量指标", "", "预计参保人数", "", "150000人", "",
                                   "150000", "", "30", "", "≧95%", "", "96%", "", "15", "", "效益指标", "（30分）", "",
                                   "全区所有城乡居民均纳入城", "社会效益指标 乡居民基本医疗保险覆盖范", "围",
                                   "可持续影响指", "标", "", "长效管理机制", "", "逐步完善", "", "逐步完善", "", "15",
                                   "", "总分", "", "60"}));
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].level2, "数量指标");
  EXPECT_EQ(r.indicators[1].name, "全区所有城乡居民均纳入城乡居民基本医疗保险覆盖范围");
  EXPECT_EQ(r.indicators[1].level2, "社会效益指标");
  EXPECT_EQ(r.indicators[1].level1, "效益指标");
  EXPECT_EQ(r.indicators[2].level2, "可持续影响指标");
}

TEST(LinearTable, LateLabelGoesToTheRowsThatOnlyInheritOne) {
  // 社会效益指标 spans two rows and came out after all rows; those rows
  // have no label printed since the 质量指标 row above them.
  Report r = Read(Concat(kHeader, {"产出指标", "（30分）", "", "质量指标", "", "城乡居民参保率", "", "≥90%", "", "90%",
                                   "", "30", "", "全区所有城乡居民均纳入城乡", "居民基本医疗保险覆盖范围", "", "≧95%",
                                   "", "96%", "", "7", "", "为参保群众提供一站式服务", "", "≧95%", "", "≥96%", "",
                                   "10", "", "生态效益指标", "", "集中检查对环境有积极作用", "", "稳步提升", "",
                                   "稳步提升", "", "10", "", "效益指标", "（30分）", "", "社会效益指标", "", "总分",
                                   "", "57"}));
  ASSERT_EQ(r.indicators.size(), 4u);
  EXPECT_EQ(r.indicators[0].level2, "质量指标");
  EXPECT_EQ(r.indicators[1].level2, "社会效益指标");
  EXPECT_EQ(r.indicators[2].level2, "社会效益指标");
  EXPECT_EQ(r.indicators[3].level2, "生态效益指标");
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[1].level1, "效益指标");
  EXPECT_EQ(r.groups[1].indicators, (std::vector<int>{1, 2, 3}));
}

TEST(LinearTable, LabelWrappedBesideANameIsJoinedAndTakenByThatRow) {
  // 可持续影响指 / 标 wraps in the label column while the name beside it
  // wraps too: the label's head shares a line with the name's first piece.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分", "产出指标（40分）",
                   "数量指标", "开展政策宣传活动", "6", "6", "10", "效益指标（40分）", "100%", "100%", "20",
                   "可持续影响指 进一步为服务对象宣传医疗", "标", "保障政策，提高群众知晓率", "总分", "30"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].level2, "数量指标");
  EXPECT_EQ(r.indicators[1].name, "进一步为服务对象宣传医疗保障政策，提高群众知晓率");
  EXPECT_EQ(r.indicators[1].level2, "可持续影响指标");
  EXPECT_EQ(r.indicators[1].level1, "效益指标");
}

// Text that lists each line's cells left to right (pdftotext without
// -layout): the indicator header, and a 满意度指标 group of one row whose
// label (满意度指 / 标) and weight （10分） wrap among the row's cells.
const std::vector<std::string> kCrossColumnHeader = {"一级指标 二级指标", "三级指标", "年度指标值 实际完成值 分值 得分"};
const std::vector<std::string> kSatisfactionGroupAcrossColumns = {
    "满意度指 服务对象 指标1：定点医药机构满", "标 满意度指 意度", "90%以上", "90%", "10 10", "（10分） 标"};

TEST(LinearTable, LabelTailStartingALineBesideOtherCellsIsJoined) {
  // Text that lists each line's cells left to right: the label 满意度指 / 标
  // wraps, and its tail starts the next line beside the second level's own
  // wrapped piece (标 满意度指). The group's weight under it is its own,
  // although printed lines below.
  Report r = Read(Concat(Concat(kCrossColumnHeader, {"产出指标 数量指标 指标1：开展政策宣传活动 6次 6次 50 50", "（50分）"}),
                          Concat(kSatisfactionGroupAcrossColumns, {"总分", "60 60"})));
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[1].level1, "满意度指标");
  EXPECT_EQ(r.groups[1].weight, 10);
}

TEST(LinearTable, AGroupWeightGoesToTheLabelPrintedBeforeIt) {
  // 效益指标's weight comes out two lines under it, after the cells of other
  // columns; the next group's label (满意度指标) is nearer in the text but
  // printed after the weight, so it is not that label's.
  Report r = Read(Concat(Concat(kCrossColumnHeader, {"经济效益 指标1：保障医保基金稳 稳健运行 稳健运行 20 20",
                                                     "效益指标 指标 健运行", "（30分） 可持续影",
                                                     "响指标 指标2：长效管理机制 逐步完善 逐步完善 10 10"}),
                          Concat(kSatisfactionGroupAcrossColumns, {"总分", "40 40"})));
  ASSERT_EQ(r.groups.size(), 2u);
  EXPECT_EQ(r.groups[0].level1, "效益指标");
  EXPECT_EQ(r.groups[0].weight, 30);
  EXPECT_EQ(r.groups[1].level1, "满意度指标");
  EXPECT_EQ(r.groups[1].weight, 10);
}

TEST(LinearTable, AGoalLabelsTailAmongTheRowsIsNoPartOfAName) {
  // 年度绩效目 / 标1（70分） wraps in the first column; text that lists each
  // line's cells across the columns puts its tail among the rows' cells.
  Report r = Read({"一级指标 二级指标", "三级指标", "年初目标值（A） 实际完成值（B） 得分", "数量指标",
                   "预计参保人数", "90100", "90100", "10", "年度绩效目", "群众政策知晓率", "≧85%", "94%", "10",
                   "标1（70分）", "可持续影响指标", "长效管理机制", "逐步完善", "逐步完善", "10", "总分", "30"});
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[1].name, "群众政策知晓率");
  EXPECT_EQ(r.indicators[2].name, "长效管理机制");
  // Where such text lost rows elsewhere, sums over the rows are in doubt.
  ASSERT_FALSE(r.reading.problems.empty());
  EXPECT_NE(r.reading.problems[0].find("标1（70分）"), std::string::npos);
}

TEST(LinearTable, LateLabelsShareOutOverOneRunInOrder) {
  // 时效指标 (two rows) and 社会效益指标 (one row) came out after all
  // rows; the three rows after the 质量指标 row take them in order. The
  // 满意度指标 part has no rows read: its group stands empty.
  Report r = Read(Concat(
      kHeader, {"产出指标", "（40分）", "", "数量指标", "", "开展政策宣传活动", "", "6", "", "6", "", "10", "",
                "质量指标", "", "资金使用合规率", "", "达到100%", "", "100%", "", "10", "", "支付完成时间", "",
                "2022年10月底前", "", "2022年10月底前", "", "10", "", "资金拨付及时率", "", "98%以上", "", "62%", "",
                "6", "", "群众投诉率", "", "≦2%", "", "0.3%", "", "20", "", "可持续影响指标", "",
                "进一步宣传医疗保障政策", "", "稳步提升", "", "稳步提升", "", "20", "", "时效指标", "", "效益指标",
                "（40分）", "", "社会效益指标", "", "满意度指标", "（10分）", "", "总分", "", "76"}));
  ASSERT_EQ(r.indicators.size(), 6u);
  EXPECT_EQ(r.indicators[0].level2, "数量指标");
  EXPECT_EQ(r.indicators[1].level2, "质量指标");
  EXPECT_EQ(r.indicators[2].level2, "时效指标");
  EXPECT_EQ(r.indicators[3].level2, "时效指标");
  EXPECT_EQ(r.indicators[4].level2, "社会效益指标");
  EXPECT_EQ(r.indicators[5].level2, "可持续影响指标");
  ASSERT_EQ(r.groups.size(), 3u);
  EXPECT_EQ(r.groups[0].indicators, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(r.groups[1].indicators, (std::vector<int>{4, 5}));
  EXPECT_EQ(r.groups[2].level1, "满意度指标");
  EXPECT_EQ(r.groups[2].weight, 10);
  EXPECT_TRUE(r.groups[2].indicators.empty());
}

TEST(LinearTable, LateLabelsThatBreakTheLevelOrderStayUnused) {
  // A late 满意度 label cannot go to a row above an 产出 row.
  Report r = Read(Concat(kHeader, {"产出指标", "（40分）", "", "数量指标", "", "开展政策宣传活动", "", "6", "", "6",
                                   "", "10", "", "资金使用合规率", "", "100%", "", "100%", "", "10", "", "成本指标",
                                   "", "项目经费", "", "≤32万元", "", "32万元", "", "10", "", "服务对象满意度指标",
                                   "", "总分", "", "30"}));
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[1].level2, "数量指标");
  EXPECT_EQ(r.indicators[2].level2, "成本指标");
}

TEST(LinearTable, OneGoalPrintedWithItsWeightHoldsAllRows) {
  // 年度绩效目标1 (80分) wrapped over two lines, beside the 一级指标 labels:
  // the rows are the goal's, and the 80 is not 效益指标's weight.
  Report r = Read({"一级指 二级指标", "年初目标值 实际完成值（B） 得分", "三级指标", "标", "（A）", "数量指标",
                   "整理归档业务档案", "3100份", "3395份", "60", "产出指 质量指标", "标", "年度绩效目", "标 1 (80分)",
                   "社会效益", "群众投诉率", "不高于1%", "0.9%", "10", "效益指", "标 满意度", "定点医药机构满意度",
                   "≥90%", "95%", "10", "总分", "80"});
  ASSERT_EQ(r.indicators.size(), 3u) << r.indicators.size();
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].label, "年度绩效目标1");
  EXPECT_EQ(r.groups[0].weight, 80);
  EXPECT_EQ(r.groups[0].indicators, (std::vector<int>{0, 1, 2}));
}

TEST(LinearTable, WeightPrintedBeforeTheTargetComesFirstInTheRow) {
  // A landscape form puts 分值 before 年度指标值: each row reads name,
  // weight, target, actual, score.
  Report r = Read(Concat({"二级指标", "", "三级指标", "", "分值", "", "年度指标值(A)", "",
                          "全年实际值(B)", "", "得分", ""},
                         {"产出指标", "（60分）", "", "数量指标", "", "整理归档业务档案", "", "15", "", "不少于3900份", "",
                          "3900份", "", "12", "", "质量指标", "", "医保结算数据准确率", "", "5", "", "98%以上", "",
                          "98%以上", "", "5", "", "总分", "", "20", "", "17"}));
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "整理归档业务档案");
  EXPECT_EQ(r.indicators[0].weight.value, 15);
  EXPECT_EQ(r.indicators[0].target->raw, "不少于3900份");
  EXPECT_EQ(r.indicators[0].actual->raw, "3900份");
  EXPECT_EQ(r.indicators[0].score.declared, 12);
  EXPECT_EQ(r.indicators[1].name, "医保结算数据准确率");
  EXPECT_EQ(r.indicators[1].weight.value, 5);
  EXPECT_EQ(r.indicators[1].score.declared, 5);
}

TEST(LinearTable, RowsWhoseLastColumnsArePrintedElsewhereAreReadOpen) {
  // The rows of a page whose 得分 column the text put after the table:
  // each row's figures run into the next row's name. Those rows read
  // without a score, and the reading says so; no name runs on.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "产出指标", "数量指标",
                   "预计参保人数", "≥59000人", "61000人", "10", "10", "群众政策知晓率", "≥80%", "83%", "5",
                   "生态效益 集中检查、统一调度对 一定的积极 一定的积极 5", "指标 环境有一定的积极作用", "作用",
                   "作用", "服务对象满意率", "≥95%", "99%", "5", "总分", "100"});
  ASSERT_EQ(r.indicators.size(), 4u);
  EXPECT_EQ(r.indicators[0].score.declared, 10);
  EXPECT_EQ(r.indicators[1].name, "群众政策知晓率");
  EXPECT_EQ(r.indicators[1].target->raw, "≥80%");
  EXPECT_EQ(r.indicators[1].actual->raw, "83%");
  EXPECT_EQ(r.indicators[1].weight.value, 5);
  EXPECT_FALSE(r.indicators[1].score.declared);
  EXPECT_EQ(r.indicators[2].weight.value, 5);
  EXPECT_EQ(r.indicators[3].name, "服务对象满意率");
  EXPECT_EQ(r.indicators[3].weight.value, 5);
  EXPECT_FALSE(r.reading.problems.empty());
}

TEST(LinearTable, BareNumbersBeforeANoteAreNoOpenRow) {
  // The total's figures printed before a deviation note are bare numbers:
  // they could be any column's cells and make no row.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "偏差原因分析", "产出指标",
                   "数量指标", "预计参保人数", "≥59000人", "51163人", "20", "17", "100", "96", "受客观因素影响未完成", "总分"});
  ASSERT_EQ(r.indicators.size(), 1u);
  EXPECT_EQ(r.indicators[0].name, "预计参保人数");
  EXPECT_TRUE(r.reading.problems.empty());
}

TEST(LinearTable, ANumberedNameBetweenRowsIsNoLineOfTheRowAbove) {
  // A wrapped name's last line follows its figures (常运行率) and goes to
  // its row; the numbered name after it is an indicator whose figures were
  // not read: it stays out of the name above, and the reading says so.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "产出指标", "质量指标",
                   "指标1：医保信息系统正", "≥98%", "≥99% 5", "5", "常运行率",
                   "指标2：系统建设完成时 按时完成", "5", "时效指标 间", "指标3：资金拨付及时率 ≥95%", "95%", "5", "5",
                   "总分", "15"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "指标1：医保信息系统正常运行率");
  EXPECT_EQ(r.indicators[1].name, "指标3：资金拨付及时率");
  EXPECT_FALSE(r.reading.problems.empty());
}

TEST(LinearTable, AParagraphAfterTheLastRowIsNoPartOfItsName) {
  // A cell per paragraph: paragraphs after the last row (a 得分计算方法
  // column's notes) are other cells, as between rows, not its name's lines.
  Report r = Read(Concat(kHeader, {"产出指标", "（30分）", "", "数量指标", "", "预计参保人数", "", "≥59000人", "",
                                   "61000人", "", "30", "", "完成值达到指标值，记满分；未达到指标", "值，按B/A记分。", "",
                                   "总分", "", "30"}));
  ASSERT_EQ(r.indicators.size(), 1u);
  EXPECT_EQ(r.indicators[0].name, "预计参保人数");
}

TEST(LinearTable, AScoreColumnPrintedAfterTheTableFillsTheOpenRows) {
  // The 得分 of some rows came out after the total's label; as many equal
  // numbers as open rows, then the total, fill them.
  Report r = Read({"二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分", "数量指标", "整理归档业务档案",
                   "15", "不少于3900份", "3900份", "15", "质量指标", "实行专款专用", "10", "1人", "1人", "时效指标",
                   "业务经办差错率", "10", "≦2%", "1.2%", "单位自评总分", "10", "10", "100"});
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].score.declared, 15);
  EXPECT_EQ(r.indicators[1].score.declared, 10);
  EXPECT_EQ(r.indicators[2].score.declared, 10);
  EXPECT_EQ(r.total.declared.declared, 100);
  EXPECT_FALSE(r.form_weight_total);
}

TEST(LinearTable, LateScoresWhoseOrderMattersStayUnread) {
  // Unequal numbers after the table could go to the open rows in more
  // than one order: the rows stay open.
  Report r = Read({"二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)", "得分", "数量指标", "整理归档业务档案",
                   "15", "不少于3900份", "3900份", "15", "质量指标", "实行专款专用", "10", "1人", "1人", "时效指标",
                   "业务经办差错率", "10", "≦2%", "1.2%", "单位自评总分", "10", "8", "93"});
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_FALSE(r.indicators[1].score.declared);
  EXPECT_FALSE(r.reading.problems.empty());
}

TEST(LinearTable, AWeightPrintedWithASpaceInItsBracketIsAWeight) {
  // （30 分） under its group's rows: one cell, the group's weight.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分", "效益", "指标", "社会效益指标",
                   "群众政策知晓率", "≧85%", "75%", "26", "（30 分）", "总分", "26"});
  ASSERT_EQ(r.indicators.size(), 1u);
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].weight, 30);
}

TEST(LinearTable, AFirstLevelWrappedAroundTheSecondLevelBesideItIsALabel) {
  // 产出指标's merged cell centred on its rows: its halves stand above and
  // below 数量指标, and its weight under the rows is the group's.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分", "开展医保经办人员培训", "7", "7",
                   "10", "产出", "数量指标", "指标", "开展政策宣传活动", "≥14次", "14次", "10", "（20分）", "总分", "20"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[1].level1, "产出指标");
  EXPECT_EQ(r.indicators[1].level2, "数量指标");
  ASSERT_EQ(r.groups.size(), 1u);
  EXPECT_EQ(r.groups[0].weight, 20);
}

TEST(LinearTable, AnOpenRowEndsWhereTheNextRowsFiguresBegin) {
  // Two rows without their 得分, the second's name printed after its
  // figures: the first ends where the second's figures begin.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "满意度指标", "服务对象满意率",
                   "≥95%", "≥99% 5", "≥85% 85%以上 5", "定点医药机构满意度", "总分", "100"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "服务对象满意率");
  EXPECT_EQ(r.indicators[0].target->raw, "≥95%");
  EXPECT_EQ(r.indicators[0].actual->raw, "≥99%");
  EXPECT_EQ(r.indicators[0].weight.value, 5);
  EXPECT_FALSE(r.indicators[0].score.declared);
  EXPECT_EQ(r.indicators[1].name, "定点医药机构满意度");
  EXPECT_EQ(r.indicators[1].target->raw, "≥85%");
}

TEST(LinearTable, BudgetFiguresBeforeTheirColumnsHeaderStayUnread) {
  // The budget's figures came out before 预算数 / 执行数: which is which
  // would be a guess. Only the rate, printed with %, is read.
  Report r = Read({"项目名称", "医疗救助资金", "主管部门", "县医疗保障局", "分值", "执行率", "得分", "23.07", "10", "58%",
                   "5", "年初预算数", "全年预算数（A）", "全年执行数（B）", "年度资金总额：", "40", "40", "一级指标",
                   "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "数量指标", "开展政策宣传活动",
                   "12次", "12次", "90", "90", "总分", "95"});
  EXPECT_FALSE(r.budget.planned);
  EXPECT_FALSE(r.budget.executed);
  EXPECT_FALSE(r.budget.score.declared);
  ASSERT_TRUE(r.budget.rate);
  EXPECT_EQ(r.budget.rate->number, 58);
  EXPECT_FALSE(r.reading.problems.empty());
}

TEST(LinearTable, ANameParagraphWithoutFiguresIsARowNotRead) {
  // A cell per paragraph: the name between two rows whose figures are
  // not there is a row not read, and the reading says so.
  Report r = Read(Concat(kHeader, {"产出指标", "", "数量指标", "", "预计参保人数", "", "≥59000人", "", "51163人", "",
                                   "17", "", "成本指标", "", "普通居民122元/人/年 特", "殊人员182元/人/年", "",
                                   "时效指标", "", "资金及时拨付率", "", "100%", "", "100%", "", "20", "", "总分", "",
                                   "37"}));
  ASSERT_EQ(r.indicators.size(), 2u);
  ASSERT_EQ(r.reading.problems.size(), 1u);
  EXPECT_NE(r.reading.problems[0].find("普通居民122元/人/年"), std::string::npos);
}

TEST(LinearTable, ATargetWrappedAfterItsComparatorWordEndsAfterTheRow) {
  // 大于等于 / 85% wrapped in the target's cell: the row's other cells
  // stand on the word's line, and the number comes out after them.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "效益指标", "社会效益",
                   "指标1：群众政策知晓率 大于等于 98.7% 15 15", "指标", "85%", "指标2：服务对象满意率 ≥95% 96% 5 5",
                   "总分", "20"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "指标1：群众政策知晓率");
  ASSERT_TRUE(r.indicators[0].target);
  EXPECT_EQ(r.indicators[0].target->number, 85);
  EXPECT_EQ(r.indicators[0].target->comparator, ">=");
  EXPECT_EQ(r.indicators[0].actual->number, 98.7);
  EXPECT_EQ(r.indicators[0].score.declared, 15);
  EXPECT_EQ(r.indicators[1].name, "指标2：服务对象满意率");
}

TEST(LinearTable, AWrappedTargetWhoseFiguresCouldSwapIsNotRead) {
  // The actual on a line of its own: which percentage is the target's
  // would be a guess when they differ.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "效益指标", "社会效益",
                   "指标1：群众政策知晓率 大于等于", "98.7%", "15 15", "85%", "指标2：服务对象满意率 ≥95% 96% 5 5",
                   "总分", "20"});
  for (const Indicator& ind : r.indicators) {
    if (!ind.target) continue;
    EXPECT_NE(ind.target->number, 85) << ind.name;
  }
}

TEST(LinearTable, AFigureWrappedInItsParagraphIsOneCell) {
  // A cell per paragraph: 2019年12 / 月31日前 is one date, not two cells.
  Report r = Read(Concat(kHeader, {"产出指标", "", "时效指标", "", "救助资金拨付时间", "", "2019年12", "月31日前", "",
                                   "2019年12", "月21日", "", "5", "", "数量指标", "", "预计参保人数", "", "≥59000人", "",
                                   "61000人", "", "5", "", "总分", "", "10"}));
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "救助资金拨付时间");
  ASSERT_TRUE(r.indicators[0].target);
  EXPECT_EQ(r.indicators[0].target->raw, "2019年12月31日前");
  EXPECT_EQ(r.indicators[0].actual->raw, "2019年12月21日");
  EXPECT_EQ(r.indicators[0].score.declared, 5);
}

TEST(LinearTable, ANameBetweenItsRowsValuesAndScoreIsThatRows) {
  // The name's cell, centred on a row of two lines, comes out below the
  // values' line and above the score's.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分", "产出指标", "质量指标",
                   "实行专款专用、专户管理", "1人", "1人", "10", "2023年10月底 2023年10月11日", "时效指标", "支付完成时间",
                   "10", "前", "成本指标", "项目经费", "269.82万", "269.82万", "15", "总分", "35"});
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].name, "实行专款专用、专户管理");
  EXPECT_EQ(r.indicators[1].name, "支付完成时间");
  EXPECT_EQ(r.indicators[1].actual->raw, "2023年10月11日");
  EXPECT_EQ(r.indicators[1].score.declared, 10);
  EXPECT_EQ(r.indicators[2].name, "项目经费");
}

TEST(LinearTable, DatesWrappedBeforeTheirTailWordsEndAfterTheRow) {
  // 2023年11月 / 底前 wrapped in the target and actual columns: the two
  // tails come out after the row's score, in column order.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "产出指标", "时效指标",
                   "指标7：系统建设完成时 2023年11月 2023年11月 5", "5", "底前", "底前", "时效指标 间",
                   "指标8：资金拨付及时率 ≥95%", "95%", "5", "5", "总分", "10"});
  ASSERT_EQ(r.indicators.size(), 2u);
  ASSERT_TRUE(r.indicators[0].target);
  EXPECT_EQ(r.indicators[0].target->raw, "2023年11月底前");
  EXPECT_EQ(r.indicators[0].actual->raw, "2023年11月底前");
  EXPECT_EQ(r.indicators[0].score.declared, 5);
  EXPECT_EQ(r.indicators[1].name, "指标8：资金拨付及时率");
}

TEST(LinearTable, TheWrappedEndsOfWordValuesAreNoPartOfTheNextName) {
  // 一定的积极 / 作用 wrapped in the target and actual columns: the two
  // short ends come out among the name's lines and end the values.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分",
                   "生态效益 指标3：集中检查、统一 一定的积极 一定的积极", "15 15", "指标 调度对环境有一定的积", "作用",
                   "作用", "极作用", "可持续影 指标4：长效管理机制 逐步完善 逐步完善 5", "5", "响指标", "总分", "20"});
  ASSERT_EQ(r.indicators.size(), 2u);
  EXPECT_EQ(r.indicators[0].name, "指标3：集中检查、统一调度对环境有一定的积极作用");
  EXPECT_EQ(r.indicators[0].target->raw, "一定的积极作用");
  EXPECT_EQ(r.indicators[0].actual->raw, "一定的积极作用");
  EXPECT_EQ(r.indicators[1].name, "指标4：长效管理机制");
}

TEST(LinearTable, ALabelWrappedAroundOtherCellsIsALabel) {
  // 服务对象满意 … 度指标 and 满意度 … 指标: merged label cells whose halves
  // stand lines apart, the row's cells between them. The halves make the
  // labels; no name takes them.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分", "效益指标", "社会效益指标",
                   "群众政策知晓率", "≧85%", "75%", "26", "满意度 服务对象满意 定点医药机构满意度", "≧90", "≥92.4%", "10",
                   "指标", "度指标", "服务对象满意率", "≥95%", "96%", "10", "总分", "46"});
  ASSERT_EQ(r.indicators.size(), 3u);
  EXPECT_EQ(r.indicators[0].name, "群众政策知晓率");
  EXPECT_EQ(r.indicators[1].name, "定点医药机构满意度");
  EXPECT_EQ(r.indicators[1].level2, "服务对象满意度指标");
  EXPECT_EQ(r.indicators[1].level1, "满意度指标");
  EXPECT_EQ(r.indicators[2].level1, "满意度指标");
}

TEST(LinearTable, ANameFollowedByAnotherRowsValuesIsNotTakenAmongCells) {
  // A row whose score is blank, then the next row's name, bare target and
  // actual: the name and the target are that row's, not the score of the
  // row above.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分", "产出指标", "数量指标",
                   "资金拨付率", "≥95%", "96%", "预计参保人数", "350000", "350000人", "5", "总分", "5"});
  for (const Indicator& ind : r.indicators) {
    if (!ind.score.declared) continue;
    EXPECT_NE(*ind.score.declared, 350000) << ind.name;
  }
}

TEST(LinearTable, AFiguresTailWordAloneIsNoValue) {
  // The values of a row went elsewhere; its score and the tail word of its
  // wrapped date (前) are left, then a stray number: no row of them.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "得分", "产出指标", "时效指标",
                   "支付完成时间", "10", "前", "1", "成本指标", "项目经费", "269.82万", "269.82万", "15", "总分", "25"});
  for (const Indicator& ind : r.indicators) {
    ASSERT_TRUE(ind.actual);
    EXPECT_NE(ind.actual->raw, "前") << ind.name;
  }
}

TEST(LinearTable, ANamesLastLineBesideLabelPiecesIsTheNames) {
  // 指标1：定点医药机构满 / 意度: the name's last line stands at the end of a
  // line of other columns' label pieces, and reads like one of them.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分",
                   "满意度指 服务对象 指标1：定点医药机构满", "标 满意度指 意度", "≥85%", "86%", "10 10", "（10分） 标",
                   "总分", "10"});
  ASSERT_EQ(r.indicators.size(), 1u);
  EXPECT_EQ(r.indicators[0].name, "指标1：定点医药机构满意度");
}

TEST(LinearTable, AStackedFirstColumnLabelIsNoNamesLastLine) {
  // 年度 / 绩效 stacked in the first column after a name's line: label
  // pieces, not the name's.
  Report r = Read({"一级指标", "二级指标", "三级指标", "年初目标值", "实际完成值", "分值", "得分", "数量指标",
                   "指标2：政策宣传资料发放", "年度", "4200份", "4200份", "10 10", "总分", "10"});
  ASSERT_EQ(r.indicators.size(), 1u);
  EXPECT_EQ(r.indicators[0].name, "指标2：政策宣传资料发放");
}

}  // namespace
}  // namespace jixiao::form
