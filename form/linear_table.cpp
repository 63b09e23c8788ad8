#include "form/linear_table.h"

#include <algorithm>
#include <deque>
#include <optional>
#include <set>

#include "form/form_text.h"
#include "form/indicator_rules.h"
#include "form/labels.h"
#include "form/vocabulary_scope.h"
#include "normalize/comparators.h"

namespace jixiao::form {

namespace {

struct Token {
  std::string text;    // as printed
  std::string folded;  // Fold(text)
  int line = 0;        // source line
  int paragraph = 0;   // lines with no blank line between them share it
  bool ends_line = false;  // the last cell of its source line: nothing printed right of it
  Location where;
  double confidence = 1.0;
};

PrintedText Printed(const Token& t) { return {t.text, t.where, t.confidence}; }

// ---- cells out of lines -----------------------------------------------------

bool IsComparatorOnly(std::string_view f) {
  const std::vector<std::string_view>& kSigns = Words("comparator_signs");
  return std::find(kSigns.begin(), kSigns.end(), f) != kSigns.end();
}

bool IsDigitsOnly(std::string_view f) {
  return !f.empty() && std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A unit printed apart from its number: "%", "元/人/年", "万元", "人次".
bool IsDetachedUnit(std::string_view f) {
  if (f == "%" || f == "‰") return true;
  for (std::string_view u : Words("units")) {
    if (f == u) return true;
    if (StartsWith(f, u) && f.size() > u.size() && f[u.size()] == '/') return true;
  }
  return false;
}

// Splits a line into cells at spaces, keeping a figure whole: a lone
// comparator joins the next piece, a lone unit the number before it, the
// halves of a bracketed weight each other.
std::vector<std::string> SplitCells(std::string_view line) {
  std::vector<std::string> pieces;
  std::u32string cur;
  for (char32_t c : DecodeUtf8Lossy(line)) {
    if (c == U' ' || c == 0x3000 || c == U'\t') {
      if (!cur.empty()) pieces.push_back(EncodeUtf8(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) pieces.push_back(EncodeUtf8(cur));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::string f = Fold(pieces[i]);
    // A weight printed with a space in its bracket: （30 分）.
    bool split_weight =
        i + 1 < pieces.size() && !IsBareWeight(pieces[i]) && IsBareWeight(pieces[i] + " " + pieces[i + 1]);
    if ((IsComparatorOnly(f) || split_weight) && i + 1 < pieces.size()) {
      pieces[i + 1] = pieces[i] + " " + pieces[i + 1];
      continue;
    }
    if (!out.empty()) {
      std::string prev = Fold(out.back());
      bool unit_after_number = IsDetachedUnit(f) && IsNumberOnly(prev);
      bool percent_after_figure = f == "%" && HasDigit(prev) && !Contains(prev, "%");
      if (unit_after_number || percent_after_figure) {
        out.back() += " " + pieces[i];
        continue;
      }
    }
    out.push_back(pieces[i]);
  }
  return out;
}

enum class Kind { kNum, kPct, kFigure, kText, kNotApplicable };

Kind KindOf(std::string_view f) {
  if (IsNotApplicable(f)) return Kind::kNotApplicable;
  if (IsNumberOnly(f)) return Kind::kNum;
  if (EndsWith(f, "分") && IsNumberOnly(f.substr(0, f.size() - 3))) return Kind::kNum;
  if (EndsWith(f, "%") && IsNumberOnly(f.substr(0, f.size() - 1))) return Kind::kPct;
  if (HasDigit(f) && LooksLikeFigure(f)) return Kind::kFigure;
  return Kind::kText;
}

Kind KindOf(const Token& t) { return KindOf(t.folded); }

bool IsValueKind(Kind k) { return k == Kind::kNum || k == Kind::kPct || k == Kind::kFigure; }

// ---- labels -------------------------------------------------------------------

bool HasPunctuation(std::string_view f) {
  return ContainsAny(f, {"。", "，", "；", ",", ";", "、", ":"});
}

const std::vector<std::string_view>& Level1Labels() {
  return Words("level1");
}

struct Level2Label {
  std::string_view label;
  std::string_view level1;
};

// The national framework's second-level indicators and the first level each
// belongs to; a wrapped sequence loses the merged 一级指标 cell's place, the
// second level still says which it is.
// The vocabulary's "level2" map; the vector is refilled on each call (the
// words stay in the vocabulary), so a scope change is always seen.
const std::vector<Level2Label>& Level2Labels() {
  thread_local std::vector<Level2Label> k;
  k.clear();
  for (const auto& [label, level1] : WordMap("level2")) k.push_back({label, level1});
  return k;
}

// The tail of a goal label wrapped in the first column (年度绩效目 / 标1（70分）,
// 年度绩效 / 目标2): 标N or 目标N, with or without the goal's printed weight.
bool IsGoalLabelTail(std::string_view folded) {
  std::string f = Fold(StripPrintedWeight(folded));
  for (std::string_view head : {"目标", "标"})
    if (StartsWith(f, head) && IsDigitsOnly(std::string_view(f).substr(head.size()))) return true;
  return false;
}

bool IsLevel1(std::string_view f) {
  return std::find(Level1Labels().begin(), Level1Labels().end(), f) != Level1Labels().end();
}

const Level2Label* FindLevel2(std::string_view f) {
  for (const Level2Label& l : Level2Labels())
    if (l.label == f) return &l;
  return nullptr;
}

int Level1Rank(std::string_view l1) {
  for (std::size_t i = 0; i < Level1Labels().size(); ++i)
    if (Level1Labels()[i] == l1) return static_cast<int>(i);
  return -1;
}

// Labels of the form whose wrapped pieces carry no data.
const std::vector<std::string_view>& FormLabels() {
  return Words("wrapped_labels");
}

// A piece of a wrapped label (产出指 / 标 / 可持续影 / 预算执行情况).
bool IsLabelFragment(std::string_view f) {
  if (f.empty() || HasDigit(f)) return false;
  for (std::string_view l : FormLabels())
    if (Contains(l, f)) return true;
  // Short pieces only: 服务对象满意度 may well be an indicator's name.
  if (CharCount(f) > 5) return false;
  for (std::string_view l : Level1Labels())
    if (Contains(l, f)) return true;
  for (const Level2Label& l : Level2Labels())
    if (Contains(l.label, f)) return true;
  return false;
}

// The name of an organization (a value of 主管部门 / 实施单位).
bool LooksLikeOrganization(std::string_view f) {
  const std::vector<std::string_view>& kSuffixes = Words("organization_suffixes");
  if (CharCount(f) < 3 || CharCount(f) > 30 || HasDigit(f) || HasPunctuation(f)) return false;
  for (std::string_view suffix : kSuffixes)
    if (EndsWith(f, suffix)) return true;
  return false;
}

// Words a figure ends with when its cell wraps: "2022年10月" / "底前".
bool IsFigureTail(std::string_view f) {
  const std::vector<std::string_view>& kTails = Words("figure_tails");
  return std::find(kTails.begin(), kTails.end(), f) != kTails.end();
}

// A column header of the form (or a piece of one), possibly with its
// bracketed mark: 年初目标值（A）, 执行率（B/A）, （A）, 得分（20分*执行率）.
bool IsHeaderWord(std::string_view f) {
  if (f.empty()) return false;
  const std::vector<std::string_view>& kWords = Words("linear_header_words");
  std::string_view head = f;
  std::size_t open = head.find('(');
  if (open != std::string_view::npos && EndsWith(head, ")")) {
    std::string_view inner = head.substr(open);
    if (Contains(inner, "%") || Contains(inner, "元")) return false;  // （%） belongs to a name
    head = head.substr(0, open);
  }
  if (head.empty()) return !FindPrintedWeight(f) && !Contains(f, "%") && !Contains(f, "元");
  return std::find(kWords.begin(), kWords.end(), head) != kWords.end();
}

// A short piece of a wrapped label with one bracket: 标1（70 / 分） / （20分*.
bool IsBracketPiece(std::string_view f) {
  bool open = Contains(f, "(");
  bool close = Contains(f, ")");
  return open != close && CharCount(f) <= 8;
}

bool IsCheckboxLine(std::string_view f) {
  return ContainsAny(f, {"□", "☑", "√", "■", "☐", "✓"});
}

std::string RemoveSpaces(std::string_view text) {
  std::u32string out;
  for (char32_t c : DecodeUtf8Lossy(text))
    if (c != U' ' && c != 0x3000 && c != U'\t') out.push_back(c);
  return EncodeUtf8(out);
}

// The last line of a name wrapped in the rightmost column, printed
// beside other columns' label pieces (满意度指 服务对象 指标1：定点医药机构满
// / 标 满意度指 意度): a piece of two characters on the next line that,
// like the name's line, ends its line, under a line long enough to have
// filled the column. Such a piece may read as a label's piece; the
// pieces of the first column's stacked labels (年度 / 绩效) are never
// taken. Without paragraphs only.
bool IsNameLastLine(const Token& name, const Token& tail, bool cell_per_paragraph) {
  constexpr std::size_t kFilled = 8;
  if (cell_per_paragraph || !name.ends_line || !tail.ends_line || tail.line != name.line + 1) return false;
  if (CharCount(tail.folded) != 2 || HasDigit(tail.folded) || CharCount(name.folded) < kFilled) return false;
  for (std::string_view l : Words("wrapped_labels"))
    if (Contains(l, tail.folded)) return false;
  return !Contains(tail.folded, "指") && !Contains(tail.folded, "标");
}

// ---- the reader -------------------------------------------------------------------

struct Name;
struct IndicatorSection;

// The columns of a row, in the order the header prints them: target,
// actual, then ratio / weight / score, or the weight first (分值 printed
// before 年度指标值, as landscape forms do).
struct RowColumns {
  bool ratio = false;
  bool weight = false;
  bool weight_first = false;
  bool cell_per_paragraph = false;  // a paragraph break ends a cell
};

struct BudgetSection;

class LinearReader {
 public:
  LinearReader(std::vector<Token> lines, Report& report, CellReader& reader)
      : lines_(std::move(lines)), claimed_(lines_.size(), false), report_(report), reader_(reader) {
    // Blank lines between most lines: the converter printed a cell per
    // paragraph, so the lines of one paragraph are pieces of one cell (or
    // of cells on one baseline), and a paragraph break ends a cell.
    int paragraphs = lines_.empty() ? 0 : 1;
    for (std::size_t i = 1; i < lines_.size(); ++i) paragraphs += lines_[i].paragraph != lines_[i - 1].paragraph;
    paragraph_cells_ = paragraphs >= 4 && static_cast<std::size_t>(paragraphs) * 2 > lines_.size();
  }

  void Read();

 private:
  struct LabelWeight {
    std::string label;
    double value;
    std::string raw;
  };

  std::vector<Token> Tokens(int begin, int end) const;
  bool WrapsFigure(const std::vector<Token>& out, const Token& t) const;
  int FindBudgetStart() const;
  int FindIndicatorStart(int from) const;
  int FindTotal(int from) const;
  void ReadColumnsAndWeights();
  void ReadKeys(int end);
  void ReadBudget(int begin, int end);
  // The passes of ReadBudget, in order.
  void ReadBudgetHeader(BudgetSection& s);
  void ReadBudgetTotal(BudgetSection& s);
  void ReadBudgetParts(const BudgetSection& s);
  // Reads the rows; `extra` are cells printed after the 总分 label that
  // belong to the rows. Returns the figures left after the last row.
  // `total_figures` are the total row's own figures after its label.
  std::vector<Token> ReadIndicators(int begin, int end, const std::vector<Token>& extra,
                                    const std::vector<Token>& total_figures);
  // The passes of ReadIndicators, in order (see each one).
  std::optional<std::size_t> SideLabelTail(const std::vector<Token>& tokens, std::size_t at) const;
  RowColumns ColumnsOf(const std::vector<Token>& tokens) const;
  void SortCells(IndicatorSection& s) const;
  bool PlaceLateScores(IndicatorSection& s, const std::vector<Token>& total_figures) const;
  std::vector<Token> FindRows(IndicatorSection& s, const std::vector<Token>& total_figures) const;
  void TakeDeviations(IndicatorSection& s) const;
  void TakeValueTails(IndicatorSection& s) const;
  std::vector<Name> NamesOf(const IndicatorSection& s, const std::vector<std::size_t>& gap) const;
  void NameRows(IndicatorSection& s) const;
  void EndWrappedNames(IndicatorSection& s) const;
  std::vector<bool> Level2BesideNames(IndicatorSection& s) const;
  void AssignLateLevel2(IndicatorSection& s) const;
  void PairLevel1Weights(IndicatorSection& s) const;
  Indicator ReadRow(const IndicatorSection& s, std::size_t k, int idx);
  int Level1Group(const IndicatorSection& s, const std::string& level1, std::vector<Group>& groups) const;
  void NoteOpenRows(const IndicatorSection& s);
  void EmitIndicators(const IndicatorSection& s);
  void ReadTotal(int at, int end, std::vector<Token> leftover);
  // Cells after the 总分 label up to the next section, without the total's
  // own figures (which stay at the end).
  std::vector<Token> AfterTotal(int at, int* section_end) const;

  std::vector<Token> lines_;
  std::vector<bool> claimed_;  // lines read as key values
  Report& report_;
  CellReader& reader_;
  bool has_ratio_ = false;
  bool has_weight_ = false;
  bool has_deviation_ = false;
  bool paragraph_cells_ = false;
  std::optional<double> budget_weight_;
  std::optional<std::string> money_unit_;
  std::vector<LabelWeight> goals_;
  std::vector<LabelWeight> level1_weights_;  // 产出指标（40分） where label and weight stand together
  std::vector<Token> late_total_;            // the total's figures after a late score column

  friend struct IndicatorSection;  // holds LabelWeight
};

// With a cell per paragraph, a figure wrapped in its cell (2019年12 /
// 月31日前): the line before `t` in its paragraph, each the only cell of
// its line, ends with a digit, and the two read as one figure.
bool LinearReader::WrapsFigure(const std::vector<Token>& out, const Token& t) const {
  if (!paragraph_cells_ || out.empty()) return false;
  const Token& before = out.back();
  if (before.paragraph != t.paragraph || before.line + 1 != t.line) return false;
  if (out.size() >= 2 && out[out.size() - 2].line == before.line) return false;
  if (before.folded.empty() || before.folded.back() < '0' || before.folded.back() > '9') return false;
  if (t.folded.empty() || (t.folded.front() >= '0' && t.folded.front() <= '9')) return false;
  Kind joined = KindOf(before.folded + t.folded);
  return joined == Kind::kFigure || joined == Kind::kPct;
}

std::vector<Token> LinearReader::Tokens(int begin, int end) const {
  std::vector<Token> out;
  for (int i = std::max(0, begin); i < end && i < static_cast<int>(lines_.size()); ++i) {
    const Token& line = lines_[static_cast<std::size_t>(i)];
    const std::vector<std::string> pieces = SplitCells(line.text);
    for (const std::string& piece : pieces) {
      Token t = line;
      t.text = piece;
      t.folded = Fold(piece);
      t.line = i;
      // A number wrapped after its decimal point ("44,800,000." / "00"), a
      // date before its comparator word ("2022年10月" / "底前").
      bool split_number = !out.empty() && IsDigitsOnly(t.folded) && EndsWith(out.back().folded, ".") &&
                          IsNumberOnly(out.back().folded);
      bool split_tail = !out.empty() && IsFigureTail(t.folded) && HasDigit(out.back().folded) &&
                        LooksLikeFigure(out.back().folded) && !IsNumberOnly(out.back().folded);
      if (split_number || split_tail || (pieces.size() == 1 && WrapsFigure(out, t))) {
        out.back().text += t.text;
        out.back().folded += t.folded;
        continue;
      }
      out.push_back(std::move(t));
    }
  }
  for (std::size_t k = 0; k < out.size(); ++k) out[k].ends_line = k + 1 == out.size() || out[k + 1].line != out[k].line;
  return out;
}

int LinearReader::FindBudgetStart() const {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const std::string& f = lines_[i].folded;
    if (ClassifyKeyLabel(lines_[i].text).field != KeyField::kNone) continue;
    if (!(Contains(f, "预算数") || Contains(f, "执行数") || Contains(f, "执行率") || Contains(f, "预算执行") ||
          Contains(f, "年初预算")))
      continue;
    // Header cells printed just above (得分 before 预算数（A）).
    std::size_t start = i;
    while (start > 0 && start + 3 > i && IsHeaderWord(lines_[start - 1].folded) &&
           ClassifyKeyLabel(lines_[start - 1].text).field == KeyField::kNone)
      --start;
    return static_cast<int>(start);
  }
  return -1;
}

int LinearReader::FindIndicatorStart(int from) const {
  // The section starts at the first 一级/二级/三级指标 header after the
  // budget's own header (the merged 一级指标 header cell may come out above
  // the budget).
  std::size_t after = static_cast<std::size_t>(std::max(0, from));
  for (std::size_t i = after; i < lines_.size(); ++i) {
    const std::string& f = lines_[i].folded;
    if (Contains(f, "执行数") || Contains(f, "执行率") || Contains(f, "预算数")) after = i + 1;
    if (Contains(f, "资金总额") || Contains(f, "财政资金")) break;
  }
  for (std::size_t i = after; i < lines_.size(); ++i) {
    const std::string& f = lines_[i].folded;
    if (!(Contains(f, "一级指") || Contains(f, "二级指标") || Contains(f, "三级指标"))) continue;
    // The header may start a few lines up (年初目标值 实际完成值 完成率 得分).
    std::size_t start = i;
    while (start > after && start + 4 > i) {
      std::vector<std::string> cells = SplitCells(lines_[start - 1].text);
      bool header = !cells.empty() && std::all_of(cells.begin(), cells.end(), [](const std::string& c) {
        return IsHeaderWord(Fold(c));
      });
      if (!header) break;
      --start;
    }
    return static_cast<int>(start);
  }
  return -1;
}

int LinearReader::FindTotal(int from) const {
  for (std::size_t i = static_cast<std::size_t>(std::max(0, from)); i < lines_.size(); ++i) {
    std::vector<std::string> cells = SplitCells(lines_[i].text);
    if (!cells.empty() && IsTotalLabel(Fold(cells.front()))) return static_cast<int>(i);
  }
  return -1;
}

// Which columns the table has, the money unit, and the printed weights of
// the budget and the goals, from the whole table's short lines joined up
// (labels wrap over lines and come out of order).
void LinearReader::ReadColumnsAndWeights() {
  std::string joined;
  for (const Token& l : lines_) {
    if (CharCount(l.folded) > 40) continue;
    for (const std::string& cell : SplitCells(l.text)) {
      std::string f = Fold(cell);
      if (f == "完成率") has_ratio_ = true;
      if (StartsWith(f, "分值")) has_weight_ = true;
      if (StartsWith(f, "偏差原因")) has_deviation_ = true;
    }
    joined += l.folded;
  }
  // Money unit: （万元） / （元） after 预算执行情况 or 项目资金.
  for (std::string_view mark : {"(万元)", "(元)"}) {
    std::size_t at = 0;
    while (!money_unit_ && (at = joined.find(mark, at)) != std::string::npos) {
      std::u32string prefix = DecodeUtf8Lossy(joined.substr(0, at));
      std::string before = EncodeUtf8(prefix.substr(prefix.size() > 8 ? prefix.size() - 8 : 0));
      if (Contains(before, "预算") || Contains(before, "资金") || Contains(before, "执行情况"))
        money_unit_ = mark == "(万元)" ? "万元" : "元";
      at += mark.size();
    }
  }
  // Printed weights right after 预算执行情况（万元） and 年度绩效目标N.
  std::size_t from = 0;
  while (from < joined.size()) {
    std::optional<PrintedWeight> w = FindPrintedWeight(std::string_view(joined).substr(from));
    if (!w) break;
    std::size_t at = joined.find(w->raw, from);
    if (at == std::string::npos) break;
    std::u32string before = DecodeUtf8Lossy(joined.substr(0, at));
    std::string tail = EncodeUtf8(before.size() > 14 ? before.substr(before.size() - 14) : before);
    from = at + w->raw.size();
    if (Contains(tail, "预算执行") || EndsWith(tail, "万元)") || EndsWith(tail, "元)")) {
      if (!budget_weight_) budget_weight_ = w->value;
      continue;
    }
    bool level1 = false;
    for (std::string_view l1 : Level1Labels())
      if (EndsWith(tail, l1)) {
        level1_weights_.push_back({std::string(l1), w->value, w->raw});
        level1 = true;
      }
    if (level1) continue;
    std::size_t goal = tail.rfind("绩效目标");
    if (goal != std::string::npos && IsDigitsOnly(tail.substr(goal + std::string("绩效目标").size())))
      goals_.push_back({"年度" + tail.substr(goal), w->value, w->raw});
  }
  // Goals printed without a weight (年度绩效目标2).
  int numbered = 0;
  for (std::size_t pos = 0; (pos = joined.find("绩效目标", pos)) != std::string::npos;) {
    pos += std::string("绩效目标").size();
    if (pos < joined.size() && joined[pos] >= '0' && joined[pos] <= '9') ++numbered;
  }
  while (static_cast<int>(goals_.size()) < numbered)
    goals_.push_back({"年度绩效目标" + std::to_string(goals_.size() + 1), 0, ""});
}

void LinearReader::ReadKeys(int end) {
  auto assign = [&](KeyField field, const PrintedText& value) {
    switch (field) {
      case KeyField::kProjectName:
        if (report_.project_name.empty()) report_.project_name = value.text;
        break;
      case KeyField::kDepartment:
        if (report_.department.empty()) report_.department = value.text;
        break;
      case KeyField::kImplementingUnit:
        if (report_.implementing_unit.empty()) report_.implementing_unit = value.text;
        break;
      case KeyField::kFillDate:
        if (!report_.fill_date) {
          std::optional<Value> v = reader_.ReadValue(value, {}, "/fill_date");
          if (v && v->date) report_.fill_date = v;
        }
        break;
      case KeyField::kNone:
        break;
    }
  };
  // Labels and values pair in the order they come: a label waits for the
  // next line that is a value (not a label, check box, or label piece).
  std::deque<KeyField> pending;
  std::vector<const Token*> unclaimed;
  for (int i = 0; i < end && i < static_cast<int>(lines_.size()); ++i) {
    const Token& line = lines_[static_cast<std::size_t>(i)];
    KeyLabel key = ClassifyKeyLabel(line.text);
    const std::string& f = line.folded;
    if (key.field != KeyField::kNone) {
      if (!Fold(key.inline_value).empty()) {
        assign(key.field, {key.inline_value, line.where, line.confidence});
      } else {
        pending.push_back(key.field);
      }
      continue;
    }
    if (IsCheckboxLine(f) || f == "项目类别" || f == "项目属性" || f == "项目类型") continue;
    if (IsLabelFragment(f) || IsHeaderWord(f) || IsBareWeight(line.text) || (StartsWith(f, "(") && EndsWith(f, ")")))
      continue;
    if (pending.empty()) {
      unclaimed.push_back(&line);
      continue;
    }
    assign(pending.front(), Printed(line));
    claimed_[static_cast<std::size_t>(i)] = true;
    pending.pop_front();
  }
  // A value printed later (its cell centred lower): an organization's name
  // further down answers a label still waiting.
  for (std::size_t i = static_cast<std::size_t>(std::max(0, end)); i < lines_.size() && !pending.empty(); ++i) {
    if (pending.front() != KeyField::kDepartment && pending.front() != KeyField::kImplementingUnit) break;
    if (!LooksLikeOrganization(lines_[i].folded)) continue;
    assign(pending.front(), Printed(lines_[i]));
    claimed_[i] = true;
    pending.pop_front();
  }
  // A label printed after the table's first rows (its merged cell centred
  // lower) takes a value line nobody claimed, in order.
  std::size_t next = 0;
  for (std::size_t i = static_cast<std::size_t>(std::max(0, end)); i < lines_.size() && next < unclaimed.size(); ++i) {
    KeyLabel key = ClassifyKeyLabel(lines_[i].text);
    if (key.field == KeyField::kNone || key.field == KeyField::kFillDate || !Fold(key.inline_value).empty()) continue;
    claimed_[static_cast<std::size_t>(unclaimed[next]->line)] = true;
    assign(key.field, Printed(*unclaimed[next++]));
  }
}

// A row of the budget section: its figures and its label.
struct BudgetRow {
  std::vector<const Token*> figures;
  const Token* label = nullptr;
  int label_position = -1;  // figures before it were printed higher
};

// What the passes over the budget section share; the rows point into
// `tokens`, so it stays in place while the passes run.
struct BudgetSection {
  std::vector<Token> tokens;
  std::vector<BudgetColumn> columns;  // the header names, in the forms' standard order
  std::vector<BudgetRow> rows;        // the total first, then one per part label
  bool percent_pending = false;       // a "%" printed alone, after its figure
  NormalizeContext money;             // the money columns' unit
  std::vector<const Token*> others;   // the total row's figures, without the rate
  bool rate_only = false;             // the figures' columns are unknown but the rate's
};

// Budget pass 1, header: the columns the header names, the money unit and
// a weight printed in the header (预算执行率（10分*）).
void LinearReader::ReadBudgetHeader(BudgetSection& s) {
  std::string joined;
  for (const Token& t : s.tokens) joined += t.folded;
  std::vector<BudgetColumn>& columns = s.columns;
  std::string rest = joined;
  for (std::size_t p; (p = rest.find("年初预算")) != std::string::npos;) rest.erase(p, std::string("年初预算").size());
  if (Contains(joined, "年初预算")) columns.push_back(BudgetColumn::kInitial);
  if (Contains(rest, "预算数") || Contains(rest, "全年预算")) columns.push_back(BudgetColumn::kPlanned);
  if (Contains(joined, "执行数") || Contains(joined, "全年执行")) columns.push_back(BudgetColumn::kExecuted);
  if (Contains(joined, "分值")) columns.push_back(BudgetColumn::kWeight);
  if (Contains(joined, "执行率")) columns.push_back(BudgetColumn::kRate);
  if (Contains(joined, "得分") || Contains(joined, "分*")) columns.push_back(BudgetColumn::kScore);
  std::optional<std::string> unit = MoneyUnitOf(joined);
  if (!unit) unit = money_unit_;
  s.money.column_unit = unit;
  if (!budget_weight_) {
    if (std::size_t at = joined.find("分*"); at != std::string::npos) {
      std::size_t b = at;
      while (b > 0 && joined[b - 1] >= '0' && joined[b - 1] <= '9') --b;
      if (b < at && at - b <= 3) budget_weight_ = std::stod(joined.substr(b, at - b));
    }
  }
}

// Budget pass 2, rows: the total first, then one per part label.
void FindBudgetRows(BudgetSection& s) {
  std::vector<BudgetRow>& rows = s.rows;
  rows.resize(1);
  for (const Token& t : s.tokens) {
    const std::string& f = t.folded;
    if (IsBareWeight(t.text) || IsHeaderWord(f)) continue;
    Kind kind = KindOf(t);
    // Pieces of wrapped labels with digits (标1（70, （20分*) are no figures.
    if (kind == Kind::kFigure && (Contains(f, "(") || Contains(f, ")") || Contains(f, "标") || Contains(f, "分")))
      continue;
    if (kind == Kind::kText) {
      if (f == "%") {
        s.percent_pending = true;
        continue;
      }
      bool part_label = Contains(f, "其中") || Contains(f, "结转") || Contains(f, "其他资金") || Contains(f, "拨款") ||
                        Contains(f, "自筹");
      bool total_label = IsBudgetTotalLabel(f);
      if (part_label && !(total_label && rows.size() == 1 && rows[0].figures.empty())) {
        if (!rows.back().figures.empty() || rows.back().label != nullptr || rows.size() == 1) rows.emplace_back();
        rows.back().label = &t;
      } else if (total_label && rows.size() == 1 && rows[0].label == nullptr) {
        rows[0].label = &t;
        rows[0].label_position = static_cast<int>(rows[0].figures.size());
      }
      continue;
    }
    if (kind == Kind::kNotApplicable && rows.size() == 1) continue;
    rows.back().figures.push_back(&t);
  }
}

// Budget pass 3, the total row: its figures go to the columns in order;
// the rate is the one printed with %.
void LinearReader::ReadBudgetTotal(BudgetSection& s) {
  const std::vector<BudgetColumn>& columns = s.columns;
  const NormalizeContext& money = s.money;
  NormalizeContext percent;
  percent.percent_column = true;
  Budget& b = report_.budget;
  const BudgetRow& total = s.rows.front();
  // The rate: the figure printed with %; a rate printed over two lines
  // ("67.75" / "%") is the figure that came out before the row label.
  int rate_index = -1;
  for (std::size_t i = 0; i < total.figures.size(); ++i)
    if (KindOf(*total.figures[i]) == Kind::kPct) {
      rate_index = static_cast<int>(i);
      break;
    }
  std::optional<std::string> rate_text;
  if (rate_index < 0 && s.percent_pending && total.label_position > 0) {
    rate_index = 0;
    rate_text = total.figures[0]->text + "%";
  }
  std::vector<const Token*>& others = s.others;
  for (std::size_t i = 0; i < total.figures.size(); ++i)
    if (static_cast<int>(i) != rate_index) others.push_back(total.figures[i]);
  std::vector<BudgetColumn> slots;
  for (BudgetColumn c : columns)
    if (c != BudgetColumn::kRate) slots.push_back(c);
  bool has_planned = std::find(columns.begin(), columns.end(), BudgetColumn::kPlanned) != columns.end();
  for (std::size_t i = 0; i < others.size() && i < slots.size() && !s.rate_only; ++i) {
    const Token& t = *others[i];
    switch (slots[i]) {
      case BudgetColumn::kInitial:
        if (!b.initial) b.initial = reader_.ReadValue(Printed(t), money, "/budget/initial");
        if (!has_planned && !b.planned) b.planned = reader_.ReadValue(Printed(t), money, "/budget/planned");
        break;
      case BudgetColumn::kPlanned:
        if (!b.planned) b.planned = reader_.ReadValue(Printed(t), money, "/budget/planned");
        break;
      case BudgetColumn::kExecuted:
        if (!b.executed) b.executed = reader_.ReadValue(Printed(t), money, "/budget/executed");
        break;
      case BudgetColumn::kWeight: {
        ScoredNumber w = reader_.ReadPoints(Printed(t), "/budget/weight");
        if (w.declared) b.weight = w.declared;
        break;
      }
      case BudgetColumn::kScore:
        if (!b.score.declared) b.score = reader_.ReadPoints(Printed(t), "/budget/score");
        break;
      default:
        break;
    }
  }
  if (rate_index >= 0 && !b.rate) {
    PrintedText rate = Printed(*total.figures[static_cast<std::size_t>(rate_index)]);
    if (rate_text) rate.text = *rate_text;
    b.rate = reader_.ReadValue(rate, percent, "/budget/rate");
  }
  if (!b.weight && budget_weight_) b.weight = budget_weight_;
}

// Budget pass 4, parts: the money columns' figures of the part rows, as
// components of the total's.
void LinearReader::ReadBudgetParts(const BudgetSection& s) {
  const std::vector<BudgetColumn>& columns = s.columns;
  const std::vector<BudgetRow>& rows = s.rows;
  const std::vector<const Token*>& others = s.others;
  const NormalizeContext& money = s.money;
  std::vector<BudgetColumn> money_columns;
  for (BudgetColumn c : columns)
    if (c == BudgetColumn::kInitial || c == BudgetColumn::kPlanned || c == BudgetColumn::kExecuted) money_columns.push_back(c);
  for (std::size_t m = 0; m < money_columns.size() && m < others.size(); ++m) {
    std::optional<Value> total_value = reader_.ReadValue(Printed(*others[m]), money, "");
    if (!total_value || !total_value->number) continue;
    Component comp;
    comp.label = money_columns[m] == BudgetColumn::kInitial ? "initial"
                 : money_columns[m] == BudgetColumn::kPlanned ? "planned" : "executed";
    comp.total = *total_value;
    comp.where = total_value->where;
    std::string raw;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      std::vector<const Token*> numbers;
      for (const Token* t : rows[r].figures)
        if (KindOf(*t) != Kind::kNotApplicable) numbers.push_back(t);
      if (numbers.size() != money_columns.size()) continue;
      std::optional<Value> v = reader_.ReadValue(Printed(*numbers[m]), money, "");
      if (!v || !v->number) continue;
      raw += (raw.empty() ? "" : " + ") + v->raw;
      comp.parts.push_back(*v);
    }
    if (comp.parts.empty()) continue;
    comp.raw = comp.label + ": " + raw + " = " + total_value->raw;
    report_.facts.components.push_back(std::move(comp));
  }
}

// Whether the money columns' header (预算数 / 执行数) comes out after the
// total row's first figure: the text then does not follow the grid, and
// which figure is which column is a guess. A guessed budget would accuse
// the document of contradictions it does not have.
bool HeaderAfterFigures(const BudgetSection& s) {
  const std::vector<const Token*>& figures = s.rows.front().figures;
  if (figures.empty()) return false;
  for (const Token* t = figures.front(); t < s.tokens.data() + s.tokens.size(); ++t)
    if (Contains(t->folded, "预算数") || Contains(t->folded, "执行数")) return true;
  return false;
}

void LinearReader::ReadBudget(int begin, int end) {
  if (begin < 0 || end <= begin) return;
  BudgetSection s;
  s.tokens = Tokens(begin, end);
  ReadBudgetHeader(s);
  FindBudgetRows(s);
  // Only the rate, printed with %, is known then.
  s.rate_only = HeaderAfterFigures(s);
  if (s.rate_only)
    report_.reading.problems.push_back("预算执行情况的预算数、执行数表头印在其数字之后（文本未按表格顺序），预算数字未读出");
  ReadBudgetTotal(s);
  if (!s.rate_only) ReadBudgetParts(s);
}

// One indicator row found in the sequence: its value tokens, then its name.
struct Row {
  std::size_t first = 0;  // position of the first value token in the data list
  std::size_t end = 0;    // one past its last value token
  const Token* target = nullptr;
  const Token* target_end = nullptr;  // the end of a wrapped target printed after the row (its number, 底前)
  const Token* inner_name = nullptr;  // a name printed between the values and the score
  const Token* actual = nullptr;
  const Token* actual_end = nullptr;  // the wrapped tail of a figure actual (底前), printed after the row
  const Token* ratio = nullptr;
  const Token* weight = nullptr;
  const Token* score = nullptr;
  std::vector<const Token*> name;
  std::size_t name_position = 0;  // data position of the name (or `first`)
};

std::vector<Token> LinearReader::AfterTotal(int at, int* section_end) const {
  std::vector<Token> out;
  *section_end = static_cast<int>(lines_.size());
  if (at < 0) return out;
  bool started = false;
  for (int i = at; i < static_cast<int>(lines_.size()); ++i) {
    if (i > at) {
      std::vector<std::string> cells = SplitCells(lines_[static_cast<std::size_t>(i)].text);
      std::string first = cells.empty() ? "" : Fold(cells.front());
      if (IsSectionEndLabel(first) && !IsTotalLabel(first)) {
        *section_end = i;
        break;
      }
    }
    for (Token& t : Tokens(i, i + 1)) {
      if (started) {
        out.push_back(std::move(t));
      } else if (IsTotalLabel(t.folded)) {
        started = true;  // the label itself (and a figure inline in it) is the total's
      }
    }
  }
  return out;
}

// A level label, or a bare weight, taken out of the indicator section's
// cells; `position` places it among the data cells.
struct Event {
  enum Type { kLevel1, kLevel2, kWeight } type;
  std::string label;
  std::size_t position;  // data tokens before it
  const Token* token;
  std::size_t index = 0;  // token index
  bool budget = false;    // a weight printed right after 预算执行情况（万元）
};

// A name found in a gap between rows: its pieces and its data position.
struct Name {
  std::vector<const Token*> pieces;
  std::size_t position;
};

// What the passes over the indicator section share. `data`, `events` and
// the rows point into `tokens` and `joined_values`, so it stays in place
// (it is neither copied nor moved) while the passes run.
struct IndicatorSection {
  std::vector<Token> tokens;
  std::vector<Event> events;
  std::vector<const Token*> data;   // value and name cells, in order
  std::deque<Token> joined_values;  // value cells rejoined from their wrapped pieces
  std::vector<Row> rows;
  std::vector<std::vector<std::size_t>> gaps;          // name tokens before row k (gap k), after the last (gap R)
  std::vector<std::vector<const Token*>> deviations;  // per row
  std::size_t widest = 0;                              // longest name piece
  bool values_first = false;                           // the name column came out after all values
  std::vector<std::string> late_level2;                // per row; empty: the last label before it
  std::vector<std::optional<LinearReader::LabelWeight>> level1_weight;  // per event: the weight paired with a first level
  std::string goal_tail_among_rows;  // a goal label's wrapped tail met among the rows, if any
  RowColumns columns;
  std::vector<std::string> unread_names;  // numbered names whose rows were not read
  std::vector<Token> late_total;          // the total row's figures, when a late score column was placed
  std::set<std::size_t> name_breaks;      // data positions that start a name, whatever came before
};

// The label of `type` printed last before `position`, or, for the first
// rows, the first one after them (merged cells are centred on their rows).
std::string LevelAt(const std::vector<Event>& events, Event::Type type, std::size_t position) {
  const Event* before = nullptr;
  const Event* after = nullptr;
  for (const Event& e : events) {
    if (e.type != type) continue;
    if (e.position <= position) before = &e;
    else if (after == nullptr) after = &e;
  }
  if (before != nullptr) return before->label;
  return after != nullptr ? after->label : "";
}

// Goals: rows after the k-th restart of the 一级指标 order (产出, 效益,
// 满意度, then 满意度 again) belong to goal k.
int RestartsBefore(const std::vector<Event>& events, std::size_t position) {
  int restarts = 0, last = -1;
  for (const Event& e : events) {
    if (e.type != Event::kLevel1 || e.position > position) continue;
    int rank = Level1Rank(e.label);
    if (last >= 0 && rank <= last) ++restarts;
    last = rank;
  }
  return restarts;
}

// Whether labels given to rows keep the first levels in the form's order
// (产出, 效益, 满意度) over all rows; fills the empty ones with the label
// printed last before their row.
bool KeepsLevelOrder(const IndicatorSection& s, std::vector<std::string>& labels) {
  int last_rank = -1;
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    if (labels[k].empty()) labels[k] = LevelAt(s.events, Event::kLevel2, std::min(s.rows[k].name_position, s.rows[k].first));
    const Level2Label* l = FindLevel2(labels[k]);
    int rank = l != nullptr ? Level1Rank(l->level1) : -1;
    if (rank < last_rank) return false;
    last_rank = rank;
  }
  return true;
}

// A label wrapped beside a wrapped cell of the next column: its head
// starts a line shared with that cell (可持续影响指 进一步为服务对象宣传
// 医疗), its tail stands alone on one of the next two lines (标), or starts
// such a line beside the next column's own wrapped cells (标 满意度指), as
// text that lists each line's cells left to right puts it. Returns the
// tail's token index.
std::optional<std::size_t> LinearReader::SideLabelTail(const std::vector<Token>& tokens, std::size_t at) const {
  const Token& head = tokens[at];
  bool starts_shared_line = (at == 0 || tokens[at - 1].line != head.line) && at + 1 < tokens.size() &&
                            tokens[at + 1].line == head.line;
  if (!starts_shared_line || CharCount(head.folded) > 7) return std::nullopt;
  for (std::size_t j = at + 2; j < tokens.size() && j <= at + 4; ++j) {
    const Token& tail = tokens[j];
    if (tail.line > head.line + 2) break;
    bool starts_line = tail.line != tokens[j - 1].line;
    if (!starts_line || tail.line == head.line || CharCount(tail.folded) > 3) continue;
    if (paragraph_cells_ && tail.paragraph != head.paragraph) break;
    std::string joined = head.folded + tail.folded;
    if (IsLevel1(joined) || FindLevel2(joined) != nullptr) return j;
  }
  return std::nullopt;
}

// The row's columns from the section's header, the cells before its first
// figure: 分值 printed before the target's header puts the weight first.
RowColumns LinearReader::ColumnsOf(const std::vector<Token>& tokens) const {
  RowColumns columns;
  columns.ratio = has_ratio_;
  columns.weight = has_weight_;
  columns.cell_per_paragraph = paragraph_cells_;
  std::optional<std::size_t> weight_at, target_at;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string& f = tokens[i].folded;
    if (IsValueKind(KindOf(tokens[i])) && !IsBareWeight(tokens[i].text)) break;
    if (!weight_at && StartsWith(f, "分值")) weight_at = i;
    if (!target_at && (StartsWith(f, "年度指标值") || StartsWith(f, "年初目标值") || StartsWith(f, "指标值") ||
                       StartsWith(f, "目标值")))
      target_at = i;
  }
  columns.weight_first = columns.weight && weight_at && target_at && *weight_at < *target_at;
  return columns;
}

// A first-level label wrapped around the second-level label beside it:
// its merged cell is centred on the rows, and the second column's label
// stands on a line of its own between the halves (产出 / 数量指标 / 指标).
// Returns the tail's token index.
std::optional<std::size_t> Level1AroundLevel2(const std::vector<Token>& tokens, std::size_t at) {
  if (at + 2 >= tokens.size()) return std::nullopt;
  const std::string head = tokens[at].folded;
  if (CharCount(head) > 3 || HasDigit(head) || IsLevel1(head)) return std::nullopt;
  if (FindLevel2(Fold(StripPrintedWeight(tokens[at + 1].text))) == nullptr) return std::nullopt;
  if (!IsLevel1(head + Fold(StripPrintedWeight(tokens[at + 2].text)))) return std::nullopt;
  return at + 2;
}

// A level label's merged cell wrapped around the cells beside it: its
// head, then, within the next five lines, its tail of up to three
// characters at the start of a line (服务对象满意 … / 度指标; 服务对象满意度
// / 受益群众满意率 / 指标). Only a head and tail that make a label exactly
// are taken. Returns the tail's token index.
std::optional<std::size_t> SplitLabelTail(const std::vector<Token>& tokens, std::size_t at,
                                          const std::vector<bool>& taken) {
  constexpr int kLines = 5;
  constexpr std::size_t kTailChars = 3;
  const std::string head = Fold(StripPrintedWeight(tokens[at].text));
  if (head.empty() || HasDigit(head) || IsLevel1(head) || FindLevel2(head) != nullptr) return std::nullopt;
  for (std::size_t j = at + 1; j < tokens.size() && tokens[j].line <= tokens[at].line + kLines; ++j) {
    const Token& tail = tokens[j];
    bool starts_line = tokens[j - 1].line != tail.line;
    if (taken[j] || !starts_line || tail.line == tokens[at].line || CharCount(tail.folded) > kTailChars) continue;
    std::string joined = head + tail.folded;
    if (IsLevel1(joined) || FindLevel2(joined) != nullptr) return j;
  }
  return std::nullopt;
}

// Pass 1, cells into labels and data: level labels (also wrapped over two
// or three pieces), bare weights, label pieces and header words are taken
// out as events; what remains is data, with short value cells wrapped in
// their narrow column joined again.
void LinearReader::SortCells(IndicatorSection& s) const {
  const std::vector<Token>& tokens = s.tokens;
  std::vector<Event>& events = s.events;
  std::vector<const Token*>& data = s.data;
  std::vector<bool> label_tail(tokens.size(), false);
  std::size_t i = 0;
  while (i < tokens.size() && IsHeaderWord(tokens[i].folded)) ++i;
  for (; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (label_tail[i]) continue;
    if (std::optional<std::size_t> tail = SideLabelTail(tokens, i)) {
      std::string joined = t.folded + tokens[*tail].folded;
      events.push_back({IsLevel1(joined) ? Event::kLevel1 : Event::kLevel2, joined, data.size(), &t, i});
      label_tail[*tail] = true;
      continue;
    }
    // A goal label's tail is the goal's, never a piece of a name or a value.
    if (IsGoalLabelTail(t.folded)) {
      if (s.goal_tail_among_rows.empty() && !data.empty()) s.goal_tail_among_rows = t.text;
      continue;
    }
    if (std::optional<std::size_t> tail = Level1AroundLevel2(tokens, i)) {
      std::string level1 = Fold(t.text) + Fold(StripPrintedWeight(tokens[*tail].text));
      std::string level2 = Fold(StripPrintedWeight(tokens[i + 1].text));
      events.push_back({Event::kLevel1, level1, data.size(), &t, i});
      events.push_back({Event::kLevel2, level2, data.size(), &tokens[i + 1], i + 1});
      for (std::size_t k : {i + 1, *tail})
        if (FindPrintedWeight(tokens[k].text)) events.push_back({Event::kWeight, "", data.size(), &tokens[k], k});
      label_tail[*tail] = true;
      ++i;
      continue;
    }
    bool merged = false;
    for (std::size_t n = 3; n >= 1 && !merged; --n) {
      if (i + n > tokens.size()) continue;
      std::string joined;
      bool short_pieces = true;
      for (std::size_t k = 0; k < n; ++k) {
        std::string piece = Fold(StripPrintedWeight(tokens[i + k].text));
        if (n > 1 && CharCount(piece) > 7) short_pieces = false;
        joined += piece;
      }
      if (!short_pieces) continue;
      Event::Type type;
      if (IsLevel1(joined)) {
        type = Event::kLevel1;
      } else if (FindLevel2(joined) != nullptr) {
        type = Event::kLevel2;
      } else {
        continue;
      }
      events.push_back({type, joined, data.size(), &t, i + n - 1});
      for (std::size_t k = 0; k < n; ++k)
        if (FindPrintedWeight(tokens[i + k].text))
          events.push_back({Event::kWeight, "", data.size(), &tokens[i + k], i + k});
      i += n - 1;
      merged = true;
    }
    if (merged) continue;
    if (std::optional<std::size_t> tail = SplitLabelTail(tokens, i, label_tail)) {
      std::string joined = Fold(StripPrintedWeight(t.text)) + tokens[*tail].folded;
      events.push_back({IsLevel1(joined) ? Event::kLevel1 : Event::kLevel2, joined, data.size(), &t, i});
      if (FindPrintedWeight(t.text)) events.push_back({Event::kWeight, "", data.size(), &t, i});
      label_tail[*tail] = true;
      continue;
    }
    if (IsBareWeight(t.text)) {
      Event e{Event::kWeight, "", data.size(), &t, i};
      // （20分） under 预算执行情况（万元） is the budget's, not a group's.
      for (std::size_t k = i; k > 0 && k + 3 > i; --k) {
        const std::string& before = tokens[k - 1].folded;
        if (Contains(before, "预算") || Contains(before, "万元") || Contains(before, "(元)")) e.budget = true;
        if (!IsBareWeight(tokens[k - 1].text) && !MoneyUnitOf(before)) break;
      }
      events.push_back(e);
      continue;
    }
    std::string bare = Fold(StripPrintedWeight(t.text));
    bool name_line =
        !data.empty() && KindOf(*data.back()) == Kind::kText && IsNameLastLine(*data.back(), t, paragraph_cells_);
    if (bare.empty() || (IsLabelFragment(bare) && !name_line) || IsHeaderWord(bare) || IsCheckboxLine(bare) ||
        IsBracketPiece(bare))
      continue;
    if (t.line >= 0 && static_cast<std::size_t>(t.line) < claimed_.size() && claimed_[static_cast<std::size_t>(t.line)])
      continue;
    // A short value cell wrapped in its narrow column: "一定的积极" / "作用"
    // (a figure's tail, 底前, ends a figure, not a word).
    // Two like pieces are the ends of two like values (作用 / 作用), not one.
    if (!data.empty() && KindOf(t) == Kind::kText && CharCount(t.folded) <= 2 && !IsFigureTail(t.folded) &&
        KindOf(*data.back()) == Kind::kText && !IsFigureTail(data.back()->folded) && t.folded != data.back()->folded &&
        CharCount(data.back()->folded) <= 7 && !HasPunctuation(data.back()->folded) &&
        (!paragraph_cells_ || t.paragraph == data.back()->paragraph)) {
      Token whole = *data.back();
      whole.text += t.text;
      whole.folded += t.folded;
      s.joined_values.push_back(std::move(whole));
      data.back() = &s.joined_values.back();
      continue;
    }
    data.push_back(&t);
  }
}

std::size_t TryRow(const std::vector<const Token*>& data, std::size_t at, const RowColumns& columns, Row& row);

// A cell that is a comparator word and nothing else (大于等于, 不低于).
bool IsComparatorWord(const Token& t) {
  if (HasDigit(t.folded) || KindOf(t) != Kind::kText) return false;
  std::u32string text = DecodeUtf8Lossy(t.folded);
  std::optional<norm::ComparatorMatch> m = norm::ComparatorBefore(text, 0, text.size());
  return m && m->begin == 0;
}

// Whether a row may end before its last columns: its figures are
// followed by the next name (or end the section), or, its weight read, by
// the next row's figures (that row's name printed after them), the
// column's cells having been printed elsewhere (after the page's other
// text). A target and an actual that both carry a unit, % or comparator,
// or words with the weight read, tell a row from pieces of a name; bare
// numbers may be any column's cells (a weight, a score, the total's) and
// are not taken.
bool MayEndOpen(const std::vector<const Token*>& data, std::size_t next, const Row& row, const RowColumns& columns) {
  const bool last = next >= data.size();
  if (!last && KindOf(*data[next]) != Kind::kText) {
    if (row.weight == nullptr || columns.weight_first) return false;
    Row following;
    if (TryRow(data, next, columns, following) == 0) return false;
  }
  // With a cell per paragraph, pieces of one paragraph are one cell.
  if (columns.cell_per_paragraph && (row.target->paragraph == row.actual->paragraph ||
                                     (!last && row.actual->paragraph == data[next]->paragraph)))
    return false;
  auto marked = [](const Token* t) { return KindOf(*t) == Kind::kPct || KindOf(*t) == Kind::kFigure; };
  auto word = [](const Token* t) { return KindOf(*t) == Kind::kText; };
  if (marked(row.target) && marked(row.actual)) return true;
  return row.weight != nullptr && word(row.target) && word(row.actual);
}

// A row's name printed between its values and its weight / score: a name
// cell centred on a row taller than one line stands below the values'
// line and above the score's. Only a name followed by exactly the
// missing cells, then text or the section's end, is taken (a further
// figure would make them the next row's name and values). Returns the
// cells taken after the values, or 0.
std::size_t NameAmongCells(const std::vector<const Token*>& data, std::size_t at, const RowColumns& columns, Row& row) {
  if (at >= data.size()) return 0;
  const Token* name = data[at];
  if (KindOf(*name) != Kind::kText || HasDigit(name->folded) || CharCount(name->folded) < 3) return 0;
  std::size_t j = at + 1;
  const Token* weight = nullptr;
  if (columns.weight) {
    if (j >= data.size() || KindOf(*data[j]) != Kind::kNum) return 0;
    weight = data[j++];
  }
  if (j >= data.size() || KindOf(*data[j]) != Kind::kNum) return 0;
  const Token* score = data[j++];
  if (j < data.size() && KindOf(*data[j]) != Kind::kText) return 0;
  if (weight != nullptr) {
    std::optional<double> w = ParsePoints(weight->text), v = ParsePoints(score->text);
    if (!w || !v || *v > *w) return 0;
  }
  row.inner_name = name;
  row.weight = weight;
  row.score = score;
  row.end = j;
  return j - at;
}

// One row at data position `at`: target, actual, then the ratio / weight /
// score the header announces (or the weight before the target). A target
// and an actual are both figures or both short text (稳步提升 / 已完善);
// anything else is (part of) a name. A row whose last columns are missing
// before the next name is read open (see MayEndOpen). Returns the number
// of data cells the row takes, 0 when none starts here.
std::size_t TryRow(const std::vector<const Token*>& data, std::size_t at, const RowColumns& columns, Row& row) {
  // A figure's tail word alone (前, 以上) is a piece of a figure, no value.
  auto short_text = [](const Token* t) {
    return KindOf(*t) == Kind::kText && CharCount(t->folded) <= 8 && !HasPunctuation(t->folded) &&
           !IsFigureTail(t->folded);
  };
  std::size_t j = at;
  if (columns.weight && columns.weight_first) {
    if (j >= data.size() || KindOf(*data[j]) != Kind::kNum) return 0;
    row.weight = data[j++];
  }
  if (j + 2 > data.size()) return 0;
  const Token* v1 = data[j];
  const Token* v2 = data[j + 1];
  bool figures = IsValueKind(KindOf(*v1)) && (IsValueKind(KindOf(*v2)) || short_text(v2));
  bool words = short_text(v1) && short_text(v2) && !IsComparatorWord(*v1);
  bool wrapped_target = IsComparatorWord(*v1) && (KindOf(*v2) == Kind::kPct || KindOf(*v2) == Kind::kFigure);
  if (!figures && !words && !wrapped_target) return 0;
  j += 2;
  row.target = v1;
  row.actual = v2;
  row.first = at;
  auto end_open = [&]() -> std::size_t {
    if (!MayEndOpen(data, j, row, columns)) return 0;
    row.end = j;
    return j - at;
  };
  // Among word values, only a cell no value could be (long, or with
  // punctuation) is a name.
  bool name_may_follow =
      !wrapped_target && !columns.weight_first && (!words || (j < data.size() && !short_text(data[j])));
  if (name_may_follow)
    if (std::size_t used = NameAmongCells(data, j, columns, row)) return j + used - at;
  if (columns.ratio && j + 1 < data.size() && KindOf(*data[j]) == Kind::kPct && KindOf(*data[j + 1]) == Kind::kNum)
    row.ratio = data[j++];
  if (columns.weight && !columns.weight_first) {
    if (j >= data.size() || KindOf(*data[j]) != Kind::kNum) return end_open();
    row.weight = data[j++];
  }
  if (j >= data.size() || KindOf(*data[j]) != Kind::kNum) return wrapped_target ? 0 : end_open();
  row.score = data[j++];
  // A target printed as a comparator word whose number wrapped to the
  // cell's next line: the text prints that line after the row's other
  // cells (on the word's line), so the next cell, a figure of the
  // actual's kind, ends it. With the actual on a later line than the word,
  // which figure is the target's is a guess unless they are the same.
  if (wrapped_target) {
    if (j >= data.size() || KindOf(*data[j]) != KindOf(*row.actual)) return 0;
    if (row.actual->line != row.target->line && data[j]->folded != row.actual->folded) return 0;
    row.target_end = data[j++];
  }
  // Two figures wrapped before their tail words (2023年11月 / 底前): the
  // two tails come out after the row's other cells, in column order.
  if (!wrapped_target && j + 1 < data.size() && IsFigureTail(data[j]->folded) && IsFigureTail(data[j + 1]->folded) &&
      KindOf(*row.target) == Kind::kFigure && KindOf(*row.actual) == Kind::kFigure) {
    row.target_end = data[j++];
    row.actual_end = data[j++];
  }
  row.end = j;
  return j - at;
}

// Pass 2, rows: runs of the first `limit` data cells that read as a
// row's values; the cells between them (and those from `limit` on) fall
// into gaps (names).
void ScanRows(IndicatorSection& s, std::size_t limit) {
  const std::vector<const Token*>& data = s.data;
  const std::vector<const Token*> prefix(data.begin(),
                                         data.begin() + static_cast<std::ptrdiff_t>(std::min(limit, data.size())));
  s.rows.clear();
  s.gaps.assign(1, {});
  for (std::size_t at = 0; at < data.size();) {
    Row row;
    if (at < limit) {
      if (std::size_t used = TryRow(prefix, at, s.columns, row)) {
        s.rows.push_back(row);
        s.gaps.emplace_back();
        at += used;
        continue;
      }
    }
    s.gaps.back().push_back(at);
    ++at;
  }
}

// A score column printed after the table (the text lists it after the
// page's other cells): the rows read open for want of their score, and as
// many bare numbers at the end of the section, then the total row's own
// one or two. The numbers go to those rows only when their order cannot
// matter (they are all the same) and none exceeds its row's weight;
// else the rows stay open. Returns whether the column was placed; the
// total's figures are then in `s.late_total`.
bool LinearReader::PlaceLateScores(IndicatorSection& s, const std::vector<Token>& total_figures) const {
  const std::vector<const Token*>& data = s.data;
  std::size_t run = 0;
  while (run < data.size() && KindOf(*data[data.size() - 1 - run]) == Kind::kNum) ++run;
  if (run == 0) return false;
  std::vector<Row> rows = s.rows;
  std::vector<std::vector<std::size_t>> gaps = s.gaps;
  ScanRows(s, data.size() - run);
  std::vector<std::size_t> open;
  for (std::size_t k = 0; k < s.rows.size(); ++k)
    if (s.rows[k].weight != nullptr && s.rows[k].score == nullptr) open.push_back(k);
  std::vector<const Token*> late(data.end() - static_cast<std::ptrdiff_t>(run), data.end());
  for (const Token& t : total_figures) {
    s.joined_values.push_back(t);
    late.push_back(&s.joined_values.back());
  }
  bool fits = !open.empty() && late.size() > open.size() && late.size() <= open.size() + 2;
  for (std::size_t i = 0; fits && i < open.size(); ++i) {
    std::optional<double> score = ParsePoints(late[i]->text);
    std::optional<double> weight = ParsePoints(s.rows[open[i]].weight->text);
    fits = late[i]->folded == late[0]->folded && score && weight && *score <= *weight;
  }
  if (!fits) {
    s.rows = std::move(rows);
    s.gaps = std::move(gaps);
    return false;
  }
  for (std::size_t i = 0; i < open.size(); ++i) s.rows[open[i]].score = late[i];
  for (std::size_t i = open.size(); i < late.size(); ++i) s.late_total.push_back(*late[i]);
  std::vector<std::size_t>& tail = s.gaps.back();
  const std::size_t first_late = data.size() - run;
  tail.erase(std::remove_if(tail.begin(), tail.end(), [&](std::size_t at) { return at >= first_late; }), tail.end());
  return true;
}

// Pass 2, rows (see ScanRows and PlaceLateScores). Bare numbers left in
// the gaps are dropped; those after the last row are the total row's
// figures, printed before its label, and are returned.
std::vector<Token> LinearReader::FindRows(IndicatorSection& s, const std::vector<Token>& total_figures) const {
  const std::vector<const Token*>& data = s.data;
  ScanRows(s, data.size());
  PlaceLateScores(s, total_figures);
  std::vector<Token> leftover;
  for (std::size_t at : s.gaps.back())
    if (KindOf(*data[at]) == Kind::kNum) leftover.push_back(*data[at]);
  for (auto& gap : s.gaps)
    gap.erase(std::remove_if(gap.begin(), gap.end(), [&](std::size_t at) { return KindOf(*data[at]) == Kind::kNum; }),
              gap.end());
  return leftover;
}

// Pass 3, deviation notes: a row that lost points may print a deviation
// note (偏差原因分析) right after its figures: leading pieces of the next
// gap that do not start a numbered name (指标N：), keeping one piece for
// the next row's name unless it is the last gap.
void LinearReader::TakeDeviations(IndicatorSection& s) const {
  s.deviations.assign(s.rows.size(), {});
  if (!has_deviation_) return;
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    const Row& row = s.rows[k];
    std::optional<double> weight = row.weight ? ParsePoints(row.weight->text) : std::nullopt;
    if (row.score == nullptr) continue;
    std::optional<double> score = ParsePoints(row.score->text);
    if (!weight || !score || *score >= *weight) continue;
    std::vector<std::size_t>& gap = s.gaps[k + 1];
    std::size_t keep = k + 1 == s.rows.size() ? 0 : 1;
    std::size_t taken = 0;
    while (taken < gap.size() && gap.size() - taken > keep && !MatchCue(s.data[gap[taken]]->folded, "指标#") &&
           KindOf(*s.data[gap[taken]]) == Kind::kText)
      s.deviations[k].push_back(s.data[gap[taken++]]);
    gap.erase(gap.begin(), gap.begin() + static_cast<std::ptrdiff_t>(taken));
  }
}

