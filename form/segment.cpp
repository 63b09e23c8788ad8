#include "form/segment.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "form/form_lines.h"
#include "form/form_text.h"
#include "form/grid_table.h"
#include "form/labels.h"
#include "form/table_view.h"

namespace jixiao::form {

namespace {

constexpr double kNameMatch = 0.6;      // names of one project
constexpr double kStrongNameMatch = 0.85;
constexpr int kMaxTitleFragments = 3;

std::string AllFolded(const Table& table) {
  std::string all;
  for (const Cell& c : table.cells) all += Fold(c.text) + "\n";
  return all;
}

bool LinearIsScoring(const Table& table) {
  std::string all = AllFolded(table);
  if (Contains(all, "三级指标") || Contains(all, "一级指标")) return true;
  return (Contains(all, "预算数") || Contains(all, "预算")) && (Contains(all, "执行数") || Contains(all, "执行率"));
}

// The rest of a table printed on the next page: no 项目名称, no budget
// header, and something of a scoring table (总分, 指标, 偏差 rows).
bool IsContinuationBlock(const Block& block) {
  if (block.kind != Block::Kind::kTable) return false;
  std::string all = AllFolded(block.table);
  if (Contains(all, "项目名称")) return false;
  bool scoring_part = Contains(all, "总分") || Contains(all, "指标") || Contains(all, "偏差") || Contains(all, "改进措施");
  if (!scoring_part) return false;
  if (block.table.linear) return !Contains(all, "执行数");
  TableView view(block.table, block.page);
  return LooksLikeContinuation(view);
}

// Title lines that belong above a report title: the project or the year
// printed on the line before "2020 年度绩效自评报告". After another
// narrative only these are taken (its last lines may be its signature).
bool TitleWantsFragment(const Block& title, const Block& fragment) {
  std::string t = Fold(title.text);
  std::string f = Fold(fragment.text);
  bool title_starts_with_year = !t.empty() && t[0] >= '0' && t[0] <= '9';
  return title_starts_with_year || EndsWith(f, "年度") || EndsWith(f, "年");
}

bool IsAttachmentMark(const Block& b) {
  std::string f = Fold(b.text);
  return StartsWith(f, "附件") && CharCount(f) <= 5;
}

// Whether the header lines at the end of `lines` include an 附件 N mark.
bool TrailingHeaderLinesHaveAttachmentMark(const std::vector<const Block*>& lines) {
  for (std::size_t k = lines.size(); k-- > 0;) {
    if (!IsFormHeaderLine(*lines[k])) return false;
    if (IsAttachmentMark(*lines[k])) return true;
  }
  return false;
}


}  // namespace

bool IsScoringTableBlock(const Block& block) {
  if (block.kind != Block::Kind::kTable) return false;
  if (block.table.linear) return LinearIsScoring(block.table);
  return IsScoringTable(TableView(block.table, block.page));
}

namespace {

// Cuts the blocks of a document into table parts and narrative parts, in
// the order they come: a form title or a scoring table opens a table part,
// a narrative title or a summary paragraph a narrative part. Parts whose
// table never came are still in `s_`; DropTablelessParts removes them.
class Segmenter {
 public:
  void Add(const Block& block);
  Segments& segments() { return s_; }

 private:
  enum class Current { kNone, kTable, kNarrative };

  // Paragraph list of the part being built (the preface before the first part).
  std::vector<const Block*>* CurrentList() {
    if (current_ == Current::kTable) return &s_.tables.back().lines;
    if (current_ == Current::kNarrative) return &s_.narratives.back().paragraphs;
    return &preface_;
  }
  // Moves the trailing paragraphs of the current part that satisfy `take`
  // (at most `limit`) to `into`, keeping their order.
  template <typename Take>
  void TakeTrailing(std::vector<const Block*>& into, int limit, Take take) {
    std::vector<const Block*>* list = CurrentList();
    if (list == nullptr) return;
    // A narrative keeps at least its title; a table part the lines before
    // its table.
    std::size_t keep = current_ == Current::kNone ? 0 : 1;
    if (current_ == Current::kTable && !s_.tables.back().tables.empty()) keep = s_.tables.back().lines_before_table;
    std::vector<const Block*> moved;
    while (list->size() > keep && static_cast<int>(moved.size()) < limit && take(*list->back())) {
      moved.push_back(list->back());
      list->pop_back();
    }
    std::reverse(moved.begin(), moved.end());
    into.insert(into.begin(), moved.begin(), moved.end());
  }
  void StartTable();
  void AddParagraph(const Block& block);
  void AddTable(const Block& block);

