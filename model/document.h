// The output data model: Document -> Report -> Indicator / Value / Flag.
//
// These structs mirror the output contract (docs in schema/ and
// ../shared/docs/output-contract.md); emit/ serializes them. Conventions:
// - money is in yuan (元), percentages in percent units, scores in points;
// - every Value keeps the text it came from in `raw` and where it stood;
// - std::nullopt / empty string mean "not stated in the document";
// - a value that could not be read is nullopt *and* has an UNREADABLE flag.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/flag_code.h"
#include "model/geometry.h"

namespace jixiao {

// Version of the output contract this model writes. Version 2 added a
// Value's `range`, `change` and `period`; a version 1 document reads as a
// version 2 one with none of them.
inline constexpr const char* kSchemaVersion = "2";

// One end of a range, in the Value's unit. Inclusive unless the text says
// otherwise ("≥95%且<100%", "(不含80%)").
struct Bound {
  double value = 0;
  bool inclusive = true;
};

// A figure printed as two bounds: 90%-95%, 3-5个工作日, ≥95%且≤100%,
// 100-80%. Invariant: lower.value <= upper.value (a range printed high to
// low is stored low to high).
struct Range {
  Bound lower;
  Bound upper;
};

// A figure that is a change against a baseline: 下降3%, 较上年提高2个百分点.
// The Value's number is the size of the change (>= 0); the sign is here.
struct Change {
  std::string direction;                // "increase" or "decrease"
  std::optional<std::string> baseline;  // "上年", "上年同期", "2022年"...; null = not printed
};

// A span of time: 2023年1-12月, 2021年9月至2022年2月底, 12月底前. Each end is
// ISO ("YYYY", "YYYY-MM", "YYYY-MM-DD"), or "--MM" / "--MM-DD" when the
// year is not printed; null = open on that side.
struct Period {
  std::optional<std::string> from;
  std::optional<std::string> to;
};

// One normalized figure. Exactly one of `number` / `date` is set when the
// text held a readable figure; neither when it is qualitative or unreadable
// (then `text` keeps the words). `range`, `change` and `period` are set only
// beside a figure, and say what the single figure leaves out: a range's
// number is its lower bound (comparator ">=", or ">" when that bound is
// exclusive); a period's date is its end; a change's number is its size.
struct Value {
  std::string raw;                      // the text as printed
  std::optional<double> number;         // money in 元, percent in %, counts...
  std::optional<std::string> date;      // ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD"
  std::optional<std::string> unit;      // "元", "%", "人", "date", ...; null = none
  std::optional<std::string> comparator;  // ">=", ">", "<=", "<", "=" or null
  std::vector<std::string> per;         // denominators: 元/人/年 -> {"人","年"}
  std::optional<std::string> text;      // set when there is no figure
  std::optional<Range> range;           // two bounds printed
  std::optional<Change> change;         // a rise or fall against a baseline
  std::optional<Period> period;         // a span of time
  Location where;
  double confidence = 1.0;              // 0..1 (OCR)