// A name printed with its number (指标3：…) starts an indicator of its own.
bool IsNumberedName(std::string_view folded) { return MatchCue(folded, "指标#") && StartsWith(folded, "指标"); }

// Appends the pieces of `names[from, to)` to `row`'s name: a wrapped
// name's lines printed after its figures. A numbered name among them is an
// indicator whose figures were not read, not a line of the row above: it
// and what follows are left out and recorded in `unread`.
void ContinueName(const std::vector<Name>& names, std::size_t from, std::size_t to, Row& row,
                  std::vector<std::string>& unread) {
  for (std::size_t n = from; n < to; ++n) {
    if (IsNumberedName(names[n].pieces.front()->folded)) {
      unread.push_back(names[n].pieces.front()->text);
      return;
    }
    for (const Token* p : names[n].pieces) row.name.push_back(p);
  }
}

// Pass 3b, wrapped word values: a row whose target and actual are words
// wraps them in their narrow columns (一定的积极 / 作用); their last lines
// come out among the next cells: two pieces of one or two characters
// among the first few of the next gap. Those two end the target and the
// actual, in order, and are no part of a name; where they stood, a name
// ends (the cells after them are the next row's).
void LinearReader::TakeValueTails(IndicatorSection& s) const {
  constexpr std::size_t kLookAhead = 4;
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    Row& row = s.rows[k];
    if (KindOf(*row.target) != Kind::kText || KindOf(*row.actual) != Kind::kText) continue;
    std::vector<std::size_t>& gap = s.gaps[k + 1];
    std::vector<std::size_t> tails;  // indexes into gap
    for (std::size_t g = 0; g < gap.size() && g < kLookAhead; ++g) {
      const Token* t = s.data[gap[g]];
      if (CharCount(t->folded) <= 2 && !HasDigit(t->folded) && KindOf(*t) == Kind::kText) tails.push_back(g);
    }
    if (tails.size() != 2 || tails[1] != tails[0] + 1) continue;
    const Token* ends[2] = {s.data[gap[tails[0]]], s.data[gap[tails[1]]]};
    const Token** values[2] = {&row.target, &row.actual};
    for (int v = 0; v < 2; ++v) {
      Token whole = **values[v];
      whole.text += ends[v]->text;
      whole.folded += ends[v]->folded;
      s.joined_values.push_back(std::move(whole));
      *values[v] = &s.joined_values.back();
    }
    if (tails[1] + 1 < gap.size()) s.name_breaks.insert(gap[tails[1] + 1]);
    gap.erase(gap.begin() + static_cast<std::ptrdiff_t>(tails[0]),
              gap.begin() + static_cast<std::ptrdiff_t>(tails[1]) + 1);
  }
}

