#include "summary/summary.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "emit/emit.h"

namespace jixiao {
namespace {

Report TwoIndicatorReport(const std::string& name) {
  Report r;
  r.project_name = name;
  r.total.declared.declared = 93.5;
  r.total.declared.raw = "93.5分";
  r.total.declared.where.line = 57;
  Indicator scored;
  scored.name = "参保人数";
  scored.weight.value = 20;
  scored.score.recomputed = 18.2;
  Indicator unweighted;
  unweighted.name = "满意度";
  r.indicators = {scored, unweighted};
  return r;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(SummaryTest, DisplayWidthCountsCjkAsTwoColumns) {
  EXPECT_EQ(DisplayWidth("abc"), 3);
  EXPECT_EQ(DisplayWidth("项目a"), 5);
  EXPECT_EQ(DisplayWidth("（１）"), 6);   // full-width forms
  EXPECT_EQ(DisplayWidth("e\u0301"), 1);  // combining acute accent
}

TEST(SummaryTest, ColumnsLineUpByDisplayWidthAndTheRecomputedTotalKeepsThePrintedPrecision) {
  Document doc;
  doc.source.path = "in/report.txt";
  Report narrow = TwoIndicatorReport("Road repair");
  narrow.total.recomputed = 97.858;
  Report wide = TwoIndicatorReport("城乡居民基本医疗保险");
  wide.total.recomputed = 90.04;
  doc.reports = {narrow, wide};
  const std::vector<std::string> lines = Lines(Summarize({{"out/report.json", doc}}));
  ASSERT_GE(lines.size(), 4u);
  // Header and both rows put the recomputed column at the same display column.
  const std::string& a = lines[2];
  const std::string& b = lines[3];
  EXPECT_NE(a.find("97.9"), std::string::npos) << a;
  EXPECT_NE(b.find("90.0"), std::string::npos) << b;
  EXPECT_EQ(DisplayWidth(a.substr(0, a.find("97.9"))), DisplayWidth(b.substr(0, b.find("90.0")))) << a << "\n" << b;
  EXPECT_NE(a.find("93.5 line 57"), std::string::npos) << a;
}

TEST(SummaryTest, ATotalNotRecomputedSaysWhy) {
  Document doc;
  doc.reports = {TwoIndicatorReport("项目")};
  Flag page;
  page.code = FlagCode::kUnreadable;
  page.severity = Severity::kWarning;
  page.message = "第 3 页无法识读";
  Location third;
  third.page = 3;
  page.evidence.push_back(EvidenceAt(third, ""));
  doc.flags = {page};
  const std::string text = Summarize({{"doc.json", doc}});
  EXPECT_NE(text.find("not recomputed: 1 of 2 indicators without a recomputed score (first 满意度: weight unknown)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("document warning UNREADABLE"), std::string::npos) << text;
  EXPECT_NE(text.find("p.3"), std::string::npos) << text;
}

TEST(SummaryTest, ReadsJsonLinesAndNamesTheLineThatIsNotADocument) {
  Document doc;
  doc.reports = {TwoIndicatorReport("项目")};
  const std::string line = ToJson(doc).dump();
  SummaryRead read = ReadSummaryInputs(line + "\n\nnot json\n" + line + "\n", "docs.jsonl");
  ASSERT_EQ(read.documents.size(), 2u);
  EXPECT_EQ(read.documents[0].label, "docs.jsonl:1");
  EXPECT_EQ(read.documents[1].label, "docs.jsonl:4");
  ASSERT_EQ(read.errors.size(), 1u);
  EXPECT_EQ(read.errors[0], "docs.jsonl:3: not valid JSON");

  SummaryRead single = ReadSummaryInputs(ToJson(doc).dump(2), "doc.json");
  ASSERT_EQ(single.documents.size(), 1u);
  EXPECT_EQ(single.documents[0].label, "doc.json");
}

}  // namespace
}  // namespace jixiao