  bool has_figure() const { return number.has_value() || date.has_value(); }
};

// A number printed by the form (a score, a total) next to what the rules give.
struct ScoredNumber {
  std::optional<double> declared;
  std::optional<double> recomputed;
  std::string raw;                      // printed text of the declared figure
  Location where;
  bool blank = false;                   // the cell exists but is empty
  double confidence = 1.0;              // 0..1 (OCR) of the declared figure's reading
};

// One way a message points back into the document.
struct Evidence {
  int page = 0;
  std::optional<BBox> bbox;
  std::string text;
  std::string ref;                      // Location::ref of the place, or empty
  std::optional<double> confidence;     // of the figure's reading, when it is known (OCR)
  int line = 0;                         // text inputs: 1-based line, column; 0 = unknown
  int column = 0;
};

// Evidence at `where`, the place's parts copied, with the printed `text`.
inline Evidence EvidenceAt(const Location& where, std::string text) {
  Evidence e;
  e.page = where.page;
  e.bbox = where.bbox;
  e.text = std::move(text);
  e.ref = where.ref;
  e.line = where.line;
  e.column = where.column;
  return e;
}

// A contradiction or problem, with what the document says and what the
// rules give. `declared`/`expected` are numbers, or text for dates. Made by
// FlagBuilder (model/flag_builder.h), or read back by emit/.
struct Flag {
  FlagCode code = FlagCode::kUnreadable;  // e.g. FlagCode::kBudgetScoreMismatch
  Severity severity = Severity::kInfo;
  std::string path;                     // JSON Pointer into the report
  std::string message;                  // for a Chinese-reading auditor
  std::optional<double> declared;
  std::optional<double> expected;
  std::optional<std::string> declared_text;
  std::optional<std::string> expected_text;
  std::vector<Evidence> evidence;
};

struct Weight {
  std::optional<double> value;
  std::string source;                   // "column", "group", "inferred" or "" (null)
  std::string raw;
};

struct Indicator {
  std::string level1;                   // 一级指标: 产出指标 / 效益指标 / 满意度指标
  std::string level2;                   // 二级指标: 数量指标 ...
  std::string name;                     // 三级指标
  std::optional<Value> target;          // 年初目标值 (A)
  std::optional<Value> actual;          // 实际完成值 (B)
  std::optional<Value> ratio;           // printed completion ratio (完成率), if any
  std::optional<double> ratio_recomputed;
  Weight weight;
  ScoredNumber score;
  std::string kind;                     // "quantitative" or "qualitative"
  std::string direction;                // "positive", "reverse", "equal" or "" (null)
  int group = -1;                       // index into Report::groups, -1 = none
  std::string deviation_note;           // 偏差原因分析 when printed per row
  Location where;
};

// A printed group of indicators with one weight: 产出指标(40分),
// 年度绩效目标1(70分). `score` is set when the form prints one merged score.
struct Group {
  std::string label;
  std::string level1;
  std::optional<double> weight;
  std::string weight_raw;
  ScoredNumber score;
  std::vector<int> indicators;          // indices into Report::indicators
  Location where;
};

// Budget execution: 预算数 (A), 执行数 (B), 执行率, 得分.
struct Budget {
  std::optional<Value> planned;
  std::optional<Value> executed;
  std::optional<Value> remaining;       // 结余 / 剩余, as stated
  std::optional<Value> initial;         // 年初预算数 / 审核额度, when stated
  std::optional<Value> reduction;       // 缩减, when stated
  std::optional<Value> rate;            // declared execution rate
  std::optional<double> rate_recomputed;
  std::optional<double> weight;         // 20, 10, or null (narrative forms)
  ScoredNumber score;
};

struct Total {
  ScoredNumber declared;                // bottom 总分
  ScoredNumber declared_header;         // 总分 in the header line
  ScoredNumber self_score_text;         // narrative 自评得分
  std::optional<double> recomputed;
};

// A narrative form's scored section: 项目决策 满分20分 得分20分.
struct Section {
  std::string name;
  std::optional<double> weight;         // 满分
  std::optional<double> score;          // 得分
  std::string raw;
  Location where;
  std::vector<Section> children;
};

// Relations the document states, checked by score/.
struct RateStatement {                  // 预算数 X，执行数 Y，执行率 Z
  std::optional<Value> planned, executed, rate;
  std::string raw;
  Location where;
};
struct UnitPrice {                      // N 人 × X 元/人 = Y 元
  Value count, unit_amount, amount;
  std::string raw;
  Location where;
};
struct Component {                      // total = part1 + part2 + ...
  Value total;
  std::vector<Value> parts;
  std::string label;                    // what is summed, e.g. "executed"
  std::string raw;
  Location where;
};
struct CrossRef {                       // one quantity printed in several places
  std::string quantity;                 // "planned", "executed", "rate", "self_score", ...
  std::vector<Value> mentions;          // each with raw and where
};
struct DateFact {
  std::string role;                     // "signature", "fill", "cutoff", "deadline"
  Value date;
  std::string raw;                      // the sentence or label it came from
};
struct Facts {
  std::vector<RateStatement> rate_statements;
  std::vector<UnitPrice> unit_prices;
  std::vector<Component> components;
  std::vector<CrossRef> cross_refs;
  std::vector<DateFact> dates;
};

// How completely a report was read: what the severity of its flags rests
// on. `problems` are what the form reader saw go wrong (a group's weight
// label glued into an indicator's name, an indicator row with no figure);
// `structure_problems` are what score/ finds on each run (printed weights
// that do not add up to the form total although each was read) and are
// recomputed, never accumulated. A flag that sums over rows or groups is an
// error only when both lists are empty; a flag whose figure was read with a
// confidence below kDoubtfulConfidence is at most a warning.
struct ReadQuality {
  int indicators_read = 0;
  int figures = 0;                      // figures read in the report's table
  int doubtful_figures = 0;             // of those, read below kDoubtfulConfidence
  double min_confidence = 1.0;          // the least confident figure read
  std::vector<std::string> problems;
  std::vector<std::string> structure_problems;

  bool complete() const { return problems.empty() && structure_problems.empty(); }
};

// Below this confidence a figure may be misread: a contradiction resting on
// it is a warning, not an error.
inline constexpr double kDoubtfulConfidence = 0.8;

struct Report {
  int index = 0;
  std::string title;
  std::string project_name;
  std::string department;               // 主管部门
  std::string implementing_unit;        // 项目实施单位 / 项目单位
  std::optional<int> fiscal_year;
  std::optional<Value> fill_date;       // date Value; ISO string in `date`
  std::string template_name;            // profile applied, e.g. "goal-table"
  Budget budget;
  std::vector<Indicator> indicators;
  std::vector<Group> groups;
  std::optional<double> form_weight_total;  // 分值 printed in the 总分 row
  Total total;
  std::vector<Section> sections;
  Facts facts;
  std::vector<std::string> missing_fields;  // JSON pointers of blank required cells
  std::vector<Flag> flags;
  std::vector<int> pages;               // 1-based pages it came from
  ReadQuality reading;
};

struct PageSource {
  int page = 0;
  std::string method;                   // "text", "ocr" or "plain"
  double confidence = 1.0;
};

struct Source {
  std::string path;
  std::string sha256;
  int pages = 0;
  std::vector<PageSource> pages_info;
  std::string encoding;                 // text inputs: character set detected or given
};

struct Document {
  std::string schema_version = kSchemaVersion;
  Source source;
  std::vector<Report> reports;
  std::vector<Flag> flags;              // document-level flags
};

}  // namespace jixiao