// The names in one gap: pieces of one wrapped name run on while the piece
// before fills the column (a line as long as the longest), or a piece is
// one character; 指标N： starts a new one.
std::vector<Name> LinearReader::NamesOf(const IndicatorSection& s, const std::vector<std::size_t>& gap) const {
  std::vector<Name> names;
  for (std::size_t at : gap) {
    const Token* t = s.data[at];
    bool numbered = IsNumberedName(t->folded);
    bool continues = !names.empty() && !numbered && !s.name_breaks.count(at) &&
                     (paragraph_cells_ ? t->paragraph == names.back().pieces.back()->paragraph
                                       : CharCount(names.back().pieces.back()->folded) + 1 >= s.widest ||
                                             IsNameLastLine(*names.back().pieces.back(), *t, paragraph_cells_));
    if (continues) {
      names.back().pieces.push_back(t);
    } else if (CharCount(t->folded) > 2 || HasDigit(t->folded)) {
      names.push_back({{t}, at});  // one or two characters alone: a wrapped value's tail
    }
  }
  return names;
}

// Pass 4, names: the names of the gaps go to the rows, either in order
// (the name column came out after all the values) or each gap's last name
// to the row after it, with the leftovers sorted out.
void LinearReader::NameRows(IndicatorSection& s) const {
  std::vector<Row>& rows = s.rows;
  for (const auto& gap : s.gaps)
    for (std::size_t at : gap) s.widest = std::max(s.widest, CharCount(s.data[at]->folded));
  std::size_t empty_gaps = 0;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (NamesOf(s, s.gaps[k]).empty()) ++empty_gaps;
  std::vector<Name> trailing = NamesOf(s, s.gaps.back());
  s.values_first = empty_gaps * 2 >= rows.size() && trailing.size() + 1 >= rows.size() && rows.size() >= 2;
  if (s.values_first) {
    // The name column came out after all the values.
    std::vector<Name> all;
    for (const auto& gap : s.gaps)
      for (Name& n : NamesOf(s, gap)) all.push_back(std::move(n));
    for (std::size_t k = 0; k < rows.size() && k < all.size(); ++k) {
      rows[k].name = all[k].pieces;
      rows[k].name_position = all[k].position;
    }
    return;
  }
  std::vector<std::vector<Name>> names;
  for (const auto& gap : s.gaps) names.push_back(NamesOf(s, gap));
  // A row with no name before it takes the first of the next gap's when
  // that gap has more than its own (its name came out after its values).
  std::vector<std::optional<Name>> borrowed(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) {
    std::vector<Name>& next = names[k + 1];
    if (!names[k].empty() || next.empty()) continue;
    if (next.size() >= 2 && k + 1 < rows.size()) {
      borrowed[k] = next.front();
      next.erase(next.begin());
    }
  }
  for (std::size_t k = 0; k < rows.size(); ++k) {
    rows[k].name_position = rows[k].first;
    if (rows[k].inner_name != nullptr) {
      // The names before such a row are the row above's lines (or, with
      // a cell per paragraph, rows not read).
      if (k > 0 && !paragraph_cells_) ContinueName(names[k], 0, names[k].size(), rows[k - 1], s.unread_names);
      if (paragraph_cells_)
        for (const Name& n : names[k]) s.unread_names.push_back(n.pieces.front()->text);
      rows[k].name = {rows[k].inner_name};
      continue;
    }
    if (borrowed[k]) {
      rows[k].name = borrowed[k]->pieces;
      continue;
    }
    if (names[k].empty()) continue;
    // Earlier names in the gap are the previous row's wrapped lines;
    // with a cell per paragraph they are cells of rows not read, and the
    // reading says so.
    if (k > 0 && !paragraph_cells_) ContinueName(names[k], 0, names[k].size() - 1, rows[k - 1], s.unread_names);
    if (paragraph_cells_)
      for (std::size_t n = 0; n + 1 < names[k].size(); ++n) s.unread_names.push_back(names[k][n].pieces.front()->text);
    rows[k].name = names[k].back().pieces;
    rows[k].name_position = names[k].back().position;
  }
  // Rows still without a name take the last names after the table's
  // values, in order (their name cells came out last); names before
  // those continue the last row's name, unless a cell per paragraph says
  // they are other cells (a 得分计算方法 column's notes).
  std::vector<std::size_t> nameless;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (rows[k].name.empty()) nameless.push_back(k);
  std::vector<Name>& tail = names.back();
  std::size_t give = std::min(nameless.size(), tail.size());
  std::size_t first_given = tail.size() - give;
  if (!paragraph_cells_) ContinueName(tail, 0, first_given, rows.back(), s.unread_names);
  for (std::size_t n = 0; n < give; ++n) {
    Row& row = rows[nameless[n]];
    row.name = tail[first_given + n].pieces;
    row.name_position = tail[first_given + n].position;
  }
}

