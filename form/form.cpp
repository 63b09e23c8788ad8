// ParseReports: segment the document into projects, read each table
// (grid or linear) and the lines around it, read each narrative, pair them,
// and name the template of each report from the profiles.

#include "form/form.h"

#include <algorithm>
#include <exception>
#include <sstream>

#include "form/cell_reader.h"
#include "form/form_lines.h"
#include "form/form_text.h"
#include "form/grid_table.h"
#include "form/linear_table.h"
#include "form/narrative.h"
#include "form/profile_detect.h"
#include "form/read_quality.h"
#include "form/segment.h"
#include "form/table_view.h"
#include "form/vocabulary_scope.h"
#include "model/flag_builder.h"

namespace jixiao {

namespace {

using form::CellReader;

struct TableReading {
  Report report;
  form::DetectInput detect;
  std::optional<Value> year_read;  // the fiscal year as the form's lines print it
  bool failed = false;  // the table could not be read at all
};

void AddPages(Report& report, const std::vector<const Block*>& blocks) {
  for (const Block* b : blocks)
    if (b != nullptr && b->page > 0) report.pages.push_back(b->page);
}

void SortPages(Report& report) {
  std::sort(report.pages.begin(), report.pages.end());
  report.pages.erase(std::unique(report.pages.begin(), report.pages.end()), report.pages.end());
}

// How many numbers stand on lines of nothing but numbers after the part's
// signature lines. Text that lists each page's cells in reading order puts
// the cells a table printed on its next page after the signature block of
// its first page; the 总分 row's figures may be among them.
int NumbersAfterSignature(const form::TablePart& part) {
  bool signed_off = false;
  int count = 0;
  for (const Block* b : part.lines) {
    if (form::IsSignatureLine(*b)) {
      signed_off = true;
      continue;
    }
    if (!signed_off) continue;
    std::istringstream words(form::Fold(b->text));
    int numbers = 0;
    bool numbers_only = true;
    for (std::string w; numbers_only && words >> w; ++numbers) numbers_only = form::IsNumberOnly(w);
    if (numbers_only) count += numbers;
  }
  return count;
}

// A blank 总分 cell: the form requires it. A 总分 row left without figures
// while more numbers follow the signature than that row has cells (分值 and
// 得分) is unread, not shown blank: the table went on past a page break.
// The reading says so and nothing is claimed about the document. As many
// numbers as the row's cells are its own: a 分值 total beside a blank 得分.
void FlagBlankTotal(Report& report, const form::TablePart& part) {
  if (!report.total.declared.blank || report.total.declared.declared) return;
  const std::string path = "/total/declared";
  constexpr int kTotalRowCells = 2;
  if (NumbersAfterSignature(part) > kTotalRowCells) {
    report.total.declared.blank = false;
    report.reading.problems.push_back("签署栏之后仍有表格的数字（表格续在下一页），总分栏未读出");
    report.flags.push_back(FlagBuilder(FlagCode::kUnreadable, Severity::kInfo, path)
                               .Message("自评表“总分”未能读出：签署栏之后还有表格的数字，总分可能在其中；请对照原件核对")
                               .Evidence(report.total.declared.where, "总分")
                               .flag());
    return;
  }
  if (std::find(report.missing_fields.begin(), report.missing_fields.end(), path) == report.missing_fields.end())
    report.missing_fields.push_back(path);
  report.flags.push_back(FlagBuilder(FlagCode::kMissingField, Severity::kError, path)
                             .Message("自评表“总分”栏为空")
                             .Evidence(report.total.declared.where, "总分")
                             .flag());
}

// Where a block stands, as values and evidence name it.
Location LocationOf(const Block& block) {
  Location where;
  where.page = block.page;
  where.bbox = block.bbox;
  where.ref = block.ref;
  where.line = block.line;
  where.column = block.column;
  return where;
}

// A table whose header names indicator columns (三级指标 / 二级指标) but from
// which no indicator was read is never silent: the reading failed, and the
// report's sums cannot be checked.
void FlagIndicatorTableNotRead(Report& report, const form::DetectInput& detect, const Block& table) {
  if (!report.indicators.empty()) return;
  const bool has_indicator_header = std::any_of(detect.folded_texts.begin(), detect.folded_texts.end(),
                                                [](const std::string& t) {
                                                  return form::Contains(t, "三级指标") || form::Contains(t, "二级指标");
                                                });
  if (!has_indicator_header) return;
  const std::string where = table.page > 0 ? "第" + std::to_string(table.page) + "页" : "文中";
  report.reading.problems.push_back(where + "的绩效指标表未读出任何指标");
  report.flags.push_back(FlagBuilder(FlagCode::kUnreadable, Severity::kWarning, "/indicators")
                             .Message(where + "的自评表列有绩效指标，但未能读出任何一行指标；请对照原件核对")
                             .Evidence(LocationOf(table), "三级指标")
                             .flag());
}

// Label cells and title lines tell the template; long text cells (goal
// descriptions, notes) could quote any label and are left out.
constexpr std::size_t kMaxLabelChars = 40;

void AddDetectText(form::DetectInput& detect, std::string folded) {
  if (!folded.empty() && form::CharCount(folded) <= kMaxLabelChars) detect.folded_texts.push_back(std::move(folded));
}

TableReading ReadTablePart(const form::TablePart& part) {
  TableReading out;
  Report& report = out.report;
  CellReader reader(&report.flags);
  const Block& first = *part.tables.front();
  std::vector<const Block*> rest(part.tables.begin() + 1, part.tables.end());
  out.detect.has_table = true;
  if (first.table.linear) {
    form::ReadLinearTable(first, rest, report, reader);
    // Labels wrap over lines here: the short lines joined count as well.
    std::string joined;
    for (const Block* b : part.tables)
      for (const Cell& c : b->table.cells) {
        std::string folded = form::Fold(c.text);
        if (form::CharCount(folded) <= kMaxLabelChars) joined += folded;
        AddDetectText(out.detect, std::move(folded));
      }
    out.detect.folded_texts.push_back(std::move(joined));
  } else {
    form::TableView view(form::JoinTableBlocks(first, rest), first.page);
    form::ReadGridTable(view, report, reader);
    for (const form::ViewCell& c : view.cells()) AddDetectText(out.detect, c.folded);
  }
  out.year_read = form::ReadFormLines(part.lines, report, reader);
  for (const Block* b : part.lines)
    if (form::IsFormTitle(*b) || form::IsFormHeaderLine(*b)) AddDetectText(out.detect, form::Fold(b->text));
  AddPages(report, part.tables);
  AddPages(report, part.lines);
  FlagBlankTotal(report, part);
  FlagIndicatorTableNotRead(report, out.detect, first);
  return out;
}

// The name a narrative part goes by when its parser found none: the quoted
// name of its first paragraph, else its opening text up to the title
// (a summary paragraph opening with the name in broken quotes). A part that
// opens with its title has none: the parser found no project in that title
// (财政项目支出绩效评价报告 names none), and taken as a name it would
// conflict with every table's name, leaving the part alone instead of
// joining the table beside it.
std::string FallbackNarrativeName(const form::NarrativePart& part) {
  if (part.paragraphs.empty()) return "";
  std::u32string text = DecodeUtf8Lossy(part.paragraphs.front()->text);
  std::size_t open = text.find(U'“');
  std::size_t close = open == std::u32string::npos ? std::u32string::npos : text.find(U'”', open + 1);
  if (open != std::u32string::npos && close != std::u32string::npos && close - open < 60)
    return EncodeUtf8(text.substr(open + 1, close - open - 1));
  if (form::IsNarrativeTitle(*part.paragraphs.front())) return "";
  std::string title;
  for (const Block* b : part.paragraphs) {
    if (form::CharCount(title) > 80) break;
    title += b->text;
    if (form::IsNarrativeTitle(*b)) break;
  }
  return title;
}

// Whether a narrative part says anything a report is made of.
bool HasSubstance(const Narrative& n) {
  return !n.project_name.empty() || n.planned || n.executed || n.self_score.declared || !n.sections.empty();
}

// A table first read with the base vocabulary whose template brings words
// of its own is read again with them.
void RereadWithTemplateWords(const std::vector<Profile>& profiles, const form::TablePart& part, TableReading& t) {
  const Profile* profile = form::DetectProfile(profiles, t.detect);
  if (profile == nullptr || !profile->vocabulary || profile->vocabulary.get() == &form::ActiveVocabulary()) return;
  form::VocabularyScope words(*profile->vocabulary);
  try {
    t = ReadTablePart(part);
  } catch (const std::exception&) {
    // The first reading stands; the part was readable with the base words.
  }
}

FormParseResult ParseUnguarded(const LayoutDocument& layout, const std::vector<Profile>& profiles) {
  FormParseResult result;
  form::VocabularyScope words(form::BaseVocabulary(profiles));
  form::Segments segments = form::SegmentDocument(layout);

  // One part that cannot be read (a dependency throwing on hostile input)
  // costs that part, not the document.
  auto part_failed = [&](const char* what, const Block* first, const std::exception* e) {
    FlagBuilder flag(FlagCode::kUnreadable, Severity::kWarning, "");
    flag.Message(std::string(what) + (e != nullptr ? std::string("：") + e->what() : std::string()));
    if (first != nullptr) flag.Evidence(LocationOf(*first), "");  // kept when it has a page or a line
    result.flags.push_back(flag.flag());
  };
  std::vector<TableReading> tables;
  std::vector<std::string> table_names;
  for (const form::TablePart& part : segments.tables) {
    try {
      tables.push_back(ReadTablePart(part));
    } catch (const std::exception& e) {
      part_failed("自评表无法解析", part.tables.front(), &e);
      tables.emplace_back();
      tables.back().failed = true;
    }
    table_names.push_back(tables.back().report.project_name);
  }
  std::vector<Narrative> narratives;
  std::vector<std::string> narrative_names;
  for (const form::NarrativePart& part : segments.narratives) {
    try {
      narratives.push_back(ParseNarrative(part.paragraphs));
    } catch (const std::exception& e) {
      part_failed("自评报告无法解析", part.paragraphs.front(), &e);
      narratives.emplace_back();
    }
    narrative_names.push_back(narratives.back().project_name.empty() ? FallbackNarrativeName(part)
                                                                     : narratives.back().project_name);
  }

  for (const form::ProjectParts& project : form::PairParts(segments, table_names, narrative_names)) {
    Report report;
    form::DetectInput detect;
    std::optional<Value> table_year;
    const bool has_table = project.table >= 0 && !tables[static_cast<std::size_t>(project.table)].failed;
    if (has_table) {
      TableReading& t = tables[static_cast<std::size_t>(project.table)];
      RereadWithTemplateWords(profiles, segments.tables[static_cast<std::size_t>(project.table)], t);
      report = std::move(t.report);
      detect = std::move(t.detect);
      table_year = std::move(t.year_read);
    }
    if (!has_table && project.narrative < 0) continue;
    if (project.narrative >= 0) {
      const Narrative& n = narratives[static_cast<std::size_t>(project.narrative)];
      if (!has_table && !HasSubstance(n)) continue;
      MergeNarrative(n, report, table_year);
      if (!has_table) {
        for (const Block* b : segments.narratives[static_cast<std::size_t>(project.narrative)].paragraphs)
          detect.folded_texts.push_back(form::Fold(b->text));
      }
    }
    if (const Profile* profile = form::DetectProfile(profiles, detect)) report.template_name = profile->name;
    form::AssessReading(report);
    SortPages(report);
    report.index = static_cast<int>(result.reports.size());
    result.reports.push_back(std::move(report));
  }

  if (result.reports.empty()) {
    result.flags.push_back(
        FlagBuilder(FlagCode::kNoReport, Severity::kError, "").Message("未找到项目绩效自评表或自评报告").flag());
  }
  return result;
}

}  // namespace

FormParseResult ParseReports(const LayoutDocument& layout, const std::vector<Profile>& profiles) {
  // Errors are values: nothing a dependency throws leaves the library.
  try {
    return ParseUnguarded(layout, profiles);
  } catch (const std::exception& e) {
    FormParseResult failed;
    failed.flags.push_back(FlagBuilder(FlagCode::kNoReport, Severity::kError, "")
                               .Message(std::string("表单解析失败：") + e.what())
                               .flag());
    return failed;
  } catch (...) {
    FormParseResult failed;
    failed.flags.push_back(FlagBuilder(FlagCode::kNoReport, Severity::kError, "").Message("表单解析失败").flag());
    return failed;
  }
}

}  // namespace jixiao
