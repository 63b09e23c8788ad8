#include "emit/emit.h"
#include "model/flag_builder.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace jixiao {
namespace {

Value Money(double yuan, const std::string& raw) {
  Value v;
  v.raw = raw;
  v.number = yuan;
  v.unit = "元";
  v.where.page = 2;
  v.where.bbox = BBox{10, 20, 30, 40};
  return v;
}

Document SampleDocument() {
  Document d;
  d.source.path = "a.pdf";
  d.source.sha256 = "abc";
  d.source.pages = 2;
  d.source.pages_info = {{1, "text", 1.0}, {2, "ocr", 0.91}};
  Report r;
  r.title = "2022年度城乡居民医保项目自评表";
  r.project_name = "城乡居民基本医疗保险区级配套资金";
  r.fiscal_year = 2022;
  Value date;
  date.raw = "2023.6.21";
  date.date = "2023-06-21";
  date.unit = "date";
  r.fill_date = date;
  r.template_name = "goal-table";
  r.budget.planned = Money(6400000, "640");
  r.budget.executed = Money(6384300, "638.43");
  r.budget.weight = 20;
  r.budget.score.declared = 18;
  r.budget.score.recomputed = 19.953125;
  r.budget.score.raw = "18";
  Indicator ind;
  ind.name = "预计参保人数";
  Value target;
  target.raw = "≥95%";
  target.number = 95;
  target.unit = "%";
  target.comparator = ">=";
  ind.target = target;
  Value per;
  per.raw = "61 元/人/年";
  per.number = 61;
  per.unit = "元";
  per.per = {"人", "年"};
  ind.actual = per;
  ind.weight = {15, "inferred", ""};
  ind.kind = "quantitative";
  ind.direction = "positive";
  r.indicators.push_back(ind);
  Value qualitative;
  qualitative.raw = "稳步提升";
  qualitative.text = "稳步提升";
  Indicator q;
  q.name = "医保经办服务能力";
  q.target = qualitative;
  q.kind = "qualitative";
  r.indicators.push_back(q);
  r.total.declared.declared = 94;
  r.total.declared.raw = "94";
  r.total.recomputed = 94;
  Section s;
  s.name = "项目决策";
  s.weight = 20;
  s.score = 20;
  s.children.push_back({"项目立项", 8, 8, "", {}, {}});
  r.sections.push_back(s);
  Flag f;
  f.code = FlagCode::kBudgetScoreMismatch;
  f.severity = Severity::kError;
  f.path = "/budget/score";
  f.message = "预算执行得分 18 与 20×min(1, 638.43/640)=19.95 不符";
  f.declared = 18;
  f.expected = 19.95;
  Location where;
  where.page = 3;
  where.bbox = BBox{400.1, 212, 455.7, 230.4};
  f.evidence.push_back(EvidenceAt(where, "18"));
  r.flags.push_back(f);
  r.pages = {1, 2};
  d.reports.push_back(r);
  return d;
}

TEST(EmitTest, WritesTheContractKeys) {
  nlohmann::json j = ToJson(SampleDocument());
  EXPECT_EQ(j["schema_version"], "2");
  EXPECT_EQ(j["source"]["pages_info"][1]["method"], "ocr");
  const nlohmann::json& r = j["reports"][0];
  EXPECT_EQ(r["fill_date"], "2023-06-21");
  EXPECT_EQ(r["template"], "goal-table");
  EXPECT_EQ(r["budget"]["planned"]["value"], 6400000);
  EXPECT_EQ(r["budget"]["planned"]["raw"], "640");
  EXPECT_EQ(r["budget"]["score"]["declared"], 18);
  EXPECT_DOUBLE_EQ(r["budget"]["score"]["recomputed"].get<double>(), 19.9531);
  EXPECT_TRUE(r["budget"]["remaining"].is_null());
  EXPECT_EQ(r["indicators"][0]["target"]["comparator"], ">=");
  EXPECT_EQ(r["indicators"][0]["actual"]["per"], nlohmann::json::array({"人", "年"}));
  EXPECT_EQ(r["indicators"][0]["weight"]["source"], "inferred");
  EXPECT_TRUE(r["indicators"][1]["target"]["value"].is_null());
  EXPECT_EQ(r["indicators"][1]["target"]["text"], "稳步提升");
  EXPECT_TRUE(r["indicators"][1]["weight"]["source"].is_null());
  EXPECT_EQ(r["total"]["declared"], 94);
  EXPECT_TRUE(r["total"]["declared_header"].is_null());
  EXPECT_EQ(r["flags"][0]["evidence"][0]["page"], 3);
  EXPECT_EQ(r["provenance"]["pages"], nlohmann::json::array({1, 2}));
}

TEST(EmitTest, ReadsBackWhatItWrites) {
  nlohmann::json first = ToJson(SampleDocument());
  Result<Document> back = DocumentFromJson(first);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(ToJson(back.value()), first);
}

TEST(EmitTest, ReadingToleratesHandEditsAndRejectsNonDocuments) {
  EXPECT_FALSE(DocumentFromJson(nlohmann::json::array()).ok());
  EXPECT_FALSE(DocumentFromJson(nlohmann::json::object()).ok());
  // Bare numbers for scored objects, the plain fill_date, nulls anywhere.
  nlohmann::json edited = nlohmann::json::parse(R"({"reports":[{"budget":{"score":17,"weight":null},
      "fill_date":"2023-01-05","indicators":[{"weight":10,"score":{"declared":null}}]}]})");
  Result<Document> d = DocumentFromJson(edited);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d.value().reports[0].budget.score.declared, 17);
  EXPECT_FALSE(d.value().reports[0].budget.weight.has_value());
  EXPECT_EQ(d.value().reports[0].fill_date->date, "2023-01-05");
  EXPECT_EQ(d.value().reports[0].indicators[0].weight.value, 10);
  EXPECT_FALSE(d.value().reports[0].indicators[0].score.declared.has_value());
}