// Pass 5, wrapped name tails: a name that filled its column wraps: a piece
// of one or two characters right after the row's figures ends it
// (指标2：开展医保经办人员 / 培训).
void LinearReader::EndWrappedNames(IndicatorSection& s) const {
  if (s.values_first) return;
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    Row& row = s.rows[k];
    if (row.name.empty() || CharCount(row.name.back()->folded) + 1 < s.widest) continue;
    for (std::size_t at : s.gaps[k + 1]) {
      const Token* t = s.data[at];
      if (CharCount(t->folded) > 2 || HasDigit(t->folded)) break;
      if (paragraph_cells_ && t->paragraph != row.name.back()->paragraph) break;
      row.name.push_back(t);
      break;
    }
  }
}

// Pass 6, second levels beside names: a label printed on a line with one
// of a row's name pieces stands on the name's line: it is that row's
// (成本指标 项目经费). So is one printed among the pieces of a name kept
// whole by its paragraph (社会效益指标 between 全区所有城乡居民均纳入城 and
// 乡居民基本医疗保险覆盖范); without paragraphs a name may hold other
// cells' pieces. Sets late_level2 of those rows; returns the labels used.
std::vector<bool> LinearReader::Level2BesideNames(IndicatorSection& s) const {
  const std::vector<Row>& rows = s.rows;
  const std::vector<Event>& events = s.events;
  auto data_index = [&](const Token* t) {
    return static_cast<std::size_t>(std::find(s.data.begin(), s.data.end(), t) - s.data.begin());
  };
  std::vector<bool> used(events.size(), false);
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (rows[k].name.empty()) continue;
    std::size_t first = data_index(rows[k].name.front());
    std::size_t last = data_index(rows[k].name.back());
    std::optional<std::size_t> on_line, inside;
    for (std::size_t e = 0; e < events.size(); ++e) {
      if (events[e].type != Event::kLevel2) continue;
      if (std::any_of(rows[k].name.begin(), rows[k].name.end(),
                      [&](const Token* p) { return p->line == events[e].token->line; }))
        on_line = e;
      else if (paragraph_cells_ && events[e].position > first && events[e].position <= last)
        inside = e;
    }
    if (std::optional<std::size_t> e = on_line ? on_line : inside) {
      s.late_level2[k] = events[*e].label;
      used[*e] = true;
    }
  }
  return used;
}

