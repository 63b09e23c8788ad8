#include "form/linear_table.h"

#include <algorithm>
#include <deque>
#include <optional>

#include "form/form_text.h"
#include "form/indicator_rules.h"
#include "form/labels.h"

namespace jixiao::form {

namespace {

struct Token {
  std::string text;    // as printed
  std::string folded;  // Fold(text)
  int line = 0;        // source line
  Location where;
  double confidence = 1.0;
};

PrintedText Printed(const Token& t) { return {t.text, t.where, t.confidence}; }

bool IsComparatorOnly(std::string_view f) {
  static const std::vector<std::string_view> kSigns = {"≥", "≤", ">", "<", "≧", "≦", "=", ">=", "<="};
  for (std::string_view s : kSigns)
    if (f == s) return true;
  return false;
}

bool IsNumberOnly(std::string_view f) {
  if (f.empty()) return false;
  bool digit = false;
  for (char c : f) {
    if (c >= '0' && c <= '9') {
      digit = true;
      continue;
    }
    if (c != '.' && c != ',') return false;
  }
  return digit;
}

// A unit printed apart from its number: "%", "元/人/年", "万元", "人次".
bool IsDetachedUnit(std::string_view f) {
  if (f == "%" || f == "‰") return true;
  static const std::vector<std::string_view> kUnits = {"元", "万元", "人", "人次", "次", "个", "家", "份", "期",
                                                       "天", "日", "分钟", "小时", "户", "件", "项", "万人", "个工作日"};
  for (std::string_view u : kUnits) {
    if (f == u) return true;
    if (StartsWith(f, u) && f.size() > u.size() && f[u.size()] == '/') return true;
  }
  return false;
}

// Splits a line into cells at spaces, keeping a figure whole: a lone
// comparator joins the next piece, a lone unit the number before it.
std::vector<std::string> SplitCells(std::string_view line) {
  std::vector<std::string> pieces;
  std::u32string s = ToU32(line);
  std::u32string cur;
  for (char32_t c : s) {
    if (c == U' ' || c == 0x3000 || c == U'\t') {
      if (!cur.empty()) pieces.push_back(ToU8(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) pieces.push_back(ToU8(cur));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    std::string f = Fold(pieces[i]);
    if (IsComparatorOnly(f) && i + 1 < pieces.size()) {
      pieces[i + 1] = pieces[i] + " " + pieces[i + 1];
      continue;
    }
    if (!out.empty() && IsDetachedUnit(f) && IsNumberOnly(Fold(out.back())) ) {
      out.back() += " " + pieces[i];
      continue;
    }
    // "≥ 90 %": a comparator with a number, then the unit.
    if (!out.empty() && f == "%" && HasDigit(Fold(out.back())) && !Contains(Fold(out.back()), "%")) {
      out.back() += " " + pieces[i];
      continue;
    }
    out.push_back(pieces[i]);
  }
  return out;
}

enum class Kind { kNum, kPct, kFigure, kText, kNotApplicable };

Kind KindOf(const Token& t) {
  const std::string& f = t.folded;
  if (IsNotApplicable(f)) return Kind::kNotApplicable;
  if (IsNumberOnly(f)) return Kind::kNum;
  if (EndsWith(f, "分") && IsNumberOnly(f.substr(0, f.size() - 3))) return Kind::kNum;
  if (EndsWith(f, "%") && IsNumberOnly(f.substr(0, f.size() - 1))) return Kind::kPct;
  if (HasDigit(f) && LooksLikeFigure(f)) return Kind::kFigure;
  return Kind::kText;
}

bool IsValueKind(Kind k) { return k == Kind::kNum || k == Kind::kPct || k == Kind::kFigure; }

// ---- level labels -------------------------------------------------------

const std::vector<std::string_view>& Level1Labels() {
  static const std::vector<std::string_view> k = {"产出指标", "效益指标", "满意度指标"};
  return k;
}

struct Level2Label {
  std::string_view label;
  std::string_view level1;
};

const std::vector<Level2Label>& Level2Labels() {
  // The national framework's second-level indicators and the first level
  // each belongs to.
  static const std::vector<Level2Label> k = {
      {"数量指标", "产出指标"},           {"质量指标", "产出指标"},
      {"时效指标", "产出指标"},           {"时效性指标", "产出指标"},
      {"成本指标", "产出指标"},           {"经济效益指标", "效益指标"},
      {"社会效益指标", "效益指标"},       {"生态效益指标", "效益指标"},
      {"可持续影响指标", "效益指标"},     {"服务对象满意度指标", "满意度指标"},
      {"社会公众或服务对象指标", "满意度指标"}, {"社会公众或服务对象满意度指标", "满意度指标"},
      {"经济效益", "效益指标"},           {"社会效益", "效益指标"},
      {"生态效益", "效益指标"},           {"可持续影响", "效益指标"},
  };
  return k;
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

// Section labels whose pieces are dropped from the indicator sequence.
const std::vector<std::string_view>& SectionWords() {
  static const std::vector<std::string_view> k = {"年度绩效指标完成情况", "年度绩效目标完成情况", "偏差原因分析及改进措施",
                                                  "年度总体目标", "绩效指标"};
  return k;
}

// A short piece of a wrapped label (产出指 / 标 / 可持续影 / 响指标).
bool IsLabelFragment(std::string_view f) {
  if (f.empty() || CharCount(f) > 5 || HasDigit(f)) return false;
  for (std::string_view l : Level1Labels())
    if (Contains(l, f)) return true;
  for (const Level2Label& l : Level2Labels())
    if (Contains(l.label, f)) return true;
  for (std::string_view l : SectionWords())
    if (Contains(l, f)) return true;
  return false;
}

bool IsHeaderWord(std::string_view f) {
  if (ClassifyIndicatorHeader(f) != IndicatorColumn::kNone) return true;
  if (ClassifyBudgetHeader(f) != BudgetColumn::kNone) return true;
  if (StartsWith(f, "(") && EndsWith(f, ")") && !FindPrintedWeight(f)) return true;
  return f == "及改进措施" || f == "一级指" || f == "二级指" || f == "三级指";
}

std::string RemoveSpaces(std::string_view text) {
  std::u32string out;
  for (char32_t c : ToU32(text))
    if (c != U' ' && c != 0x3000 && c != U'\t') out.push_back(c);
  return ToU8(out);
}

// ---- the reader -----------------------------------------------------------

class LinearReader {
 public:
  LinearReader(std::vector<Token> lines, Report& report, CellReader& reader)
      : lines_(std::move(lines)), report_(report), reader_(reader) {}

  void Read();

 private:
  int FindBudgetStart() const;
  int FindIndicatorStart(int from) const;
  int FindTotal(int from) const;
  void ReadKeys(int end);
  void ReadWeights();
  void ReadBudget(int begin, int end);
  void ReadIndicators(int begin, int end);
  void ReadTotal(int at);
  std::vector<Token> Tokens(int begin, int end) const;

  std::vector<Token> lines_;
  Report& report_;
  CellReader& reader_;
  bool has_ratio_ = false;
  bool has_weight_ = false;
  std::optional<double> budget_weight_;
  struct GroupWeight {
    std::string label;
    double value;
    std::string raw;
  };
  std::vector<GroupWeight> level1_weights_;
  std::vector<GroupWeight> goals_;
};

std::vector<Token> LinearReader::Tokens(int begin, int end) const {
  std::vector<Token> out;
  for (int i = std::max(0, begin); i < end && i < static_cast<int>(lines_.size()); ++i) {
    for (const std::string& piece : SplitCells(lines_[static_cast<std::size_t>(i)].text)) {
      Token t = lines_[static_cast<std::size_t>(i)];
      t.text = piece;
      t.folded = Fold(piece);
      t.line = i;
      out.push_back(std::move(t));
    }
  }
  return out;
}

int LinearReader::FindBudgetStart() const {
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    const std::string& f = lines_[i].folded;
    if (ClassifyKeyLabel(lines_[i].text).field != KeyField::kNone) continue;
    if (Contains(f, "预算数") || Contains(f, "执行数") || Contains(f, "执行率") || Contains(f, "预算执行") ||
        Contains(f, "项目资金") || Contains(f, "年初预算"))
      return static_cast<int>(i);
  }
  return -1;
}

int LinearReader::FindIndicatorStart(int from) const {
  for (std::size_t i = static_cast<std::size_t>(std::max(0, from)); i < lines_.size(); ++i) {
    const std::string& f = lines_[i].folded;
    if (Contains(f, "一级指") || Contains(f, "二级指标") || Contains(f, "三级指标")) return static_cast<int>(i);
  }
  return -1;
}

int LinearReader::FindTotal(int from) const {
  for (std::size_t i = static_cast<std::size_t>(std::max(0, from)); i < lines_.size(); ++i) {
    std::string first = SplitCells(lines_[i].text).empty() ? "" : Fold(SplitCells(lines_[i].text).front());
    if (IsTotalLabel(first)) return static_cast<int>(i);
  }
  return -1;
}

void LinearReader::ReadKeys(int end) {
  std::deque<KeyField> pending;
  for (int i = 0; i < end && i < static_cast<int>(lines_.size()); ++i) {
    const Token& line = lines_[static_cast<std::size_t>(i)];
    KeyLabel key = ClassifyKeyLabel(line.text);
    const std::string& f = line.folded;
    if (key.field != KeyField::kNone) {
      if (!Fold(key.inline_value).empty()) {
        if (key.field == KeyField::kProjectName && report_.project_name.empty()) report_.project_name = key.inline_value;
        if (key.field == KeyField::kDepartment && report_.department.empty()) report_.department = key.inline_value;
        if (key.field == KeyField::kImplementingUnit && report_.implementing_unit.empty())
          report_.implementing_unit = key.inline_value;
      } else {
        pending.push_back(key.field);
      }
      continue;
    }
    // Check-box lines and the labels they answer (项目类别/属性/类型).
    if (Contains(f, "□") || Contains(f, "☑") || Contains(f, "√") || Contains(f, "■") || Contains(f, "☐")) continue;
    if (f == "项目类别" || f == "项目属性" || f == "项目类型") continue;
    if (pending.empty()) continue;
    KeyField field = pending.front();
    pending.pop_front();
    if (field == KeyField::kProjectName && report_.project_name.empty()) report_.project_name = line.text;
    if (field == KeyField::kDepartment && report_.department.empty()) report_.department = line.text;
    if (field == KeyField::kImplementingUnit && report_.implementing_unit.empty()) report_.implementing_unit = line.text;
    if (field == KeyField::kFillDate && !report_.fill_date) {
      std::optional<Value> v = reader_.ReadValue(Printed(line), {}, "/fill_date");
      if (v && v->date) report_.fill_date = v;
    }
  }
}

// Printed weights "(NN分)" and what label stands right before them, in
// the whole table's text joined up (labels wrap over lines).
void LinearReader::ReadWeights() {
  std::string joined;
  for (const Token& l : lines_) joined += l.folded;
  std::size_t from = 0;
  while (from < joined.size()) {
    std::optional<PrintedWeight> w = FindPrintedWeight(std::string_view(joined).substr(from));
    if (!w) break;
    std::size_t at = joined.find(w->raw, from);
    if (at == std::string::npos) break;
    std::u32string before = ToU32(joined.substr(0, at));
    std::u32string tail = before.size() > 16 ? before.substr(before.size() - 16) : before;
    std::string t = ToU8(tail);
    from = at + w->raw.size();
    if (Contains(t, "预算执行") || EndsWith(t, "万元)") || EndsWith(t, "元)")) {
      if (!budget_weight_) budget_weight_ = w->value;
      continue;
    }
    bool found = false;
    for (std::string_view l1 : Level1Labels()) {
      if (EndsWith(t, l1)) {
        level1_weights_.push_back({std::string(l1), w->value, w->raw});
        found = true;
        break;
      }
    }
    if (found) continue;
    std::size_t goal = t.rfind("目标");
    if (goal != std::string::npos) {
      std::string label = t.substr(goal >= 12 ? goal - 12 : 0);
      std::size_t start = label.find("年度");
      if (start != std::string::npos) label = label.substr(start);
      goals_.push_back({label, w->value, w->raw});
    }
  }
  // Goals printed without a weight (年度绩效目标2).
  std::size_t pos = 0;
  int seen = 0;
  while ((pos = joined.find("绩效目标", pos)) != std::string::npos) {
    std::size_t k = pos + std::string("绩效目标").size();
    if (k < joined.size() && joined[k] >= '0' && joined[k] <= '9') ++seen;
    pos = k;
  }
  while (static_cast<int>(goals_.size()) < seen) goals_.push_back({"年度绩效目标" + std::to_string(goals_.size() + 1), 0, ""});
  for (const Token& l : lines_) {
    if (l.folded == "分值" || Contains(l.folded, "分值")) has_weight_ = has_weight_ || Contains(l.folded, "得分") || l.folded == "分值";
  }
}

void LinearReader::ReadBudget(int begin, int end) {
  if (begin < 0 || end <= begin) return;
  std::vector<Token> tokens = Tokens(begin, end);
  std::string joined;
  for (const Token& t : tokens) joined += t.folded;
  // Columns the header names, in the forms' standard order.
  std::vector<BudgetColumn> columns;
  if (Contains(joined, "年初预算")) columns.push_back(BudgetColumn::kInitial);
  std::string without_initial = joined;
  for (std::size_t p; (p = without_initial.find("年初预算")) != std::string::npos;) without_initial.erase(p, 12);
  if (Contains(without_initial, "预算数") || Contains(without_initial, "全年预算")) columns.push_back(BudgetColumn::kPlanned);
  if (Contains(joined, "执行数") || Contains(joined, "全年执行")) columns.push_back(BudgetColumn::kExecuted);
  if (Contains(joined, "分值")) columns.push_back(BudgetColumn::kWeight);
  if (Contains(joined, "执行率")) columns.push_back(BudgetColumn::kRate);
  if (Contains(joined, "得分")) columns.push_back(BudgetColumn::kScore);
  std::optional<std::string> unit = MoneyUnitOf(joined);
  if (!budget_weight_) {
    std::size_t at = joined.find("分*");
    if (at != std::string::npos) {
      std::size_t b = at;
      while (b > 0 && joined[b - 1] >= '0' && joined[b - 1] <= '9') --b;
      if (b < at) budget_weight_ = std::stod(joined.substr(b, at - b));
    }
  }

  // Rows: the total first, then one per part label.
  struct Row {
    std::vector<const Token*> figures;
    const Token* label = nullptr;
    int label_position = -1;  // figures before it were printed higher
  };
  std::vector<Row> rows(1);
  bool percent_pending = false;
  for (const Token& t : tokens) {
    const std::string& f = t.folded;
    if (IsBareWeight(t.text) || IsHeaderWord(f)) continue;
    Kind kind = KindOf(t);
    if (kind == Kind::kText) {
      if (f == "%") {
        percent_pending = true;
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

  NormalizeContext money;
  money.column_unit = unit;
  NormalizeContext percent;
  percent.percent_column = true;
  Budget& b = report_.budget;
  Row& total = rows.front();
  // The rate: the figure printed with %; a rate printed over two lines
  // ("67.75" / "%") is the figure that came out before the row label.
  int rate_index = -1;
  for (std::size_t i = 0; i < total.figures.size(); ++i)
    if (KindOf(*total.figures[i]) == Kind::kPct) {
      rate_index = static_cast<int>(i);
      break;
    }
  std::optional<std::string> rate_text;
  if (rate_index < 0 && percent_pending && total.label_position > 0) {
    rate_index = 0;
    rate_text = total.figures[0]->text + "%";
  }
  std::vector<const Token*> others;
  for (std::size_t i = 0; i < total.figures.size(); ++i)
    if (static_cast<int>(i) != rate_index) others.push_back(total.figures[i]);
  std::vector<BudgetColumn> slots;
  for (BudgetColumn c : columns)
    if (c != BudgetColumn::kRate) slots.push_back(c);
  bool has_planned = std::find(columns.begin(), columns.end(), BudgetColumn::kPlanned) != columns.end();
  for (std::size_t i = 0; i < others.size() && i < slots.size(); ++i) {
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
        b.score = reader_.ReadPoints(Printed(t), "/budget/score");
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

  // Parts of the money columns.
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

struct PendingIndicator {
  std::string level1, level2;
  std::vector<const Token*> name;
  const Token* target = nullptr;
  const Token* actual = nullptr;
  const Token* ratio = nullptr;
  const Token* weight = nullptr;
  const Token* score = nullptr;
  std::vector<const Token*> deviation;
  int restarts = 0;
  bool done = false;
};

void LinearReader::ReadIndicators(int begin, int end) {
  if (begin < 0 || end <= begin) return;
  std::vector<Token> raw_tokens = Tokens(begin, end);
  // Header words of the indicator section and after the total (some
  // converters print the header's last cells late).
  std::vector<Token> header_tokens = Tokens(begin, begin + 12);
  for (const Token& t : header_tokens) {
    if (t.folded == "完成率") has_ratio_ = true;
    if (t.folded == "分值") has_weight_ = true;
  }
  // Merge wrapped labels: up to three short pieces that make a label.
  struct Item {
    enum Type { kLevel1, kLevel2, kWeight, kSkip, kData } type = kData;
    std::string label;
    const Token* token = nullptr;
  };
  std::vector<Item> items;
  std::size_t i = 0;
  // Skip the header words at the start.
  while (i < raw_tokens.size() && (IsHeaderWord(raw_tokens[i].folded) || raw_tokens[i].folded == "指标" ||
                                   raw_tokens[i].folded == "标" || raw_tokens[i].folded == "值")) {
    if (raw_tokens[i].folded == "完成率") has_ratio_ = true;
    if (StartsWith(raw_tokens[i].folded, "分值")) has_weight_ = true;
    ++i;
  }
  for (; i < raw_tokens.size(); ++i) {
    const Token& t = raw_tokens[i];
    std::string bare = Fold(StripPrintedWeight(t.text));
    bool merged = false;
    for (std::size_t n = 3; n >= 1 && !merged; --n) {
      if (i + n > raw_tokens.size()) continue;
      std::string joined;
      bool short_pieces = true;
      for (std::size_t k = 0; k < n; ++k) {
        std::string piece = Fold(StripPrintedWeight(raw_tokens[i + k].text));
        if (n > 1 && CharCount(piece) > 7) short_pieces = false;
        joined += piece;
      }
      if (!short_pieces) continue;
      if (IsLevel1(joined)) {
        items.push_back({Item::kLevel1, joined, &t});
      } else if (FindLevel2(joined) != nullptr) {
        items.push_back({Item::kLevel2, joined, &t});
      } else {
        continue;
      }
      for (std::size_t k = 0; k < n; ++k)
        if (FindPrintedWeight(raw_tokens[i + k].text)) items.push_back({Item::kWeight, "", &raw_tokens[i + k]});
      i += n - 1;
      merged = true;
    }
    if (merged) continue;
    if (IsBareWeight(t.text)) {
      items.push_back({Item::kWeight, "", &t});
      continue;
    }
    if (bare.empty() || IsLabelFragment(bare) || IsHeaderWord(bare)) {
      items.push_back({Item::kSkip, bare, &t});
      continue;
    }
    items.push_back({Item::kData, "", &t});
  }

  // Indicators: name, target, actual, then the figures the header announces.
  std::vector<PendingIndicator> found;
  PendingIndicator cur;
  std::string level1, level2;
  int last_rank = -1, restarts = 0;
  auto finish = [&]() {
    cur.done = true;
    found.push_back(cur);
    cur = PendingIndicator{};
  };
  auto next_data = [&](std::size_t from, int skip) -> const Token* {
    for (std::size_t k = from; k < items.size(); ++k) {
      if (items[k].type != Item::kData) continue;
      if (skip-- == 0) return items[k].token;
    }
    return nullptr;
  };
  auto is_short_text = [](const Token* t) {
    return t != nullptr && KindOf(*t) == Kind::kText && CharCount(t->folded) <= 8;
  };
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Item& item = items[k];
    if (item.type == Item::kLevel1) {
      int rank = Level1Rank(item.label);
      if (last_rank >= 0 && rank <= last_rank && (!found.empty() || !cur.name.empty())) ++restarts;
      last_rank = rank;
      level1 = item.label;
      level2.clear();
      continue;
    }
    if (item.type == Item::kLevel2) {
      level2 = item.label;
      continue;
    }
    if (item.type != Item::kData) continue;
    const Token* t = item.token;
    Kind kind = KindOf(*t);
    auto start_if_needed = [&]() {
      if (cur.name.empty() && cur.target == nullptr) {
        // Short text after a finished indicator continues its cells.
        cur.level2 = level2;
        const Level2Label* l2 = FindLevel2(level2);
        cur.level1 = l2 != nullptr ? std::string(l2->level1) : level1;
        cur.restarts = restarts;
      }
    };
    if (cur.target == nullptr) {
      start_if_needed();
      if (IsValueKind(kind)) {
        cur.target = t;
        continue;
      }
      // Two short texts then a figure: a qualitative target and actual.
      if (!cur.name.empty() && is_short_text(t) && is_short_text(next_data(k + 1, 0))) {
        const Token* after = next_data(k + 1, 1);
        if (after != nullptr && KindOf(*after) == Kind::kNum) {
          cur.target = t;
          continue;
        }
      }
      if (!found.empty() && cur.name.empty() && CharCount(t->folded) <= 2) continue;  // a wrapped value's tail
      cur.name.push_back(t);
      continue;
    }
    if (cur.actual == nullptr) {
      if (IsValueKind(kind) || is_short_text(t)) {
        cur.actual = t;
      } else {
        cur.name.push_back(t);
      }
      continue;
    }
    // Tail figures.
    if (kind == Kind::kPct && has_ratio_ && cur.ratio == nullptr && cur.weight == nullptr && cur.score == nullptr) {
      cur.ratio = t;
      continue;
    }
    if (kind == Kind::kNum) {
      if (has_weight_ && cur.weight == nullptr) {
        cur.weight = t;
        continue;
      }
      cur.score = t;
      finish();
      continue;
    }
    // Text where figures were expected: a deviation note or the next name.
    if (has_weight_ && cur.weight != nullptr) {
      cur.deviation.push_back(t);
      continue;
    }
    cur.name.push_back(t);
  }
  if (cur.target != nullptr && cur.actual != nullptr) finish();

  // Goals: indicators after the k-th restart of the level order belong to
  // goal k (年度绩效目标1 / 年度绩效目标2).
  std::vector<Group> groups;
  const bool goal_mode = goals_.size() >= 2;
  if (goal_mode) {
    for (const GroupWeight& g : goals_) {
      Group group;
      group.label = g.label;
      if (!g.raw.empty()) {
        group.weight = g.value;
        group.weight_raw = g.raw;
      }
      groups.push_back(std::move(group));
    }
  }
  for (const PendingIndicator& p : found) {
    Indicator ind;
    const int idx = static_cast<int>(report_.indicators.size());
    ind.level1 = p.level1;
    ind.level2 = p.level2;
    std::string name;
    for (const Token* t : p.name) name += RemoveSpaces(t->text);
    ind.name = name;
    const std::string base = "/indicators/" + std::to_string(idx) + "/";
    NormalizeContext value_context = IndicatorValueContext(ind.name, ind.level2);
    if (p.target != nullptr) ind.target = reader_.ReadValue(Printed(*p.target), value_context, base + "target");
    if (p.actual != nullptr) ind.actual = reader_.ReadValue(Printed(*p.actual), value_context, base + "actual");
    ApplyMoneyContext(ind.target, value_context);
    ApplyMoneyContext(ind.actual, value_context);
    if (p.ratio != nullptr) {
      NormalizeContext percent;
      percent.percent_column = true;
      ind.ratio = reader_.ReadValue(Printed(*p.ratio), percent, base + "ratio");
    }
    if (p.weight != nullptr) {
      ScoredNumber w = reader_.ReadPoints(Printed(*p.weight), base + "weight");
      if (w.declared) {
        ind.weight.value = w.declared;
        ind.weight.source = "column";
        ind.weight.raw = w.raw;
      }
    }
    if (p.score != nullptr) ind.score = reader_.ReadPoints(Printed(*p.score), base + "score");
    for (const Token* t : p.deviation) ind.deviation_note += t->text;
    const Token* anchor = !p.name.empty() ? p.name.front() : p.target;
    if (anchor != nullptr) ind.where = anchor->where;
    ClassifyIndicator(ind);
    if (goal_mode) {
      ind.group = std::min(p.restarts, static_cast<int>(groups.size()) - 1);
    } else if (!ind.level1.empty()) {
      int g = -1;
      for (std::size_t k = 0; k < groups.size(); ++k)
        if (groups[k].level1 == ind.level1) g = static_cast<int>(k);
      if (g < 0) {
        Group group;
        group.label = ind.level1;
        group.level1 = ind.level1;
        for (const GroupWeight& w : level1_weights_)
          if (w.label == ind.level1) {
            group.weight = w.value;
            group.weight_raw = w.raw;
            break;
          }
        groups.push_back(std::move(group));
        g = static_cast<int>(groups.size()) - 1;
      }
      ind.group = g;
    }
    if (ind.group >= 0) groups[static_cast<std::size_t>(ind.group)].indicators.push_back(idx);
    report_.indicators.push_back(std::move(ind));
  }
  if (report_.groups.empty()) report_.groups = std::move(groups);
}

void LinearReader::ReadTotal(int at) {
  if (at < 0) return;
  std::vector<Token> tokens = Tokens(at, static_cast<int>(lines_.size()));
  std::vector<const Token*> figures;
  bool started = false;
  for (const Token& t : tokens) {
    if (!started) {
      std::string inline_value;
      if (IsTotalLabel(t.folded, &inline_value)) {
        started = true;
        if (!inline_value.empty()) {
          report_.total.declared = reader_.ReadPoints({inline_value, t.where, t.confidence}, "/total/declared");
          return;
        }
      }
      continue;
    }
    if (IsHeaderWord(t.folded)) continue;
    Kind kind = KindOf(t);
    if (kind == Kind::kNum) {
      figures.push_back(&t);
      continue;
    }
    break;
  }
  if (figures.empty()) {
    report_.total.declared.blank = true;
    report_.total.declared.where = tokens.empty() ? Location{} : tokens.front().where;
    return;
  }
  report_.total.declared = reader_.ReadPoints(Printed(*figures.back()), "/total/declared");
  if (figures.size() >= 2 && !report_.form_weight_total) {
    ScoredNumber w = reader_.ReadPoints(Printed(*figures[figures.size() - 2]), "/form_weight_total");
    report_.form_weight_total = w.declared;
  }
}

void LinearReader::Read() {
  ReadWeights();
  int budget = FindBudgetStart();
  int indicators = FindIndicatorStart(budget < 0 ? 0 : budget);
  int total = FindTotal(indicators < 0 ? 0 : indicators);
  int keys_end = budget >= 0 ? budget : (indicators >= 0 ? indicators : static_cast<int>(lines_.size()));
  ReadKeys(keys_end);
  if (budget >= 0) ReadBudget(budget, indicators >= 0 ? indicators : (total >= 0 ? total : static_cast<int>(lines_.size())));
  if (indicators >= 0) ReadIndicators(indicators, total >= 0 ? total : static_cast<int>(lines_.size()));
  ReadTotal(total);
  // Key fields printed after the table (填报日期 in the last lines).
  for (int i = std::max(0, total); i < static_cast<int>(lines_.size()); ++i) {
    KeyLabel key = ClassifyKeyLabel(lines_[static_cast<std::size_t>(i)].text);
    if (key.field == KeyField::kFillDate && !report_.fill_date && !Fold(key.inline_value).empty()) {
      std::optional<Value> v = reader_.ReadValue({key.inline_value, lines_[static_cast<std::size_t>(i)].where, 1.0}, {}, "/fill_date");
      if (v && v->date) report_.fill_date = v;
    }
  }
}

}  // namespace

void ReadLinearTable(const Block& block, const std::vector<const Block*>& continuations, Report& report,
                     CellReader& reader) {
  std::vector<Token> lines;
  auto add = [&](const Block& b) {
    for (const Cell& c : b.table.cells) {
      Token t;
      t.text = Trim(c.text);
      if (t.text.empty()) continue;
      t.folded = Fold(t.text);
      t.where.page = c.page != 0 ? c.page : b.page;
      t.where.bbox = c.bbox;
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