  Segments s_;
  Current current_ = Current::kNone;
  bool awaiting_table_ = false;        // a form title seen, its table not yet
  std::vector<const Block*> preface_;  // before the first part: document-level
};

void Segmenter::StartTable() {
  TablePart part;
  // Signature lines printed below a table sign that table, unless an
  // attachment mark (附件 1) among them opens the next form; other header
  // lines (a year line) left at the end of the part open the next form.
  const bool after_table = current_ == Current::kTable && !s_.tables.back().tables.empty() &&
                           !TrailingHeaderLinesHaveAttachmentMark(s_.tables.back().lines);
  TakeTrailing(part.lines, 8,
               [&](const Block& b) { return IsFormHeaderLine(b) && !(after_table && IsSignatureLine(b)); });
  // Lines above an attachment mark (附件 1) sign the form before it.
  for (std::size_t k = part.lines.size(); k-- > 0;) {
    if (!IsAttachmentMark(*part.lines[k])) continue;
    if (std::vector<const Block*>* list = CurrentList())
      list->insert(list->end(), part.lines.begin(), part.lines.begin() + static_cast<std::ptrdiff_t>(k));
    part.lines.erase(part.lines.begin(), part.lines.begin() + static_cast<std::ptrdiff_t>(k));
    break;
  }
  s_.tables.push_back(std::move(part));
  s_.order.push_back({true, static_cast<int>(s_.tables.size()) - 1});
  current_ = Current::kTable;
}

void Segmenter::AddParagraph(const Block& block) {
  if (IsFormTitle(block)) {
    StartTable();
    s_.tables.back().lines.push_back(&block);
    awaiting_table_ = true;
    return;
  }
  bool summary = IsSummaryParagraph(block);
  if (summary || IsNarrativeTitle(block)) {
    NarrativePart part;
    part.summary = summary;
    if (!summary)
      TakeTrailing(part.paragraphs, kMaxTitleFragments, [&](const Block& b) {
        return IsTitleFragment(b) && (current_ != Current::kNarrative || TitleWantsFragment(block, b));
      });
    part.paragraphs.push_back(&block);
    // A form title seen without its table stays with its part.
    if (current_ == Current::kTable && s_.tables.back().tables.empty()) {
      std::vector<const Block*>& lines = s_.tables.back().lines;
      part.paragraphs.insert(part.paragraphs.begin(), lines.begin(), lines.end());
      s_.tables.pop_back();
      s_.order.pop_back();
    }
    s_.narratives.push_back(std::move(part));
    s_.order.push_back({false, static_cast<int>(s_.narratives.size()) - 1});
    current_ = Current::kNarrative;
    awaiting_table_ = false;
    return;
  }
  CurrentList()->push_back(&block);
}

void Segmenter::AddTable(const Block& block) {
  bool scoring = IsScoringTableBlock(block);
  if (current_ == Current::kTable && awaiting_table_ && scoring) {
    s_.tables.back().lines_before_table = s_.tables.back().lines.size();
    s_.tables.back().tables.push_back(&block);
    awaiting_table_ = false;
    return;
  }
  if (current_ == Current::kTable && !awaiting_table_ && !s_.tables.back().tables.empty() &&
      IsContinuationBlock(block)) {
    s_.tables.back().tables.push_back(&block);
    return;
  }
  if (!scoring) return;  // document-level (a list of projects)
  StartTable();
  s_.tables.back().lines_before_table = s_.tables.back().lines.size();
  s_.tables.back().tables.push_back(&block);
  awaiting_table_ = false;
}

void Segmenter::Add(const Block& block) {
  if (block.kind == Block::Kind::kParagraph) {
    AddParagraph(block);
    return;
  }
  if (block.kind != Block::Kind::kTable) return;
  AddTable(block);
}

// Drop table parts whose table never came; their lines go back to the
// part before them when that is a narrative.
Segments DropTablelessParts(Segments& s) {
  Segments out;
  std::map<int, int> table_index;
  for (const PartRef& ref : s.order) {
    if (ref.table) {
      TablePart& part = s.tables[static_cast<std::size_t>(ref.index)];
      if (part.tables.empty()) {
        if (!out.order.empty() && !out.order.back().table) {
          auto& paras = out.narratives[static_cast<std::size_t>(out.order.back().index)].paragraphs;
          paras.insert(paras.end(), part.lines.begin(), part.lines.end());
        }
        continue;
      }
      out.tables.push_back(std::move(part));
      out.order.push_back({true, static_cast<int>(out.tables.size()) - 1});
    } else {
      out.narratives.push_back(std::move(s.narratives[static_cast<std::size_t>(ref.index)]));
      out.order.push_back({false, static_cast<int>(out.narratives.size()) - 1});
    }
  }
  return out;
}

}  // namespace

Segments SegmentDocument(const LayoutDocument& layout) {
  Segmenter segmenter;
  for (const Block& block : layout.blocks) segmenter.Add(block);
  return DropTablelessParts(segmenter.segments());
}

namespace {

// Project name `i` of `names`, "" when there is none.
const std::string& NameAt(const std::vector<std::string>& names, int i) {
  static const std::string kEmpty;
  return i >= 0 && static_cast<std::size_t>(i) < names.size() ? names[static_cast<std::size_t>(i)] : kEmpty;
}

// Table parts and narrative parts being paired, by the passes below in
// order: by name, runs side by side, single neighbours.
class PartPairing {
 public:
  PartPairing(const Segments& segments, const std::vector<std::string>& table_names,
              const std::vector<std::string>& narrative_names)
      : segments_(segments), table_names_(table_names), narrative_names_(narrative_names) {
    for (std::size_t k = 0; k < segments_.order.size(); ++k) {
      const PartRef& ref = segments_.order[k];
      (ref.table ? pos_table_ : pos_narrative_)[static_cast<std::size_t>(ref.index)] = static_cast<int>(k);
    }
  }