// Pass 7, second levels printed late: second-level labels that go to rows
// by other signs than the last one printed before them (those beside
// names, and labels printed after all rows).
void LinearReader::AssignLateLevel2(IndicatorSection& s) const {
  const std::vector<Row>& rows = s.rows;
  const std::vector<Event>& events = s.events;
  s.late_level2.assign(rows.size(), std::string());
  std::vector<bool> used = Level2BesideNames(s);
  std::size_t last_row_end = rows.back().end;
  std::vector<const Event*> late;
  for (std::size_t e = 0; e < events.size(); ++e)
    if (events[e].type == Event::kLevel2 && events[e].position >= last_row_end && !used[e]) late.push_back(&events[e]);
  // Rows with no second-level label printed before them, when the labels
  // came out after all rows (the label column printed last): those labels
  // go to these rows in order, spread evenly.
  std::vector<std::size_t> unlabelled;
  std::vector<bool> own(rows.size(), false);  // a label printed since the row above
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (!s.late_level2[k].empty()) {
      own[k] = true;
      continue;
    }
    std::size_t position = std::min(rows[k].name_position, rows[k].first);
    std::size_t from = k == 0 ? 0 : rows[k - 1].end;
    bool labelled = false;
    for (const Event& e : events) {
      if (e.type != Event::kLevel2 || e.position > position) continue;
      labelled = true;
      if (e.position >= from) own[k] = true;
    }
    if (!labelled) unlabelled.push_back(k);
  }
  if (!unlabelled.empty() && !late.empty()) {
    std::vector<std::string> labels = s.late_level2;
    for (std::size_t u = 0; u < unlabelled.size(); ++u)
      labels[unlabelled[u]] = late[u * late.size() / unlabelled.size()]->label;
    std::vector<std::string> checked = labels;
    if (goals_.size() >= 2 || KeepsLevelOrder(s, checked)) s.late_level2 = labels;
  }
  // A cell per paragraph keeps the rows whole and in order; when no row
  // is unlabelled, yet labels came out after all rows, those are merged
  // label cells over several rows printed last. Rows with no label of
  // their own inherit one by mistake: each run of them takes one late
  // label, or a single run shares them out evenly, when the first levels
  // of all rows then stay in the form's order.
  if (paragraph_cells_ && unlabelled.empty() && !late.empty() && goals_.size() < 2) {
    std::vector<std::vector<std::size_t>> runs;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      if (own[k]) continue;
      if (runs.empty() || runs.back().back() + 1 != k) runs.emplace_back();
      runs.back().push_back(k);
    }
    std::vector<std::string> labels = s.late_level2;
    if (runs.size() == late.size()) {
      for (std::size_t r = 0; r < runs.size(); ++r)
        for (std::size_t k : runs[r]) labels[k] = late[r]->label;
    } else if (runs.size() == 1 && late.size() <= runs[0].size()) {
      for (std::size_t u = 0; u < runs[0].size(); ++u) labels[runs[0][u]] = late[u * late.size() / runs[0].size()]->label;
    }
    if (labels != s.late_level2 && KeepsLevelOrder(s, labels)) s.late_level2 = labels;
  }
}