TEST(EmitTest, RangeChangeAndPeriodAreWrittenOnlyWhenSetAndReadBack) {
  Value range;
  range.raw = "90%-95%";
  range.number = 90;
  range.unit = "%";
  range.comparator = ">=";
  range.range = Range{{90, true}, {95, false}};
  nlohmann::json j = ToJson(range);
  EXPECT_EQ(j["value"], 90);
  EXPECT_EQ(j["range"], nlohmann::json::parse(
                            R"({"lower":90,"lower_inclusive":true,"upper":95,"upper_inclusive":false})"));
  EXPECT_FALSE(j.contains("change"));
  EXPECT_FALSE(j.contains("period"));

  Value change;
  change.raw = "较上年提高2个百分点";
  change.number = 2;
  change.unit = "百分点";
  change.change = Change{"increase", "上年"};
  EXPECT_EQ(ToJson(change)["change"], nlohmann::json::parse(R"({"direction":"increase","baseline":"上年"})"));

  Value period;
  period.raw = "12月底前";
  period.number = 12;
  period.unit = "月";
  period.comparator = "<=";
  period.period = Period{std::nullopt, "--12-31"};
  EXPECT_EQ(ToJson(period)["period"], nlohmann::json::parse(R"({"from":null,"to":"--12-31"})"));

  Document d = SampleDocument();
  d.reports[0].indicators[0].target = range;
  d.reports[0].indicators[0].actual = change;
  d.reports[0].indicators[1].target = period;
  nlohmann::json first = ToJson(d);
  Result<Document> back = DocumentFromJson(first);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(ToJson(back.value()), first);
  EXPECT_EQ(back.value().reports[0].indicators[0].target->range->upper.value, 95);
  EXPECT_FALSE(back.value().reports[0].indicators[0].target->range->upper.inclusive);
}