  void PairByName();
  void PairRuns();
  void PairNeighbours();
  std::vector<ProjectParts> Projects() const;

 private:
  // A run of table parts or of narrative parts next to each other.
  struct Run {
    bool table;
    std::size_t begin, end;  // into order
  };

  void Pair(int t, int n) {
    narrative_of_[static_cast<std::size_t>(t)] = n;
    table_of_[static_cast<std::size_t>(n)] = t;
  }
  void AlignRuns(const Run& tr, const Run& nr);

  const Segments& segments_;
  const std::vector<std::string>& table_names_;
  const std::vector<std::string>& narrative_names_;
  const int nt_ = static_cast<int>(segments_.tables.size());
  const int nn_ = static_cast<int>(segments_.narratives.size());
  std::vector<int> table_of_ = std::vector<int>(static_cast<std::size_t>(nn_), -1);      // per narrative
  std::vector<int> narrative_of_ = std::vector<int>(static_cast<std::size_t>(nt_), -1);  // per table
  std::vector<int> pos_table_ = std::vector<int>(static_cast<std::size_t>(nt_), 0);      // places in order
  std::vector<int> pos_narrative_ = std::vector<int>(static_cast<std::size_t>(nn_), 0);
};

// (1) by name: strong matches before weak ones, then nearer pairs, then
// more similar names (the same project may be named twice in a document,
// once in its own narrative next to its table).
void PartPairing::PairByName() {
  std::vector<std::tuple<int, int, double, int, int>> candidates;  // -strong, distance, -similarity, t, n
  for (int t = 0; t < nt_; ++t)
    for (int n = 0; n < nn_; ++n) {
      double sim = NameSimilarity(NameAt(table_names_, t), NameAt(narrative_names_, n));
      if (sim >= kNameMatch)
        candidates.emplace_back(sim >= kStrongNameMatch ? -1 : 0, std::abs(pos_table_[t] - pos_narrative_[n]), -sim, t, n);
    }
  std::sort(candidates.begin(), candidates.end());
  for (const auto& [strong, distance, neg_sim, t, n] : candidates) {
    (void)strong;
    (void)distance;
    (void)neg_sim;
    if (narrative_of_[static_cast<std::size_t>(t)] < 0 && table_of_[static_cast<std::size_t>(n)] < 0) Pair(t, n);
  }
}

// (2) runs side by side (a list of summaries, then the tables): an
// order-keeping alignment that pairs as many as it can, the most similar
// names where one run is longer, and keeps the pairs (1) found.
void PartPairing::PairRuns() {
  std::vector<Run> runs;
  for (std::size_t k = 0; k < segments_.order.size(); ++k) {
    if (runs.empty() || runs.back().table != segments_.order[k].table)
      runs.push_back({segments_.order[k].table, k, k + 1});
    else
      runs.back().end = k + 1;
  }
  for (std::size_t r = 0; r + 1 < runs.size(); ++r) {
    const Run& tr = runs[r].table ? runs[r] : runs[r + 1];
    const Run& nr = runs[r].table ? runs[r + 1] : runs[r];
    const std::size_t lt = tr.end - tr.begin, ln = nr.end - nr.begin;
    if (lt < 2 || ln < 2) continue;
    AlignRuns(tr, nr);
  }
}

// The alignment of a table run `tr` and a narrative run `nr` of two parts
// or more each.
void PartPairing::AlignRuns(const Run& tr, const Run& nr) {
  const Segments& segments = segments_;
  const std::size_t lt = tr.end - tr.begin, ln = nr.end - nr.begin;
  auto score = [&](std::size_t i, std::size_t j) -> double {  // narrative i, table j of the runs
    int n = segments.order[nr.begin + i].index;
    int t = segments.order[tr.begin + j].index;
    int t_of = table_of_[static_cast<std::size_t>(n)];
    int n_of = narrative_of_[static_cast<std::size_t>(t)];
    if (t_of == t) return 10.0;
    if (t_of >= 0 || n_of >= 0) return -1e9;
    return 0.5 + NameSimilarity(NameAt(table_names_, t), NameAt(narrative_names_, n));
  };
  std::vector<std::vector<double>> best(ln + 1, std::vector<double>(lt + 1, 0.0));
  for (std::size_t i = 1; i <= ln; ++i)
    for (std::size_t j = 1; j <= lt; ++j)
      best[i][j] = std::max({best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + score(i - 1, j - 1)});
  for (std::size_t i = ln, j = lt; i > 0 && j > 0;) {
    if (best[i][j] == best[i - 1][j]) {
      --i;
    } else if (best[i][j] == best[i][j - 1]) {
      --j;
    } else {
      Pair(segments.order[tr.begin + j - 1].index, segments.order[nr.begin + i - 1].index);
      --i;
      --j;
    }
  }
}

// (3) single neighbours, on the side the named pairs show.
void PartPairing::PairNeighbours() {
  const Segments& segments = segments_;
  int table_first = 0;
  for (int t = 0; t < nt_; ++t) {
    int n = narrative_of_[static_cast<std::size_t>(t)];
    if (n >= 0) table_first += pos_table_[t] < pos_narrative_[n] ? 1 : -1;
  }
  for (std::size_t k = 0; k < segments.order.size(); ++k) {
    const PartRef& ref = segments.order[k];
    if (ref.table || table_of_[static_cast<std::size_t>(ref.index)] >= 0) continue;
    const int n = ref.index;
    auto candidate = [&](std::size_t at) -> int {
      if (at >= segments.order.size() || !segments.order[at].table) return -1;
      int t = segments.order[at].index;
      if (narrative_of_[static_cast<std::size_t>(t)] >= 0) return -1;
      const std::string& tn = NameAt(table_names_, t);
      const std::string& nn_name = NameAt(narrative_names_, n);
      if (NamesConflict(tn, nn_name)) return -1;
      return t;
    };
    int before = k > 0 ? candidate(k - 1) : -1;
    int after = candidate(k + 1);
    int chosen = -1;
    if (before >= 0 && after >= 0) {
      double sb = NameSimilarity(NameAt(table_names_, before), NameAt(narrative_names_, n));
      double sa = NameSimilarity(NameAt(table_names_, after), NameAt(narrative_names_, n));
      if (sb != sa) chosen = sb > sa ? before : after;
      else chosen = table_first > 0 ? before : after;
    } else {
      chosen = before >= 0 ? before : after;
    }
    if (chosen >= 0) Pair(chosen, n);
  }
}

// The projects in document order of their first part.
std::vector<ProjectParts> PartPairing::Projects() const {
  std::vector<ProjectParts> projects;
  for (const PartRef& ref : segments_.order) {
    if (ref.table) {
      int n = narrative_of_[static_cast<std::size_t>(ref.index)];
      if (n >= 0 && pos_narrative_[n] < pos_table_[ref.index]) continue;  // emitted with its narrative
      projects.push_back({ref.index, n});
    } else {
      int t = table_of_[static_cast<std::size_t>(ref.index)];
      if (t >= 0 && pos_table_[t] < pos_narrative_[ref.index]) continue;  // emitted with its table
      projects.push_back({t, ref.index});
    }
  }
  return projects;
}

}  // namespace

std::vector<ProjectParts> PairParts(const Segments& segments, const std::vector<std::string>& table_names,
                                    const std::vector<std::string>& narrative_names) {
  PartPairing pairing(segments, table_names, narrative_names);
  pairing.PairByName();
  pairing.PairRuns();
  pairing.PairNeighbours();
  return pairing.Projects();
}

}  // namespace jixiao::form