// Pass 8, first-level weights: a label and its weight side by side pair
// first; then each other weight goes to the nearest label still without one
// printed before it; only then to the nearest printed after it. A group's
// weight is printed in the label's merged cell, under the label (产出指标 /
// （50分）), so however the lines of other columns come between, its label
// comes first, and the next group's label may well be nearer.
void LinearReader::PairLevel1Weights(IndicatorSection& s) const {
  const std::vector<Event>& events = s.events;
  s.level1_weight.assign(events.size(), std::nullopt);
  std::vector<bool> weight_used(events.size(), false);
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t w = 0; w < events.size(); ++w) {
      if (events[w].type != Event::kWeight || events[w].budget || weight_used[w]) continue;
      std::optional<PrintedWeight> pw = FindPrintedWeight(events[w].token->text);
      if (!pw) continue;
      std::optional<std::size_t> best;
      auto distance = [&](std::size_t k) { return k > w ? k - w : w - k; };
      for (std::size_t e = 0; e < events.size(); ++e) {
        if (events[e].type != Event::kLevel1 || s.level1_weight[e]) continue;
        bool adjacent = events[e].index + 1 == events[w].index || events[e].index == events[w].index;
        if (pass == 0 && !adjacent) continue;
        if (pass == 1 && e > w) continue;
        if (!best || distance(e) < distance(*best)) best = e;
      }
      if (!best) continue;
      s.level1_weight[*best] = LabelWeight{events[*best].label, pw->value, pw->raw};
      weight_used[w] = true;
    }
  }
}

