#include "form/grid_table.h"

#include <algorithm>
#include <map>
#include <set>

#include "form/form_text.h"
#include "form/indicator_rules.h"
#include "form/labels.h"

namespace jixiao::form {

namespace {

PrintedText Printed(const ViewCell& c) { return {c.text, c.where, c.confidence}; }

bool HasCjk(std::string_view text) {
  for (char32_t c : DecodeUtf8Lossy(text))
    if (IsCjk(c)) return true;
  return false;
}

// A value cell: a figure, a not-applicable mark, or a short CJK phrase in a
// value column. Labels are the other cells.
bool IsFigureCell(const ViewCell& c) { return LooksLikeFigure(c.folded) || IsNotApplicable(c.folded); }

// A header cell and the columns it covers.
template <class Kind>
struct Header {
  Kind kind;
  const ViewCell* cell = nullptr;
  int col = 0;
  int last_col = 0;
};

// The row's cells moved together by the one column offset that puts every
// cell under a distinct header and fits them best (OCR text that lost a
// row's leading empty cells starts the row several columns right of its
// header); empty when no offset puts every cell under a header, or the row
// has a single cell, which any offset would place.
template <class Kind, class Fits>
std::map<Kind, const ViewCell*> ShiftedUnderHeaders(const std::vector<Header<Kind>>& headers,
                                                    const std::vector<const ViewCell*>& values, Fits fits) {
  std::map<Kind, const ViewCell*> best;
  int best_score = 0;
  if (values.size() < 2 || headers.empty()) return best;  // one cell could go anywhere
  const int span = headers.back().last_col + values.back()->col;
  for (int offset = -span; offset <= span; ++offset) {
    if (offset == 0) continue;
    std::map<Kind, const ViewCell*> placed;
    std::set<std::size_t> used;
    int score = 0;
    for (const ViewCell* v : values) {
      const int col = v->col - offset;
      std::size_t h = 0;
      while (h < headers.size() && !(col >= headers[h].col && col <= headers[h].last_col)) ++h;
      if (h == headers.size() || used.count(h)) break;
      used.insert(h);
      placed[headers[h].kind] = v;
      score += fits(headers[h].kind, *v);
    }
    if (placed.size() != values.size()) continue;
    if (best.empty() || score > best_score) {
      best = std::move(placed);
      best_score = score;
    }
  }
  return best;
}

// Assigns the value cells of one row to headers: by column when every cell
// stands under a distinct header; else, when the counts agree, by column or
// in order, whichever puts more cells under a header they fit (a score
// under 得分, a percentage under 执行率: converters that drop an empty cell
// shift the rest of the row); else, when most cells stand under no header,
// the whole row moved by one offset (ShiftedUnderHeaders); else by column
// for the cells that do stand under a header.
template <class Kind, class Fits>
std::map<Kind, const ViewCell*> AlignRow(const std::vector<Header<Kind>>& headers,
                                         const std::vector<const ViewCell*>& values, Fits fits) {
  std::map<Kind, const ViewCell*> by_column;
  std::set<std::size_t> used;
  bool all_under = true;
  for (const ViewCell* v : values) {
    bool placed = false;
    for (std::size_t h = 0; h < headers.size(); ++h) {
      if (v->col >= headers[h].col && v->col <= headers[h].last_col && !used.count(h)) {
        by_column[headers[h].kind] = v;
        used.insert(h);
        placed = true;
        break;
      }
    }
    if (!placed) all_under = false;
  }
  if (all_under) return by_column;
  auto score = [&](const std::map<Kind, const ViewCell*>& m) {
    int total = 0;
    for (const auto& [kind, cell] : m) total += fits(kind, *cell);
    return total;
  };
  if (values.size() == headers.size()) {
    std::map<Kind, const ViewCell*> in_order;
    for (std::size_t i = 0; i < values.size(); ++i) in_order[headers[i].kind] = values[i];
    return score(in_order) > score(by_column) ? in_order : by_column;
  }
  // Most cells outside every header: the whole row may have moved.
  if (2 * by_column.size() >= values.size()) return by_column;
  std::map<Kind, const ViewCell*> shifted = ShiftedUnderHeaders(headers, values, fits);
  return !shifted.empty() && score(shifted) > score(by_column) ? shifted : by_column;
}

bool IsPercentText(std::string_view f) { return Contains(f, "%"); }
bool IsPointsText(std::string_view f) {
  return !IsPercentText(f) && ParsePoints(f).has_value() && !ContainsAny(f, {"年", "月", "元", "人", "次"});
}

// How well a cell fits a column: +1 fits, -1 does not, 0 either way.
int FitsBudget(BudgetColumn kind, const ViewCell& c) {
  const std::string& f = c.folded;
  if (IsNotApplicable(f)) return 0;
  switch (kind) {
    case BudgetColumn::kRate:
      return IsPercentText(f) ? 1 : (HasDigit(f) ? 0 : -1);
    case BudgetColumn::kWeight:
    case BudgetColumn::kScore:
      return IsPointsText(StripBracketedLabels(f)) ? 1 : -1;
    default:
      return IsPercentText(f) || !HasDigit(f) ? -1 : 1;
  }
}

int FitsIndicator(IndicatorColumn kind, const ViewCell& c) {
  const std::string& f = c.folded;
  switch (kind) {
    case IndicatorColumn::kLevel1:
    case IndicatorColumn::kLevel2:
    case IndicatorColumn::kName:
      return LooksLikeFigure(f) ? -1 : 1;
    case IndicatorColumn::kRatio:
      return IsPercentText(f) ? 1 : -1;
    case IndicatorColumn::kWeight:
    case IndicatorColumn::kScore:
      return IsPointsText(f) ? 1 : -1;
    case IndicatorColumn::kDeviation:
    case IndicatorColumn::kMethod:
      return LooksLikeFigure(f) ? -1 : 0;
    default:
      return 0;
  }
}

// Whether `c` covers `row` although anchored above it (a merged cell).
bool CoversFromAbove(const ViewCell& c, int row) { return c.row < row && c.last_row() >= row; }

// ---- key fields -----------------------------------------------------------

// The first non-empty cell right of `label` in its row that is not itself
// a key label.
const ViewCell* ValueRightOf(const TableView& view, const ViewCell& label) {
  for (int c = label.last_col() + 1; c < view.cols(); ++c) {
    const ViewCell* v = view.At(label.row, c);
    if (v == nullptr || v == &label || v->empty()) continue;
    if (ClassifyKeyLabel(v->text).field != KeyField::kNone) return nullptr;
    return v;
  }
  return nullptr;
}

void ReadKeyFields(const TableView& view, Report& report, CellReader& reader) {
  for (const ViewCell& cell : view.cells()) {
    KeyLabel key = ClassifyKeyLabel(cell.text);
    if (key.field == KeyField::kNone) continue;
    PrintedText value;
    if (!Fold(key.inline_value).empty()) {
      value = {key.inline_value, cell.where, cell.confidence};
    } else if (const ViewCell* v = ValueRightOf(view, cell)) {
      value = Printed(*v);
    } else {
      continue;
    }
    switch (key.field) {
      case KeyField::kProjectName:
        if (report.project_name.empty()) report.project_name = value.text;
        break;
      case KeyField::kDepartment:
        if (report.department.empty()) report.department = value.text;
        break;
      case KeyField::kImplementingUnit:
        if (report.implementing_unit.empty()) report.implementing_unit = value.text;
        break;
      case KeyField::kFillDate:
        if (!report.fill_date) {
          std::optional<Value> date = reader.ReadValue(value, {}, "/fill_date");
          if (date && date->date) report.fill_date = date;
        }
        break;
      case KeyField::kNone:
        break;
    }
  }
}

// ---- budget ---------------------------------------------------------------

using BudgetHeader = Header<BudgetColumn>;

struct BudgetRow {
  const ViewCell* label = nullptr;
  std::map<BudgetColumn, const ViewCell*> values;
};

struct BudgetSection {
  int header_row = -1;
  int end_row = -1;  // first row after the section
  std::vector<BudgetHeader> headers;
  std::vector<BudgetRow> rows;
  std::optional<std::string> unit;
  std::optional<PrintedWeight> printed_weight;
};

std::vector<BudgetHeader> BudgetHeadersOf(const TableView& view, int row) {
  std::vector<BudgetHeader> headers;
  for (const ViewCell* c : view.RowCells(row)) {
    if (CoversFromAbove(*c, row)) continue;
    BudgetColumn kind = ClassifyBudgetHeader(c->folded);
    if (kind == BudgetColumn::kNone) continue;
    bool seen = std::any_of(headers.begin(), headers.end(), [&](const BudgetHeader& h) { return h.kind == kind; });
    if (!seen) headers.push_back({kind, c, c->col, c->last_col()});
  }
  return headers;
}

bool IsBudgetHeaderRow(const std::vector<BudgetHeader>& headers) {
  int money = 0;
  bool rate_or_score = false;
  for (const BudgetHeader& h : headers) {
    if (h.kind == BudgetColumn::kPlanned || h.kind == BudgetColumn::kExecuted || h.kind == BudgetColumn::kInitial)
      ++money;
    if (h.kind == BudgetColumn::kRate || h.kind == BudgetColumn::kScore) rate_or_score = true;
  }
  return money >= 2 || (money >= 1 && rate_or_score);
}

// Finds "20分*" / "20分×" in a score header: 得分（20分*执行率）.
std::optional<PrintedWeight> WeightBeforeTimes(std::string_view folded) {
  for (std::string_view mark : {"分*", "分×", "分x", "分X"}) {
    std::size_t at = folded.find(mark);
    if (at == std::string_view::npos) continue;
    std::size_t b = at;
    while (b > 0 && ((folded[b - 1] >= '0' && folded[b - 1] <= '9') || folded[b - 1] == '.')) --b;
    if (b == at) continue;
    std::string digits(folded.substr(b, at - b));
    try {
      return PrintedWeight{std::stod(digits), std::string(folded.substr(b, at + 3 - b))};
    } catch (...) {
      continue;
    }
  }
  return std::nullopt;
}

bool IsIndicatorHeaderCell(std::string_view f) {
  IndicatorColumn k = ClassifyIndicatorHeader(f);
  return k == IndicatorColumn::kLevel1 || k == IndicatorColumn::kLevel2 || k == IndicatorColumn::kName;
}

bool RowHasIndicatorHeader(const TableView& view, int row) {
  for (const ViewCell* c : view.RowCells(row))
    if (!CoversFromAbove(*c, row) && IsIndicatorHeaderCell(c->folded)) return true;
  return false;
}

// A header printed over two rows: the second holds no figure and no row
// label, only fragments such as (A) / (B/A) / (20分*执行率). Adds its
// headers and returns the first row after the header.
int ReadSecondHeaderRow(const TableView& view, BudgetSection& s) {
  int first = s.header_row + 1;
  if (first < view.rows()) {
    bool fragments_only = true;
    bool any = false;
    for (const ViewCell* c : view.RowCells(first)) {
      if (CoversFromAbove(*c, first) || c->empty()) continue;
      any = true;
      if (IsFigureCell(*c) || IsBudgetRowLabel(c->folded) || CharCount(c->folded) > 12) fragments_only = false;
      if (IsBareWeight(c->text)) fragments_only = false;
    }
    if (any && fragments_only) {
      for (const ViewCell* c : view.RowCells(first)) {
        if (CoversFromAbove(*c, first) || c->empty()) continue;
        BudgetColumn kind = ClassifyBudgetHeader(c->folded);
        bool seen = std::any_of(s.headers.begin(), s.headers.end(), [&](const BudgetHeader& h) { return h.kind == kind; });
        if (kind != BudgetColumn::kNone && !seen) s.headers.push_back({kind, c, c->col, c->last_col()});
        if (!s.printed_weight) s.printed_weight = WeightBeforeTimes(c->folded);
      }
      std::sort(s.headers.begin(), s.headers.end(),
                [](const BudgetHeader& a, const BudgetHeader& b) { return a.col < b.col; });
      ++first;
    }
  }
  return first;
}

// The rows of the section from row `first` on, up to the next section or
// the indicator header; a bare weight among their cells joins the
// section's labels.
void ReadBudgetRows(const TableView& view, int first, BudgetSection& s, std::vector<const ViewCell*>& section_labels) {
  const int hb = s.header_row;
  int r = first;
  for (; r < view.rows(); ++r) {
    if (RowHasIndicatorHeader(view, r)) break;
    std::vector<const ViewCell*> cells;
    for (const ViewCell* c : view.RowCells(r)) {
      if (c->row <= hb) continue;  // the section label spanning down
      if (c->empty()) continue;
      cells.push_back(c);
    }
    if (cells.empty()) continue;
    BudgetRow row;
    std::vector<const ViewCell*> slots;
    for (const ViewCell* c : cells) {
      if (IsBareWeight(c->text)) {
        section_labels.push_back(c);
        continue;
      }
      // The row label is the leftmost text cell before any value.
      if (row.label == nullptr && slots.empty() && !IsFigureCell(*c) && HasCjk(c->folded)) {
        row.label = c;
        continue;
      }
      if (CoversFromAbove(*c, r)) continue;
      slots.push_back(c);
    }
    // Another section starts (年度总体目标, 预期目标 ...).
    if (row.label != nullptr && (!IsBudgetRowLabel(row.label->folded) || IsSectionEndLabel(row.label->folded))) break;
    bool any_figure = std::any_of(slots.begin(), slots.end(), [](const ViewCell* c) { return IsFigureCell(*c); });
    if (!any_figure && row.label == nullptr) break;
    if (!any_figure && !slots.empty()) break;  // text in the value columns
    row.values = AlignRow(s.headers, slots, FitsBudget);
    s.rows.push_back(std::move(row));
  }
  s.end_row = r;
}

// Unit and printed weight from the section's labels, its headers and its
// rows.
void FindBudgetUnitAndWeight(const TableView& view, const std::vector<const ViewCell*>& section_labels,
                             BudgetSection& s) {
  const int hb = s.header_row;
  for (const ViewCell* c : section_labels) {
    if (!s.unit) s.unit = MoneyUnitOf(c->folded);
    if (!s.printed_weight) s.printed_weight = FindPrintedWeight(c->text);
  }
  for (const BudgetHeader& h : s.headers) {
    if (!s.unit) s.unit = MoneyUnitOf(h.cell->folded);
    if (!s.printed_weight && h.kind == BudgetColumn::kScore) s.printed_weight = WeightBeforeTimes(h.cell->folded);
    if (!s.printed_weight && (h.kind == BudgetColumn::kWeight || h.kind == BudgetColumn::kScore))
      s.printed_weight = FindPrintedWeight(h.cell->text);
  }
  for (const BudgetRow& row : s.rows) {
    if (row.label != nullptr && !s.unit) s.unit = MoneyUnitOf(row.label->folded);
    auto score = row.values.find(BudgetColumn::kScore);
    if (!s.printed_weight && score != row.values.end()) s.printed_weight = WeightBeforeTimes(score->second->folded);
  }
  // The unit may also head the table's money block one row up.
  if (!s.unit && hb > 0)
    for (const ViewCell* c : view.RowCells(hb - 1))
      if (!s.unit) s.unit = MoneyUnitOf(c->folded);
}

BudgetSection FindBudget(const TableView& view) {
  BudgetSection s;
  for (int r = 0; r < view.rows(); ++r) {
    if (RowHasIndicatorHeader(view, r)) break;
    std::vector<BudgetHeader> headers = BudgetHeadersOf(view, r);
    if (!IsBudgetHeaderRow(headers)) continue;
    s.header_row = r;
    s.headers = std::move(headers);
    break;
  }
  if (s.header_row < 0) return s;
  const int hb = s.header_row;
  std::sort(s.headers.begin(), s.headers.end(), [](const BudgetHeader& a, const BudgetHeader& b) { return a.col < b.col; });

  int first = ReadSecondHeaderRow(view, s);

  // Label cells of the section: those left of the first header on the
  // header row (项目资金（万元）, 预算执行情况（万元）（20分）).
  int first_header_col = s.headers.empty() ? 0 : s.headers.front().col;
  std::vector<const ViewCell*> section_labels;
  for (const ViewCell* c : view.RowCells(hb))
    if (c->col < first_header_col && !c->empty()) section_labels.push_back(c);

  ReadBudgetRows(view, first, s, section_labels);
  FindBudgetUnitAndWeight(view, section_labels, s);
  return s;
}

std::string BudgetKindName(BudgetColumn k) {
  switch (k) {
    case BudgetColumn::kInitial: return "initial";
    case BudgetColumn::kPlanned: return "planned";
    case BudgetColumn::kExecuted: return "executed";
    case BudgetColumn::kRemaining: return "remaining";
    default: return "";
  }
}

void FillBudget(const BudgetSection& s, Report& report, CellReader& reader) {
  if (s.rows.empty()) return;
  const BudgetRow* total = &s.rows.front();
  for (const BudgetRow& row : s.rows)
    if (row.label != nullptr && IsBudgetTotalLabel(row.label->folded)) {
      total = &row;
      break;
    }
  NormalizeContext money;
  money.column_unit = s.unit;
  NormalizeContext percent;
  percent.percent_column = true;
  bool has_planned_column = std::any_of(s.headers.begin(), s.headers.end(),
                                        [](const BudgetHeader& h) { return h.kind == BudgetColumn::kPlanned; });
  Budget& b = report.budget;
  auto cell = [&](const BudgetRow& row, BudgetColumn k) -> const ViewCell* {
    auto it = row.values.find(k);
    return it == row.values.end() ? nullptr : it->second;
  };
  auto read_money = [&](BudgetColumn k, const std::string& path) -> std::optional<Value> {
    const ViewCell* c = cell(*total, k);
    if (c == nullptr) return std::nullopt;
    return reader.ReadValue(Printed(*c), money, path);
  };
  if (!b.planned) b.planned = read_money(has_planned_column ? BudgetColumn::kPlanned : BudgetColumn::kInitial, "/budget/planned");
  if (!b.initial) b.initial = read_money(BudgetColumn::kInitial, "/budget/initial");
  if (!b.executed) b.executed = read_money(BudgetColumn::kExecuted, "/budget/executed");
  if (!b.remaining) b.remaining = read_money(BudgetColumn::kRemaining, "/budget/remaining");
  if (!b.rate)
    if (const ViewCell* c = cell(*total, BudgetColumn::kRate)) b.rate = reader.ReadValue(Printed(*c), percent, "/budget/rate");
  if (!b.score.declared && !b.score.blank)
    if (const ViewCell* c = cell(*total, BudgetColumn::kScore)) b.score = reader.ReadPoints(Printed(*c), "/budget/score");
  if (!b.weight) {
    if (const ViewCell* c = cell(*total, BudgetColumn::kWeight)) {
      ScoredNumber w = reader.ReadPoints(Printed(*c), "/budget/weight");
      b.weight = w.declared;
    }
    if (!b.weight && s.printed_weight) b.weight = s.printed_weight->value;
  }

  // Fund lines: the total row and its parts, per money column.
  for (BudgetColumn k : {BudgetColumn::kInitial, BudgetColumn::kPlanned, BudgetColumn::kExecuted}) {
    const ViewCell* total_cell = cell(*total, k);
    if (total_cell == nullptr) continue;
    std::optional<Value> total_value = reader.ReadValue(Printed(*total_cell), money, "");
    if (!total_value || !total_value->number) continue;
    Component comp;
    comp.label = BudgetKindName(k);
    comp.total = *total_value;
    comp.where = total_cell->where;
    std::string raw;
    for (const BudgetRow& row : s.rows) {
      if (&row == total) continue;
      const ViewCell* part = cell(row, k);
      if (part == nullptr) continue;
      std::optional<Value> v = reader.ReadValue(Printed(*part), money, "");
      if (!v || !v->number) continue;
      raw += (raw.empty() ? "" : " + ") + v->raw;
      comp.parts.push_back(*v);
    }
    if (comp.parts.empty()) continue;
    comp.raw = comp.label + ": " + raw + " = " + total_value->raw;
    report.facts.components.push_back(std::move(comp));
  }
}

// ---- indicators -----------------------------------------------------------

using IndicatorHeader = Header<IndicatorColumn>;

struct IndicatorSection {
  int header_row = -1;
  int first_row = -1;
  std::vector<IndicatorHeader> headers;
  int goal_col_end = -1;  // columns [0, goal_col_end) may hold goal labels
};

IndicatorSection FindIndicatorHeader(const TableView& view, int from) {
  IndicatorSection s;
  for (int r = std::max(0, from); r < view.rows(); ++r) {
    std::vector<IndicatorHeader> headers;
    bool has_name = false, has_level = false;
    for (const ViewCell* c : view.RowCells(r)) {
      if (CoversFromAbove(*c, r)) continue;
      IndicatorColumn k = ClassifyIndicatorHeader(c->folded);
      if (k == IndicatorColumn::kNone) continue;
      if (std::any_of(headers.begin(), headers.end(), [&](const IndicatorHeader& h) { return h.kind == k; })) continue;
      headers.push_back({k, c, c->col, c->last_col()});
      if (k == IndicatorColumn::kName) has_name = true;
      if (k == IndicatorColumn::kLevel1 || k == IndicatorColumn::kLevel2) has_level = true;
    }
    if (!has_name && !has_level) continue;
    if (headers.size() < 3) continue;
    s.header_row = r;
    s.headers = std::move(headers);
    break;
  }
  if (s.header_row < 0) return s;
  std::sort(s.headers.begin(), s.headers.end(), [](const IndicatorHeader& a, const IndicatorHeader& b) { return a.col < b.col; });
  // A header cell between 一级指标 and 三级指标 that could not be read
  // (OCR: "-级指标") is the 二级指标 column.
  auto find = [&](IndicatorColumn k) {
    return std::find_if(s.headers.begin(), s.headers.end(), [&](const IndicatorHeader& h) { return h.kind == k; });
  };
  if (find(IndicatorColumn::kLevel2) == s.headers.end() && find(IndicatorColumn::kLevel1) != s.headers.end() &&
      find(IndicatorColumn::kName) != s.headers.end()) {
    int after_level1 = find(IndicatorColumn::kLevel1)->last_col + 1;
    int name_col = find(IndicatorColumn::kName)->col;
    std::vector<const ViewCell*> between;
    for (const ViewCell* c : view.RowCells(s.header_row))
      if (c->col >= after_level1 && c->last_col() < name_col && !c->empty()) between.push_back(c);
    if (between.size() == 1) {
      s.headers.push_back({IndicatorColumn::kLevel2, between[0], between[0]->col, between[0]->last_col()});
      std::sort(s.headers.begin(), s.headers.end(),
                [](const IndicatorHeader& a, const IndicatorHeader& b) { return a.col < b.col; });
    }
  }
  s.first_row = s.header_row + 1;
  // Header words split over two rows: 年初目标值 / (A), 一级 / 指标.
  if (s.first_row < view.rows()) {
    bool fragments_only = true, any = false;
    for (const ViewCell* c : view.RowCells(s.first_row)) {
      if (CoversFromAbove(*c, s.first_row) || c->empty()) continue;
      any = true;
      bool bracket = StartsWith(c->folded, "(") && EndsWith(c->folded, ")") && !FindPrintedWeight(c->text);
      if (!bracket && (CharCount(c->folded) > 4 || HasDigit(c->folded))) fragments_only = false;
      if (!bracket && ClassifyIndicatorHeader(c->folded) == IndicatorColumn::kNone &&
          !(EndsWith(c->folded, "指标") && CharCount(c->folded) <= 2) && !EndsWith(c->folded, "值"))
        fragments_only = false;
    }
    if (any && fragments_only) ++s.first_row;
  }
  s.goal_col_end = s.headers.front().col;
  return s;
}

struct GroupBuilder {
  std::vector<Group>* groups;
  const ViewCell* current_cell = nullptr;
  int current = -1;