TEST(EmitTest, AVersion1DocumentReadsAsVersion2WithoutRangesChangesOrPeriods) {
  nlohmann::json v1 = ToJson(SampleDocument());
  v1["schema_version"] = "1";
  Result<Document> d = DocumentFromJson(v1);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d.value().schema_version, "2");
  const Value& target = *d.value().reports[0].indicators[0].target;
  EXPECT_FALSE(target.range || target.change || target.period);
  // Bounds printed high to low by a hand edit are put in order; a change
  // with an unknown direction is no change.
  nlohmann::json edited = ToJson(SampleDocument());
  edited["reports"][0]["indicators"][0]["target"]["range"] = {{"lower", 100}, {"upper", 80}};
  edited["reports"][0]["indicators"][0]["actual"]["change"] = {{"direction", "sideways"}};
  Result<Document> e = DocumentFromJson(edited);
  ASSERT_TRUE(e.ok());
  const Indicator& ind = e.value().reports[0].indicators[0];
  ASSERT_TRUE(ind.target->range.has_value());
  EXPECT_EQ(ind.target->range->lower.value, 80);
  EXPECT_TRUE(ind.target->range->lower.inclusive);
  EXPECT_FALSE(ind.actual->change.has_value());
}

// A value of the wrong type is not read as null: the document is refused
// with the JSON Pointer of the first such member.
TEST(EmitTest, AValueOfTheWrongTypeIsRefusedNamingItsPath) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"reports":[{"budget":{"weight":"x"}}]})", "/reports/0/budget/weight: expected a number, found string \"x\""},
      {R"({"reports":[{"indicators":[{"score":{"declared":"n/a"}}]}]})",
       "/reports/0/indicators/0/score/declared: expected a number"},
      {R"({"reports":[{"budget":{"planned":{"raw":"640万元","value":"6400000","unit":"元"}}}]})",
       "/reports/0/budget/planned/value: expected a number"},
      {R"({"reports":[{"budget":{"planned":640}}]})", "/reports/0/budget/planned: expected an object"},
      {R"({"reports":[],"flags":[{"code":"UNREADABLE","severity":"info","evidence":[{"page":"3"}]}]})",
       "/flags/0/evidence/0/page: expected an integer"},
      {R"({"reports":[{"total":{"a/b":{},"sources":{"declared":{"page":1e30}}}}]})",
       "/reports/0/total/sources/declared/page: expected an integer"},
  };
  for (const auto& [text, message] : cases) {
    Result<Document> d = DocumentFromJson(nlohmann::json::parse(text));
    ASSERT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.status().message().rfind(message, 0), 0u) << d.status().message();
  }
  // A date is a string where the unit says so.
  Result<Document> dated = DocumentFromJson(nlohmann::json::parse(
      R"({"reports":[{"fill_date_source":{"raw":"2023年6月","value":"2023-06","unit":"date"}}]})"));
  ASSERT_TRUE(dated.ok()) << dated.status().message();
  EXPECT_EQ(dated.value().reports[0].fill_date->date, "2023-06");
}

// A fiscal year beyond an int is refused naming it, not converted (a
// hand-edited or corrupt document must not reach undefined behaviour).
TEST(EmitTest, AFiscalYearOutOfRangeIsRefusedNamingItsPath) {
  Result<Document> d = DocumentFromJson(nlohmann::json::parse(R"({"reports":[{"fiscal_year":5e12}]})"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message().rfind("/reports/0/fiscal_year: expected an integer", 0), 0u) << d.status().message();
  Result<Document> ok = DocumentFromJson(nlohmann::json::parse(R"({"reports":[{"fiscal_year":2023}]})"));
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok.value().reports[0].fiscal_year, 2023);
}

// A flag's code and severity are names of the contract: one the rules do not
// know (a typo, a code of another tool) refuses the document, naming the
// member; a flag without them is refused naming the flag.
TEST(EmitTest, AFlagWithAnUnknownCodeOrSeverityIsRefusedNamingItsPath) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"reports":[{"flags":[{"code":"TOTAL_MISMATCH","severity":"error"},{"code":"MANUAL_NOTE","severity":"info"}]}]})",
       "/reports/0/flags/1/code: expected a flag code of the output contract (docs/flags.md), found string "
       "\"MANUAL_NOTE\""},
      {R"({"reports":[],"flags":[{"code":"total_mismatch","severity":"error"}]})",
       "/flags/0/code: expected a flag code"},
      {R"({"reports":[],"flags":[{"code":7,"severity":"error"}]})", "/flags/0/code: expected a flag code"},
      {R"({"reports":[],"flags":[{"code":"UNREADABLE","severity":"fatal"}]})",
       "/flags/0/severity: expected a severity (\"error\", \"warning\" or \"info\"), found string \"fatal\""},
      {R"({"reports":[],"flags":[{"severity":"info"}]})", "/flags/0: expected a flag with a \"code\""},
      {R"({"reports":[],"flags":[{"code":"UNREADABLE","severity":null}]})",
       "/flags/0: expected a flag with a \"severity\""},
  };
  for (const auto& [text, message] : cases) {
    Result<Document> d = DocumentFromJson(nlohmann::json::parse(text));
    ASSERT_FALSE(d.ok()) << text;
    EXPECT_EQ(d.status().message().rfind(message, 0), 0u) << d.status().message();
  }
  Result<Document> known = DocumentFromJson(nlohmann::json::parse(
      R"({"reports":[{"flags":[{"code":"HEADER_TOTAL_MISMATCH","severity":"warning"}]}]})"));
  ASSERT_TRUE(known.ok()) << known.status().message();
  EXPECT_EQ(known.value().reports[0].flags[0].code, FlagCode::kHeaderTotalMismatch);
  EXPECT_EQ(known.value().reports[0].flags[0].severity, Severity::kWarning);
}