// The indicator of row `k` (report index `idx`): its levels, name and
// values read through the cell reader; its group is set by the caller.
Indicator LinearReader::ReadRow(const IndicatorSection& s, std::size_t k, int idx) {
  const Row& row = s.rows[k];
  Indicator ind;
  std::size_t position = std::min(row.name_position, row.first);
  ind.level2 = s.late_level2[k];
  if (ind.level2.empty()) ind.level2 = LevelAt(s.events, Event::kLevel2, position);
  const Level2Label* l2 = FindLevel2(ind.level2);
  ind.level1 = l2 != nullptr ? std::string(l2->level1) : LevelAt(s.events, Event::kLevel1, position);
  for (const Token* t : row.name) ind.name += RemoveSpaces(t->text);
  const std::string base = "/indicators/" + std::to_string(idx) + "/";
  NormalizeContext value_context = IndicatorValueContext(ind.name, ind.level2);
  PrintedText target = Printed(*row.target);
  if (row.target_end != nullptr) target.text += row.target_end->text;
  ind.target = reader_.ReadValue(target, value_context, base + "target");
  PrintedText actual = Printed(*row.actual);
  if (row.actual_end != nullptr) actual.text += row.actual_end->text;
  ind.actual = reader_.ReadValue(actual, value_context, base + "actual");
  ApplyMoneyContext(ind.target, value_context);
  ApplyMoneyContext(ind.actual, value_context);
  if (row.ratio != nullptr) {
    NormalizeContext percent;
    percent.percent_column = true;
    ind.ratio = reader_.ReadValue(Printed(*row.ratio), percent, base + "ratio");
  }
  if (row.weight != nullptr) {
    ScoredNumber w = reader_.ReadPoints(Printed(*row.weight), base + "weight");
    if (w.declared) {
      ind.weight.value = w.declared;
      ind.weight.source = "column";
      ind.weight.raw = w.raw;
    }
  }
  if (row.score != nullptr) ind.score = reader_.ReadPoints(Printed(*row.score), base + "score");
  for (const Token* t : s.deviations[k]) ind.deviation_note += RemoveSpaces(t->text);
  ind.where = (row.name.empty() ? row.target : row.name.front())->where;
  ClassifyIndicator(ind);
  return ind;
}