  // Starts a new group when `cell` differs from the current group's cell.
  int Enter(const ViewCell* cell, const std::string& label, const std::string& level1) {
    if (cell == nullptr) return current;
    if (cell == current_cell && current >= 0) return current;
    Group g;
    g.label = label;
    g.level1 = level1;
    if (auto w = FindPrintedWeight(cell->text)) {
      g.weight = w->value;
      g.weight_raw = w->raw;
    }
    g.where = cell->where;
    groups->push_back(std::move(g));
    current_cell = cell;
    current = static_cast<int>(groups->size()) - 1;
    return current;
  }
};

std::string RemoveSpaces(std::string_view text) {
  std::u32string s = DecodeUtf8Lossy(text);
  std::u32string out;
  for (char32_t c : s)
    if (c != U' ' && c != 0x3000 && c != U'\t' && c != U'\n') out.push_back(c);
  return EncodeUtf8(out);
}

std::string IndexPath(int i, std::string_view field) {
  return "/indicators/" + std::to_string(i) + "/" + std::string(field);
}

// A converter that lost a merged score cell's span (tab-separated text with
// merged cells as empty fields) leaves the group's one score in its first
// row and the other rows' score cells empty. Such a first score above that
// row's share of the printed group weight, and within the group weight, is
// the group's score: read as the row's, it would exceed the row's weight.
void MoveLostMergedScore(Group& group, std::vector<Indicator>& indicators) {
  if (group.indicators.size() < 2 || !group.weight || group.score.declared) return;
  for (int i : group.indicators)
    if (i < 0 || static_cast<std::size_t>(i) >= indicators.size()) return;
  Indicator& first = indicators[static_cast<std::size_t>(group.indicators.front())];
  if (!first.score.declared || first.weight.value) return;
  for (std::size_t k = 1; k < group.indicators.size(); ++k) {
    const ScoredNumber& other = indicators[static_cast<std::size_t>(group.indicators[k])].score;
    if (other.declared || !other.blank) return;
  }
  const double share = *group.weight / static_cast<double>(group.indicators.size());
  const double score = *first.score.declared;
  if (score <= share + 0.05 || score > *group.weight + 0.05) return;
  group.score = first.score;
  first.score = ScoredNumber{};
  first.score.blank = true;
}

BBox Unite(const std::optional<BBox>& a, const BBox& b) { return a ? a->Union(b) : b; }

// Whether the table holds goal labels left of the 一级指标 column
// (年度绩效目标1（70分）): its rows then belong to goals.
bool HasGoalLabels(const TableView& view, const IndicatorSection& s) {
  bool goal_mode = false;
  if (s.goal_col_end > 0) {
    for (int r = s.header_row; r < view.rows() && !goal_mode; ++r)
      for (int c = 0; c < s.goal_col_end; ++c) {
        const ViewCell* v = view.At(r, c);
        if (v != nullptr && IsGoalLabel(v->folded)) goal_mode = true;
      }
  }
  return goal_mode;
}

// End of the section: 总分, 偏差大或目标未完成原因分析 ... in the first cell
// anchored on row `r`. A row standing wholly right of the headers (moved,
// as above) ends the section on its label as well.
bool EndsIndicators(const IndicatorSection& s, int r, const std::vector<const ViewCell*>& row_cells) {
  bool end = false;
  const bool right_of_headers = std::all_of(row_cells.begin(), row_cells.end(), [&](const ViewCell* c) {
    return c->empty() || CoversFromAbove(*c, r) || c->col > s.headers.back().last_col;
  });
  for (const ViewCell* c : row_cells) {
    if (CoversFromAbove(*c, r) || c->empty()) continue;
    if (IsSectionEndLabel(c->folded) && (c->col <= s.headers.back().col || right_of_headers)) end = true;
    break;
  }
  return end;
}

// The cells of one indicator row under the headers, by column.
struct IndicatorCells {
  const ViewCell* name = nullptr;
  const ViewCell* target = nullptr;
  const ViewCell* actual = nullptr;
  const ViewCell* score = nullptr;
  const ViewCell* weight = nullptr;
  const ViewCell* ratio = nullptr;
  const ViewCell* deviation = nullptr;
  std::vector<const ViewCell*> name_rest;  // more of the name, right of `name`
};

// The cells of row `r` right of `name` that stand under the name header
// too: OCR that takes the gap in a name (指标1：开展…) for a column edge
// splits one name over the columns its spanned header covers.
std::vector<const ViewCell*> NameContinuations(const IndicatorSection& s, const std::vector<const ViewCell*>& row_cells,
                                               int r, const ViewCell* name) {
  std::vector<const ViewCell*> rest;
  if (name == nullptr) return rest;
  auto header = std::find_if(s.headers.begin(), s.headers.end(),
                             [](const IndicatorHeader& h) { return h.kind == IndicatorColumn::kName; });
  if (header == s.headers.end()) return rest;
  for (const ViewCell* c : row_cells) {
    if (c == name || c->row != r || c->empty()) continue;
    if (c->col > name->last_col() && c->last_col() <= header->last_col) rest.push_back(c);
  }
  std::sort(rest.begin(), rest.end(), [](const ViewCell* a, const ViewCell* b) { return a->col < b->col; });
  return rest;
}

// The cells of a row aligned to the headers.
std::map<IndicatorColumn, const ViewCell*> AlignIndicatorRow(const IndicatorSection& s,
                                                            const std::vector<const ViewCell*>& row_cells) {
  std::vector<IndicatorHeader> value_headers;
  std::vector<const ViewCell*> values;
  for (const IndicatorHeader& h : s.headers) value_headers.push_back(h);
  for (const ViewCell* c : row_cells) {
    if (c->col < s.goal_col_end) continue;
    if (c->empty()) continue;
    // A header cell drawn down over empty fields (text whose empty fields
    // stand for merged cells) is no value of this row.
    if (c->row < s.first_row) continue;
    values.push_back(c);
  }
  return AlignRow(value_headers, values, FitsIndicator);
}

// The indicator of one row's cells (report index `i`) under its levels,
// its values read through the cell reader; its group is set by the caller.
Indicator ReadIndicatorRow(const IndicatorSection& s, const IndicatorCells& cells, int i, const std::string& level1,
                           const std::string& level2, CellReader& reader) {
  const auto& [name, target, actual, score, weight, ratio, deviation, name_rest] = cells;
  Indicator ind;
  ind.level1 = level1;
  ind.level2 = level2;
  ind.name = name != nullptr ? name->text : "";
  for (const ViewCell* part : name_rest) ind.name += part->text;
  NormalizeContext value_context = IndicatorValueContext(ind.name, ind.level2);
  if (target != nullptr) ind.target = reader.ReadValue(Printed(*target), value_context, IndexPath(i, "target"));
  if (actual != nullptr) ind.actual = reader.ReadValue(Printed(*actual), value_context, IndexPath(i, "actual"));
  ApplyMoneyContext(ind.target, value_context);
  ApplyMoneyContext(ind.actual, value_context);
  if (ratio != nullptr) {
    NormalizeContext percent;
    percent.percent_column = true;
    ind.ratio = reader.ReadValue(Printed(*ratio), percent, IndexPath(i, "ratio"));
  }
  if (weight != nullptr) {
    ScoredNumber w = reader.ReadPoints(Printed(*weight), IndexPath(i, "weight"));
    if (w.declared) {
      ind.weight.value = w.declared;
      ind.weight.source = "column";
      ind.weight.raw = w.raw;
    }
  }
  if (score != nullptr) {
    ind.score = reader.ReadPoints(Printed(*score), IndexPath(i, "score"));
  } else if (std::any_of(s.headers.begin(), s.headers.end(),
                         [](const IndicatorHeader& h) { return h.kind == IndicatorColumn::kScore; })) {
    // The score column exists but this row's cell is empty.
    ind.score.blank = true;
  }
  if (deviation != nullptr && !IsNotApplicable(deviation->folded)) ind.deviation_note = deviation->text;
  const Location& first = (name != nullptr ? name : (target != nullptr ? target : actual))->where;
  ind.where.page = first.page;
  ind.where.ref = first.ref;
  ind.where.line = first.line;
  ind.where.column = first.column;
  std::vector<const ViewCell*> printed = {name, target, actual, ratio, weight, score};
  printed.insert(printed.end(), name_rest.begin(), name_rest.end());
  for (const ViewCell* c : printed)
    if (c != nullptr && c->where.bbox && c->where.page == ind.where.page) ind.where.bbox = Unite(ind.where.bbox, *c->where.bbox);
  ClassifyIndicator(ind);
  return ind;
}

// A score cell merged over several indicators of one group is the group's
// score, not each indicator's.
void MoveMergedScores(const std::vector<const ViewCell*>& score_cells, std::vector<Group>& groups, Report& report) {
  for (std::size_t a = 0; a < score_cells.size(); ++a) {
    const ViewCell* c = score_cells[a];
    if (c == nullptr || c->row_span < 2) continue;
    std::vector<std::size_t> sharing;
    for (std::size_t b = 0; b < score_cells.size(); ++b)
      if (score_cells[b] == c) sharing.push_back(b);
    if (sharing.size() < 2 || sharing.front() != a) continue;
    int g = report.indicators[a].group;
    bool one_group = g >= 0;
    for (std::size_t b : sharing)
      if (report.indicators[b].group != g) one_group = false;
    ScoredNumber merged = report.indicators[a].score;
    for (std::size_t b : sharing) report.indicators[b].score = ScoredNumber{};
    if (one_group) groups[static_cast<std::size_t>(g)].score = merged;
    else report.indicators[a].score = merged;
  }
}

// Returns the row after the last indicator row.
int ReadIndicators(const TableView& view, const IndicatorSection& s, Report& report, CellReader& reader) {
  const bool goal_mode = HasGoalLabels(view, s);
  std::vector<Group> groups;
  GroupBuilder builder{&groups};
  std::string level1, level2;
  const ViewCell* level1_cell = nullptr;
  std::vector<const ViewCell*> score_cells;  // per indicator, to find merged scores
  int r = s.first_row;
  for (; r < view.rows(); ++r) {
    std::vector<const ViewCell*> row_cells = view.RowCells(r);
    if (EndsIndicators(s, r, row_cells)) break;
    if (RowHasIndicatorHeader(view, r)) continue;  // the header repeated on the next page

    std::map<IndicatorColumn, const ViewCell*> at = AlignIndicatorRow(s, row_cells);
    auto get = [&](IndicatorColumn k) -> const ViewCell* {
      auto it = at.find(k);
      return it == at.end() ? nullptr : it->second;
    };

    // Goal cell, if any.
    const ViewCell* goal_cell = nullptr;
    for (int c = 0; c < s.goal_col_end; ++c) {
      const ViewCell* v = view.At(r, c);
      if (v != nullptr && IsGoalLabel(v->folded)) goal_cell = v;
    }

    const ViewCell* l1 = get(IndicatorColumn::kLevel1);
    const ViewCell* l2 = get(IndicatorColumn::kLevel2);
    if (l1 != nullptr && l1 != level1_cell) {
      level1_cell = l1;
      level1 = RemoveSpaces(StripPrintedWeight(l1->text));
      level2.clear();
    }
    if (l2 != nullptr) level2 = RemoveSpaces(StripPrintedWeight(l2->text));

    IndicatorCells cells;
    cells.name = get(IndicatorColumn::kName);
    cells.target = get(IndicatorColumn::kTarget);
    cells.actual = get(IndicatorColumn::kActual);
    cells.score = get(IndicatorColumn::kScore);
    cells.weight = get(IndicatorColumn::kWeight);
    cells.ratio = get(IndicatorColumn::kRatio);
    cells.deviation = get(IndicatorColumn::kDeviation);
    const ViewCell*& name = cells.name;
    const ViewCell*& target = cells.target;
    const ViewCell*& actual = cells.actual;
    // A merged name cell continuing from above is not a new indicator.
    if (name != nullptr && CoversFromAbove(*name, r)) name = nullptr;
    cells.name_rest = NameContinuations(s, row_cells, r, name);
    if (target != nullptr && CoversFromAbove(*target, r) && name == nullptr) target = nullptr;
    if (actual != nullptr && CoversFromAbove(*actual, r) && name == nullptr) actual = nullptr;
    bool has_name = name != nullptr && HasCjk(name->folded);
    bool has_values = target != nullptr || actual != nullptr;
    if (!has_name && !has_values) continue;
    if (name != nullptr && !HasCjk(name->folded) && !HasDigit(name->folded)) continue;  // "....."

    const int i = static_cast<int>(report.indicators.size());
    Indicator ind = ReadIndicatorRow(s, cells, i, level1, level2, reader);

    if (goal_mode) {
      const ViewCell* g = goal_cell;
      if (g == nullptr && builder.current_cell != nullptr) g = builder.current_cell;
      if (g != nullptr) ind.group = builder.Enter(g, RemoveSpaces(StripPrintedWeight(g->text)), "");
    } else if (level1_cell != nullptr) {
      ind.group = builder.Enter(level1_cell, level1, level1);
    }
    if (ind.group >= 0) groups[static_cast<std::size_t>(ind.group)].indicators.push_back(i);
    score_cells.push_back(cells.score);
    report.indicators.push_back(std::move(ind));
  }
  MoveMergedScores(score_cells, groups, report);
  for (Group& group : groups) MoveLostMergedScore(group, report.indicators);
  if (report.groups.empty()) report.groups = std::move(groups);
  return r;
}

// ---- totals ---------------------------------------------------------------

// The figures of a row that holds one or two figures and nothing else: the
// rest of a 总分 row that a converter broke after its label.
std::vector<const ViewCell*> LoneFiguresOnRow(const TableView& view, int row) {
  std::vector<const ViewCell*> figures;
  if (row >= view.rows()) return figures;
  for (const ViewCell* c : view.RowCells(row)) {
    if (c->empty() || c->row != row) continue;
    if (!HasDigit(c->folded) || HasCjk(c->folded)) return {};
    figures.push_back(c);
  }
  if (figures.size() > 2) return {};
  return figures;
}

void ReadTotals(const TableView& view, const BudgetSection& budget, const IndicatorSection& ind, int from_row,
                Report& report, CellReader& reader) {
  const IndicatorHeader* weight_header = nullptr;
  const IndicatorHeader* score_header = nullptr;
  for (const IndicatorHeader& h : ind.headers) {
    if (h.kind == IndicatorColumn::kWeight) weight_header = &h;
    if (h.kind == IndicatorColumn::kScore) score_header = &h;
  }
  int top_limit = budget.header_row >= 0 ? budget.header_row : (ind.header_row >= 0 ? ind.header_row : 0);
  for (const ViewCell& cell : view.cells()) {
    std::string inline_value;
    if (!IsTotalLabel(cell.folded, &inline_value)) continue;
    bool header_total = cell.row < top_limit;
    if (!header_total && cell.row < from_row) continue;
    ScoredNumber& target = header_total ? report.total.declared_header : report.total.declared;
    if (target.declared || target.blank) continue;
    const std::string path = header_total ? "/total/declared_header" : "/total/declared";
    if (!inline_value.empty()) {
      target = reader.ReadPoints({inline_value, cell.where, cell.confidence}, path);
      continue;
    }
    // Figures right of the label on its row.
    std::vector<const ViewCell*> figures;
    for (int c = cell.last_col() + 1; c < view.cols(); ++c) {
      const ViewCell* v = view.At(cell.row, c);
      if (v == nullptr || v == &cell || v->empty()) continue;
      if (!figures.empty() && figures.back() == v) continue;
      if (IsTotalLabel(v->folded)) break;
      if (!HasDigit(v->folded)) continue;
      figures.push_back(v);
    }
    if (figures.empty()) figures = LoneFiguresOnRow(view, cell.row + 1);
    const ViewCell* total_cell = nullptr;
    const ViewCell* weight_cell = nullptr;
    if (!header_total && score_header != nullptr && weight_header != nullptr) {
      for (const ViewCell* v : figures) {
        int centre = v->col + v->col_span / 2;
        int d_score = std::min(std::abs(centre - score_header->col), std::abs(centre - score_header->last_col));
        int d_weight = std::min(std::abs(centre - weight_header->col), std::abs(centre - weight_header->last_col));
        bool under_score = v->col <= score_header->last_col && v->last_col() >= score_header->col;
        bool under_weight = v->col <= weight_header->last_col && v->last_col() >= weight_header->col;
        if (under_score && !under_weight) total_cell = v;
        else if (under_weight && !under_score) weight_cell = v;
        else if (d_score < d_weight) total_cell = v;
        else weight_cell = v;
      }
      if (figures.size() >= 2 && (total_cell == nullptr || weight_cell == nullptr)) {
        weight_cell = figures[figures.size() - 2];
        total_cell = figures.back();
      }
    } else if (!figures.empty()) {
      total_cell = figures.back();
      if (!header_total && figures.size() >= 2) weight_cell = figures[figures.size() - 2];
    }
    if (weight_cell != nullptr && !report.form_weight_total) {
      ScoredNumber w = reader.ReadPoints(Printed(*weight_cell), "/form_weight_total");
      report.form_weight_total = w.declared;
    }
    if (total_cell != nullptr) {
      target = reader.ReadPoints(Printed(*total_cell), path);
    } else {
      target.blank = true;
      target.where = cell.where;
    }
  }
}

}  // namespace

bool IsScoringTable(const TableView& view) {
  for (int r = 0; r < view.rows(); ++r) {
    if (IsBudgetHeaderRow(BudgetHeadersOf(view, r))) return true;
  }
  return FindIndicatorHeader(view, 0).header_row >= 0;
}

bool LooksLikeContinuation(const TableView& view) {
  for (const ViewCell& c : view.cells())
    if (ClassifyKeyLabel(c.text).field == KeyField::kProjectName) return false;
  for (int r = 0; r < view.rows(); ++r)
    if (IsBudgetHeaderRow(BudgetHeadersOf(view, r))) return false;
  // An indicator header repeated on the next page still continues the table
  // when there is no 项目名称 and no budget.
  return true;
}

GridSummary ReadGridTable(const TableView& view, Report& report, CellReader& reader) {
  GridSummary summary;
  ReadKeyFields(view, report, reader);
  BudgetSection budget = FindBudget(view);
  summary.budget = !budget.rows.empty();
  FillBudget(budget, report, reader);
  int from = budget.header_row >= 0 ? budget.end_row : 0;
  IndicatorSection ind = FindIndicatorHeader(view, from);
  int after = from;
  if (ind.header_row >= 0) {
    summary.indicators = true;
    after = ReadIndicators(view, ind, report, reader);
  }
  ReadTotals(view, budget, ind, after, report, reader);
  summary.total_row = report.total.declared.declared.has_value() || report.total.declared.blank;
  for (int p : view.Pages()) report.pages.push_back(p);
  return summary;
}

}  // namespace jixiao::form