// Every code and severity is written under its contract name and read back
// as itself.
TEST(EmitTest, EveryFlagCodeAndSeverityRoundTrips) {
  for (FlagCode code : AllFlagCodes()) {
    for (Severity severity : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
      Document d;
      d.flags.push_back(FlagBuilder(code, severity, "").Message("m").flag());
      nlohmann::json j = ToJson(d);
      EXPECT_EQ(j["flags"][0]["code"], ToString(code));
      EXPECT_EQ(j["flags"][0]["severity"], ToString(severity));
      j["reports"] = nlohmann::json::array();
      Result<Document> back = DocumentFromJson(j);
      ASSERT_TRUE(back.ok()) << back.status().message();
      EXPECT_EQ(back.value().flags[0].code, code) << ToString(code);
      EXPECT_EQ(back.value().flags[0].severity, severity) << ToString(severity);
    }
  }
}

TEST(EmitTest, AtomicWriteReplacesTheFileAndLeavesNoTemporary) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("jixiao-emit-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "doc.json";
  ASSERT_TRUE(WriteFileAtomically(file.string(), "first").ok());
  ASSERT_TRUE(WriteFileAtomically(file.string(), "second").ok());
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(text.str(), "second");
  int entries = 0;
  for (auto& e : fs::directory_iterator(dir)) entries += e.is_regular_file();
  EXPECT_EQ(entries, 1);
  EXPECT_FALSE(WriteFileAtomically((dir / "missing" / "x.json").string(), "x").ok());
  fs::remove_all(dir);
}

TEST(EmitTest, LayoutTextListsPagesParagraphsAndCells) {
  LayoutDocument layout;
  layout.pages.push_back({1, "ocr", 0.875, 595, 842});
  layout.problems.push_back({FlagCode::kUnreadable, "page 2 is blank", 2});
  Block para;
  para.page = 1;
  para.bbox = BBox{10, 20, 110, 40};
  para.confidence = 0.9;
  para.text = "填报日期：\n2023年4月";
  layout.blocks.push_back(para);
  Block table;
  table.kind = Block::Kind::kTable;
  table.page = 1;
  table.table.rows = 1;
  table.table.cols = 3;
  table.table.cells.push_back({0, 0, 1, 2, "预算数", BBox{0, 0, 50, 10}, 0.5, 0, ""});
  table.table.cells.push_back({0, 2, 1, 1, "90.7", std::nullopt, 1.0, 2, ""});
  layout.blocks.push_back(table);
  const std::string text = LayoutAsText(layout);
  EXPECT_NE(text.find("page 1 ocr confidence 0.88 size 595x842 pt\n"), std::string::npos) << text;
  EXPECT_NE(text.find("problem page 2 UNREADABLE: page 2 is blank\n"), std::string::npos) << text;
  EXPECT_NE(text.find("#0 p1 [10.0,20.0,110.0,40.0] 0.90 paragraph: 填报日期：⏎2023年4月\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("#1 p1 [-] 1.00 table 1x3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  r0 c0 span 1x2 [0.0,0.0,50.0,10.0] 0.50: 预算数\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  r0 c2 p2 [-] 1.00: 90.7\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace jixiao