// The group of a first level `level1` among `groups`, made (with the
// weight printed beside its label) when it is not there yet.
int LinearReader::Level1Group(const IndicatorSection& s, const std::string& level1, std::vector<Group>& groups) const {
  for (std::size_t k = groups.size(); k > 0; --k)
    if (groups[k - 1].level1 == level1) return static_cast<int>(k - 1);
  Group group;
  group.label = level1;
  group.level1 = level1;
  for (std::size_t e = 0; e < s.events.size(); ++e)
    if (s.level1_weight[e] && s.level1_weight[e]->label == level1) {
      group.weight = s.level1_weight[e]->value;
      group.weight_raw = s.level1_weight[e]->raw;
      group.where = s.events[e].token->where;
      break;
    }
  for (const LabelWeight& w : level1_weights_)
    if (!group.weight && w.label == level1) {
      group.weight = w.value;
      group.weight_raw = w.raw;
    }
  groups.push_back(std::move(group));
  return static_cast<int>(groups.size()) - 1;
}

// Rows read open (their last columns not found after their figures), and
// numbered names whose rows were not read, are reading problems: the
// report's sums then rest on cells not read.
void LinearReader::NoteOpenRows(const IndicatorSection& s) {
  int open = 0;
  for (const Row& row : s.rows) open += row.score == nullptr;
  if (open > 0)
    report_.reading.problems.push_back(std::to_string(open) +
                                       "行指标的得分（或分值）不在其数字之后（文本把该列印在别处），未读出");
  for (const std::string& name : s.unread_names)
    report_.reading.problems.push_back("指标“" + name + "”一行的数字未能读出：可能有行未读到");
}

// Pass 9, indicators and groups: each row becomes an indicator of the
// report. Rows belong to goals when the form has several, or one printed
// with its weight (年度绩效目标1（80分）: the 一级指标 beside it weigh nothing
// of their own); else to the group of their first level.
void LinearReader::EmitIndicators(const IndicatorSection& s) {
  const bool goal_mode = goals_.size() >= 2 || (goals_.size() == 1 && !goals_[0].raw.empty());
  std::vector<Group> groups;
  if (goal_mode) {
    for (const LabelWeight& g : goals_) {
      Group group;
      group.label = g.label;
      if (!g.raw.empty()) {
        group.weight = g.value;
        group.weight_raw = g.raw;
      }
      groups.push_back(std::move(group));
    }
  }
  for (std::size_t k = 0; k < s.rows.size(); ++k) {
    const int idx = static_cast<int>(report_.indicators.size());
    Indicator ind = ReadRow(s, k, idx);
    if (goal_mode) {
      std::size_t position = std::min(s.rows[k].name_position, s.rows[k].first);
      ind.group = std::min(RestartsBefore(s.events, position), static_cast<int>(groups.size()) - 1);
    } else if (!ind.level1.empty()) {
      ind.group = Level1Group(s, ind.level1, groups);
    }
    if (ind.group >= 0) groups[static_cast<std::size_t>(ind.group)].indicators.push_back(idx);
    report_.indicators.push_back(std::move(ind));
  }
  // A first level printed with its weight whose rows were not read still
  // is a part of the form: its group stands, without members.
  if (!goal_mode && !groups.empty()) {
    auto add_empty = [&](const std::string& level1, double weight, const std::string& raw, const Location* where) {
      for (const Group& g : groups)
        if (g.level1 == level1) return;
      Group group;
      group.label = level1;
      group.level1 = level1;
      group.weight = weight;
      group.weight_raw = raw;
      if (where != nullptr) group.where = *where;
      groups.push_back(std::move(group));
    };
    for (std::size_t e = 0; e < s.events.size(); ++e)
      if (s.level1_weight[e])
        add_empty(s.level1_weight[e]->label, s.level1_weight[e]->value, s.level1_weight[e]->raw, &s.events[e].token->where);
    for (const LabelWeight& w : level1_weights_) add_empty(w.label, w.value, w.raw, nullptr);
  }
  if (report_.groups.empty()) report_.groups = std::move(groups);
}

// The indicator section as passes over its cells: cells into labels and
// data, rows, deviation notes, names, levels, weights, then the report's
// indicators and groups.
std::vector<Token> LinearReader::ReadIndicators(int begin, int end, const std::vector<Token>& extra,
                                              const std::vector<Token>& total_figures) {
  if (begin < 0 || end <= begin) return {};
  IndicatorSection s;
  s.tokens = Tokens(begin, end);
  s.tokens.insert(s.tokens.end(), extra.begin(), extra.end());
  s.columns = ColumnsOf(s.tokens);
  SortCells(s);
  // The first column's cells came out among the rows' cells: the text lists
  // each line's cells across the columns, and there rows are often lost.
  if (!s.goal_tail_among_rows.empty())
    report_.reading.problems.push_back("目标标签的后半“" + s.goal_tail_among_rows +
                                       "”夹在指标行之间（文本逐行列出各列单元格）：可能有行未读到");
  std::vector<Token> leftover = FindRows(s, total_figures);
  late_total_ = s.late_total;
  if (s.rows.empty()) return leftover;
  TakeDeviations(s);
  TakeValueTails(s);
  NameRows(s);
  EndWrappedNames(s);
  AssignLateLevel2(s);
  PairLevel1Weights(s);
  NoteOpenRows(s);
  EmitIndicators(s);
  return leftover;
}

void LinearReader::ReadTotal(int at, int end, std::vector<Token> leftover) {
  if (at < 0) return;
  // The total row's figures: those after the 总分 label, else the ones
  // printed after the last indicator row.
  std::vector<Token> after = Tokens(at, end);
  std::vector<const Token*> figures;
  const Token* label = nullptr;
  for (const Token& t : after) {
    std::string inline_value;
    if (label == nullptr) {
      if (!IsTotalLabel(t.folded, &inline_value)) continue;
      label = &t;
      if (!inline_value.empty()) {
        report_.total.declared = reader_.ReadPoints({inline_value, t.where, t.confidence}, "/total/declared");
        return;
      }
      continue;
    }
    if (KindOf(t) == Kind::kNum) figures.push_back(&t);
  }
  if (!late_total_.empty()) {
    figures.clear();
    for (const Token& t : late_total_) figures.push_back(&t);
  }
  if (figures.empty())
    for (const Token& t : leftover) figures.push_back(&t);
  const std::size_t wanted = has_weight_ ? 2 : 1;
  if (figures.size() > wanted) figures.erase(figures.begin(), figures.end() - static_cast<std::ptrdiff_t>(wanted));
  if (figures.empty()) {
    report_.total.declared.blank = true;
    if (label != nullptr) report_.total.declared.where = label->where;
    return;
  }
  report_.total.declared = reader_.ReadPoints(Printed(*figures.back()), "/total/declared");
  if (figures.size() >= 2 && !report_.form_weight_total) {
    ScoredNumber w = reader_.ReadPoints(Printed(*figures[figures.size() - 2]), "/form_weight_total");
    report_.form_weight_total = w.declared;
  }
}

void LinearReader::Read() {
  ReadColumnsAndWeights();
  const int n = static_cast<int>(lines_.size());
  int budget = FindBudgetStart();
  int indicators = FindIndicatorStart(budget < 0 ? 0 : budget);
  int total = FindTotal(indicators < 0 ? 0 : indicators);
  ReadKeys(budget >= 0 ? budget : (indicators >= 0 ? indicators : n));
  if (budget >= 0) ReadBudget(budget, indicators >= 0 ? indicators : (total >= 0 ? total : n));
  int total_end = n;
  std::vector<Token> after_total = AfterTotal(total, &total_end);
  // Cells after 总分 other than its own figures belong to the rows.
  std::size_t own = 0;
  for (auto it = after_total.rbegin(); it != after_total.rend() && KindOf(*it) == Kind::kNum; ++it) ++own;
  own = std::min(own, has_weight_ ? std::size_t{2} : std::size_t{1});
  std::vector<Token> extra(after_total.begin(), after_total.end() - static_cast<std::ptrdiff_t>(own));
  std::vector<Token> total_figures(after_total.end() - static_cast<std::ptrdiff_t>(own), after_total.end());
  std::vector<Token> leftover;
  if (indicators >= 0) leftover = ReadIndicators(indicators, total >= 0 ? total : n, extra, total_figures);
  ReadTotal(total, total_end, std::move(leftover));
  // 填报日期 printed in the table's last lines.
  for (int i = std::max(0, total); i < n; ++i) {
    const Token& line = lines_[static_cast<std::size_t>(i)];
    KeyLabel key = ClassifyKeyLabel(line.text);
    if (key.field == KeyField::kFillDate && !report_.fill_date && !Fold(key.inline_value).empty()) {
      std::optional<Value> v = reader_.ReadValue({key.inline_value, line.where, line.confidence}, {}, "/fill_date");
      if (v && v->date) report_.fill_date = v;
    }
  }
}

}  // namespace

void ReadLinearTable(const Block& block, const std::vector<const Block*>& continuations, Report& report,
                     CellReader& reader) {
  std::vector<Token> lines;
  int paragraph = -1;
  auto add = [&](const Block& b) {
    int last_row = -2;
    for (const Cell& c : b.table.cells) {
      Token t;
      t.text = Trim(c.text);
      if (t.text.empty()) continue;
      // An empty row before the cell is a blank line; a new block a new page.
      if (c.row != last_row + 1) ++paragraph;
      last_row = c.row;
      t.paragraph = paragraph;
      t.folded = Fold(t.text);
      t.where.page = c.page != 0 ? c.page : b.page;
      t.where.bbox = c.bbox;
      t.where.line = c.line;
      t.where.column = c.column;
      t.confidence = c.confidence;
      t.line = static_cast<int>(lines.size());
      lines.push_back(std::move(t));
    }
    if (b.page > 0) report.pages.push_back(b.page);
  };
  add(block);
  for (const Block* b : continuations)
    if (b != nullptr && b->kind == Block::Kind::kTable) add(*b);
  LinearReader(std::move(lines), report, reader).Read();
}

}  // namespace jixiao::form
