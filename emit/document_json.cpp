// Document <-> contract JSON. Each model type has a writer and a reader kept
// side by side so that a key added to one is added to the other.

#include <cmath>
#include <utility>

#include "emit/emit.h"
#include "emit/json_read.h"

namespace jixiao {

using nlohmann::json;
namespace jr = json_read;

namespace {

// Scores and percentages are printed with at most 4 decimals: recomputed
// figures like 19.953125 read better as 19.9531 and compare the same.
json Num(std::optional<double> v) {
  if (!v || !std::isfinite(*v)) return nullptr;
  double rounded = std::round(*v * 10000.0) / 10000.0;
  if (rounded == std::floor(rounded) && std::fabs(rounded) < 9e15)
    return static_cast<long long>(rounded);
  return rounded;
}

json Str(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

json BBoxJson(const std::optional<BBox>& b) {
  if (!b) return nullptr;
  auto r = [](double x) { return std::round(x * 10.0) / 10.0; };
  return json::array({r(b->x0), r(b->y0), r(b->x1), r(b->y1)});
}

std::optional<BBox> ReadBBox(const json& j, const char* key) {
  const json* m = jr::Member(j, key);
  if (!m) return std::nullopt;
  bool numbers = m->is_array() && m->size() == 4;
  if (numbers)
    for (const json& x : *m) numbers = numbers && x.is_number();
  if (!numbers) {
    jr::TypeCheck::Note(m, "an array of 4 numbers");
    return std::nullopt;
  }
  return BBox{(*m)[0].get<double>(), (*m)[1].get<double>(), (*m)[2].get<double>(),
              (*m)[3].get<double>()};
}

// Text inputs add where in the source text: "line" and "column", 1-based,
// present only when known.
void PutLine(json& j, int line, int column) {
  if (line > 0) j["line"] = line;
  if (line > 0 && column > 0) j["column"] = column;
}

void PutLocation(json& j, const Location& where) {
  j["page"] = where.page > 0 ? json(where.page) : json(nullptr);
  j["bbox"] = BBoxJson(where.bbox);
  if (!where.ref.empty()) j["ref"] = where.ref;
  PutLine(j, where.line, where.column);
}

Location ReadLocation(const json& j) {
  Location where;
  where.page = jr::Int(j, "page");
  where.bbox = ReadBBox(j, "bbox");
  where.ref = jr::String(j, "ref");
  where.line = jr::Int(j, "line");
  where.column = jr::Int(j, "column");
  return where;
}

std::vector<std::string> ReadStrings(const json& j, const char* key) {
  std::vector<std::string> out;
  if (const json* m = jr::Array(j, key)) {
    for (const json& x : *m) {
      if (x.is_string())
        out.push_back(x.get<std::string>());
      else
        jr::TypeCheck::Note(&x, "a string");
    }
  }
  return out;
}

// --- Value ------------------------------------------------------------------

// YYYY, YYYY-MM or YYYY-MM-DD.
bool LooksLikeIsoDate(const std::string& s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

json OptValue(const std::optional<Value>& v) { return v ? ToJson(*v) : json(nullptr); }

// Contract version 2 keys of a Value, written only when set: an absent key
// (all of version 1) means no range, change or period.
json RangeJson(const Range& r) {
  return {{"lower", Num(r.lower.value)},
          {"lower_inclusive", r.lower.inclusive},
          {"upper", Num(r.upper.value)},
          {"upper_inclusive", r.upper.inclusive}};
}

json ChangeJson(const Change& c) {
  return {{"direction", c.direction}, {"baseline", c.baseline ? json(*c.baseline) : json(nullptr)}};
}

json PeriodJson(const Period& p) {
  return {{"from", p.from ? json(*p.from) : json(nullptr)}, {"to", p.to ? json(*p.to) : json(nullptr)}};
}

// A range needs both bounds; a hand-edited one printed high to low is put
// back in order.
std::optional<Range> ReadRange(const json& j) {
  const json* m = jr::Member(j, "range");
  if (!m) return std::nullopt;
  std::optional<double> lower = jr::Number(*m, "lower"), upper = jr::Number(*m, "upper");
  if (!lower || !upper || !std::isfinite(*lower) || !std::isfinite(*upper)) return std::nullopt;
  auto inclusive = [&](const char* key) {
    const json* b = jr::Member(*m, key);
    return !(b && b->is_boolean() && !b->get<bool>());
  };
  Range r{{*lower, inclusive("lower_inclusive")}, {*upper, inclusive("upper_inclusive")}};
  if (r.lower.value > r.upper.value) std::swap(r.lower, r.upper);
  return r;
}

std::optional<Change> ReadChange(const json& j) {
  const json* m = jr::Member(j, "change");
  if (!m) return std::nullopt;
  std::string direction = jr::String(*m, "direction");
  if (direction != "increase" && direction != "decrease") return std::nullopt;
  return Change{direction, jr::OptString(*m, "baseline")};
}

std::optional<Period> ReadPeriod(const json& j) {
  const json* m = jr::Member(j, "period");
  if (!m) return std::nullopt;
  Period p{jr::OptString(*m, "from"), jr::OptString(*m, "to")};
  if (!p.from && !p.to) return std::nullopt;
  return p;
}

Value ReadValue(const json& j) {
  Value v;
  v.raw = jr::String(j, "raw");
  v.unit = jr::OptString(j, "unit");
  if (const json* m = jr::Member(j, "value")) {
    // A string is a date; a figure edited into quotes ("82") is refused.
    if (m->is_number())
      v.number = m->get<double>();
    else if (m->is_string() && (v.unit == "date" || LooksLikeIsoDate(m->get<std::string>())))
      v.date = m->get<std::string>();
    else
      jr::TypeCheck::Note(m, "a number, or an ISO date with unit \"date\"");
  }
  v.comparator = jr::OptString(j, "comparator");
  v.per = ReadStrings(j, "per");
  v.text = jr::OptString(j, "text");
  v.range = ReadRange(j);
  v.change = ReadChange(j);
  v.period = ReadPeriod(j);
  v.where = ReadLocation(j);
  v.confidence = jr::Number(j, "confidence").value_or(1.0);
  return v;
}

std::optional<Value> ReadOptValue(const json& j, const char* key) {
  const json* m = jr::Object(j, key);
  if (!m) return std::nullopt;
  return ReadValue(*m);
}

// --- ScoredNumber -----------------------------------------------------------

// A reading that can be doubted (OCR) keeps its confidence, rounded.
void PutConfidence(json& j, double confidence) {
  if (confidence < 1.0) j["confidence"] = std::round(confidence * 1000.0) / 1000.0;
}

double ReadConfidence(const json& j) { return jr::Number(j, "confidence").value_or(1.0); }

json ScoredJson(const ScoredNumber& s) {
  json j = {{"declared", Num(s.declared)}, {"recomputed", Num(s.recomputed)}, {"raw", Str(s.raw)}};
  PutLocation(j, s.where);
  if (s.blank) j["blank"] = true;
  PutConfidence(j, s.confidence);
  return j;
}

ScoredNumber ReadScored(const json& parent, const char* key) {
  ScoredNumber s;
  const json* m = jr::Member(parent, key);
  if (!m) return s;
  if (m->is_number()) {  // a bare number, as a person may write it
    s.declared = m->get<double>();
    return s;
  }
  if (!m->is_object()) {
    jr::TypeCheck::Note(m, "a number or an object");
    return s;
  }
  s.declared = jr::Number(*m, "declared");
  s.recomputed = jr::Number(*m, "recomputed");
  s.raw = jr::String(*m, "raw");
  s.where = ReadLocation(*m);
  const json* blank = jr::Member(*m, "blank");
  s.blank = blank && blank->is_boolean() && blank->get<bool>();
  s.confidence = ReadConfidence(*m);
  return s;
}

// The contract prints totals as bare numbers; their raw text and location
// go to a parallel "sources" object.
json TotalSourceJson(const ScoredNumber& s) {
  json j = {{"raw", Str(s.raw)}};
  PutLocation(j, s.where);
  if (s.blank) j["blank"] = true;
  PutConfidence(j, s.confidence);
  return j;
}

ScoredNumber ReadTotalPart(const json& total, const char* key) {
  ScoredNumber s;
  s.declared = jr::Number(total, key);
  if (const json* sources = jr::Object(total, "sources"))
    if (const json* src = jr::Object(*sources, key)) {
      s.raw = jr::String(*src, "raw");
      s.where = ReadLocation(*src);
      const json* blank = jr::Member(*src, "blank");
      s.blank = blank && blank->is_boolean() && blank->get<bool>();
      s.confidence = ReadConfidence(*src);
    }
  return s;
}

// --- Flag -------------------------------------------------------------------

// A flag's code and severity must be names of the contract: a flag the
// rules do not know is refused, naming its place, rather than read as
// another. `expected` says what belongs in the member, `missing` what the
// flag lacks when there is none.
template <typename Enum>
Enum ReadName(const json& flag, const char* key, std::optional<Enum> (*parse)(std::string_view),
              const char* expected, const char* missing) {
  const json* m = jr::Member(flag, key);
  std::optional<Enum> parsed = m && m->is_string() ? parse(m->get_ref<const std::string&>()) : std::nullopt;
  if (parsed) return *parsed;
  if (m != nullptr)
    jr::TypeCheck::Note(m, expected);
  else
    jr::TypeCheck::Note(&flag, missing);
  return Enum{};
}

Flag ReadFlag(const json& j) {
  Flag f;
  f.code = ReadName(j, "code", ParseFlagCode, "a flag code of the output contract (docs/flags.md)",
                    "a flag with a \"code\"");
  f.severity = ReadName(j, "severity", ParseSeverity, "a severity (\"error\", \"warning\" or \"info\")",
                        "a flag with a \"severity\"");
  f.path = jr::String(j, "path");
  f.message = jr::String(j, "message");
  if (const json* d = jr::Member(j, "declared")) {
    if (d->is_number()) f.declared = d->get<double>();
    if (d->is_string()) f.declared_text = d->get<std::string>();
    if (!d->is_number() && !d->is_string()) jr::TypeCheck::Note(d, "a number or a string");
  }
  if (const json* e = jr::Member(j, "expected")) {
    if (e->is_number()) f.expected = e->get<double>();
    if (e->is_string()) f.expected_text = e->get<std::string>();
    if (!e->is_number() && !e->is_string()) jr::TypeCheck::Note(e, "a number or a string");
  }
  if (const json* ev = jr::Array(j, "evidence"))
    for (const json& x : *ev) {
      Evidence e;
      e.page = jr::Int(x, "page");
      e.bbox = ReadBBox(x, "bbox");
      e.text = jr::String(x, "text");
      e.ref = jr::String(x, "ref");
      e.confidence = jr::Number(x, "confidence");
      e.line = jr::Int(x, "line");
      e.column = jr::Int(x, "column");
      f.evidence.push_back(std::move(e));
    }
  return f;
}

json FlagsJson(const std::vector<Flag>& flags) {
  json a = json::array();
  for (const Flag& f : flags) a.push_back(ToJson(f));
  return a;
}

std::vector<Flag> ReadFlags(const json& j, const char* key) {
  std::vector<Flag> out;
  if (const json* m = jr::Array(j, key))
    for (const json& x : *m) out.push_back(ReadFlag(x));
  return out;
}

// --- Indicator, Group, Section ------------------------------------------------

json IndicatorJson(const Indicator& ind) {
  json weight = {{"value", Num(ind.weight.value)},
                 {"source", ind.weight.value ? Str(ind.weight.source) : json(nullptr)},
                 {"raw", Str(ind.weight.raw)}};
  json provenance;
  PutLocation(provenance, ind.where);
  return {{"level1", Str(ind.level1)},
          {"level2", Str(ind.level2)},
          {"name", Str(ind.name)},
          {"target", OptValue(ind.target)},
          {"actual", OptValue(ind.actual)},
          {"ratio", {{"declared", OptValue(ind.ratio)}, {"recomputed", Num(ind.ratio_recomputed)}}},
          {"weight", weight},
          {"score", ScoredJson(ind.score)},
          {"kind", Str(ind.kind)},
          {"direction", Str(ind.direction)},
          {"group", ind.group >= 0 ? json(ind.group) : json(nullptr)},
          {"deviation_note", Str(ind.deviation_note)},
          {"provenance", provenance}};
}

Indicator ReadIndicator(const json& j) {
  Indicator ind;
  ind.level1 = jr::String(j, "level1");
  ind.level2 = jr::String(j, "level2");
  ind.name = jr::String(j, "name");
  ind.target = ReadOptValue(j, "target");
  ind.actual = ReadOptValue(j, "actual");
  if (const json* ratio = jr::Object(j, "ratio")) {
    ind.ratio = ReadOptValue(*ratio, "declared");
    ind.ratio_recomputed = jr::Number(*ratio, "recomputed");
  }
  if (const json* w = jr::Member(j, "weight")) {
    if (w->is_number()) {
      ind.weight.value = w->get<double>();
    } else if (!w->is_object()) {
      jr::TypeCheck::Note(w, "a number or an object");
    } else {
      ind.weight.value = jr::Number(*w, "value");
      ind.weight.source = jr::String(*w, "source");
      ind.weight.raw = jr::String(*w, "raw");
    }
  }
  ind.score = ReadScored(j, "score");
  ind.kind = jr::String(j, "kind");
  ind.direction = jr::String(j, "direction");
  ind.group = jr::Int(j, "group", -1);
  ind.deviation_note = jr::String(j, "deviation_note");
  if (const json* p = jr::Object(j, "provenance")) ind.where = ReadLocation(*p);
  return ind;
}

json GroupJson(const Group& g) {
  json j = {{"label", Str(g.label)},     {"level1", Str(g.level1)},
            {"weight", Num(g.weight)},   {"weight_raw", Str(g.weight_raw)},
            {"score", ScoredJson(g.score)}, {"indicators", g.indicators}};
  PutLocation(j, g.where);
  return j;
}

Group ReadGroup(const json& j) {
  Group g;
  g.label = jr::String(j, "label");
  g.level1 = jr::String(j, "level1");
  g.weight = jr::Number(j, "weight");
  g.weight_raw = jr::String(j, "weight_raw");
  g.score = ReadScored(j, "score");
  if (const json* m = jr::Array(j, "indicators"))
    for (const json& x : *m)
      if (x.is_number_integer()) g.indicators.push_back(x.get<int>());
  g.where = ReadLocation(j);
  return g;
}

json SectionJson(const Section& s, int depth) {
  json children = json::array();
  if (depth < 8)
    for (const Section& c : s.children) children.push_back(SectionJson(c, depth + 1));
  json j = {{"name", Str(s.name)}, {"weight", Num(s.weight)}, {"score", Num(s.score)},
            {"raw", Str(s.raw)},   {"children", children}};
  PutLocation(j, s.where);
  return j;
}

Section ReadSection(const json& j, int depth) {
  Section s;
  s.name = jr::String(j, "name");
  s.weight = jr::Number(j, "weight");
  s.score = jr::Number(j, "score");
  s.raw = jr::String(j, "raw");
  s.where = ReadLocation(j);
  if (depth < 8)
    if (const json* m = jr::Array(j, "children"))
      for (const json& c : *m) s.children.push_back(ReadSection(c, depth + 1));
  return s;
}

// --- Facts ------------------------------------------------------------------

json ValuesJson(const std::vector<Value>& values) {
  json a = json::array();
  for (const Value& v : values) a.push_back(ToJson(v));
  return a;
}

std::vector<Value> ReadValues(const json& j, const char* key) {
  std::vector<Value> out;
  if (const json* m = jr::Array(j, key))
    for (const json& x : *m)
      if (x.is_object()) out.push_back(ReadValue(x));
  return out;
}

json FactsJson(const Facts& f) {
  json rates = json::array(), prices = json::array(), parts = json::array(), refs = json::array(),
       dates = json::array();
  for (const RateStatement& r : f.rate_statements) {
    json j = {{"planned", OptValue(r.planned)}, {"executed", OptValue(r.executed)},
              {"rate", OptValue(r.rate)}, {"raw", Str(r.raw)}};
    PutLocation(j, r.where);
    rates.push_back(j);
  }
  for (const UnitPrice& u : f.unit_prices) {
    json j = {{"count", ToJson(u.count)}, {"unit_amount", ToJson(u.unit_amount)},
              {"amount", ToJson(u.amount)}, {"raw", Str(u.raw)}};
    PutLocation(j, u.where);
    prices.push_back(j);
  }
  for (const Component& c : f.components) {
    json j = {{"total", ToJson(c.total)}, {"parts", ValuesJson(c.parts)},
              {"label", Str(c.label)}, {"raw", Str(c.raw)}};
    PutLocation(j, c.where);
    parts.push_back(j);
  }
  for (const CrossRef& c : f.cross_refs)
    refs.push_back({{"quantity", Str(c.quantity)}, {"mentions", ValuesJson(c.mentions)}});
  for (const DateFact& d : f.dates)
    dates.push_back({{"role", Str(d.role)}, {"date", ToJson(d.date)}, {"raw", Str(d.raw)}});
  return {{"rate_statements", rates}, {"unit_prices", prices}, {"components", parts},
          {"cross_refs", refs}, {"dates", dates}};
}

Facts ReadFacts(const json& j) {
  Facts f;
  auto each = [&](const char* key, auto fn) {
    if (const json* m = jr::Array(j, key))
      for (const json& x : *m)
        if (x.is_object()) fn(x);
  };
  each("rate_statements", [&](const json& x) {
    RateStatement r;
    r.planned = ReadOptValue(x, "planned");
    r.executed = ReadOptValue(x, "executed");
    r.rate = ReadOptValue(x, "rate");
    r.raw = jr::String(x, "raw");
    r.where = ReadLocation(x);
    f.rate_statements.push_back(std::move(r));
  });
  each("unit_prices", [&](const json& x) {
    UnitPrice u;
    u.count = ReadOptValue(x, "count").value_or(Value{});
    u.unit_amount = ReadOptValue(x, "unit_amount").value_or(Value{});
    u.amount = ReadOptValue(x, "amount").value_or(Value{});
    u.raw = jr::String(x, "raw");
    u.where = ReadLocation(x);
    f.unit_prices.push_back(std::move(u));
  });
  each("components", [&](const json& x) {
    Component c;
    c.total = ReadOptValue(x, "total").value_or(Value{});
    c.parts = ReadValues(x, "parts");
    c.label = jr::String(x, "label");
    c.raw = jr::String(x, "raw");
    c.where = ReadLocation(x);
    f.components.push_back(std::move(c));
  });
  each("cross_refs", [&](const json& x) {
    f.cross_refs.push_back({jr::String(x, "quantity"), ReadValues(x, "mentions")});
  });
  each("dates", [&](const json& x) {
    f.dates.push_back({jr::String(x, "role"), ReadOptValue(x, "date").value_or(Value{}),
                       jr::String(x, "raw")});
  });
  return f;
}

// --- Report -----------------------------------------------------------------

json ReadingJson(const ReadQuality& q) {
  return {{"complete", q.complete()},
          {"indicators_read", q.indicators_read},
          {"figures", q.figures},
          {"doubtful_figures", q.doubtful_figures},
          {"min_confidence", std::round(q.min_confidence * 1000.0) / 1000.0},
          {"problems", q.problems},
          {"structure_problems", q.structure_problems}};
}

ReadQuality ReadReading(const json& j) {
  ReadQuality q;
  q.indicators_read = jr::Int(j, "indicators_read");
  q.figures = jr::Int(j, "figures");
  q.doubtful_figures = jr::Int(j, "doubtful_figures");
  q.min_confidence = jr::Number(j, "min_confidence").value_or(1.0);
  q.problems = ReadStrings(j, "problems");
  // structure_problems are score/'s own and are worked out again.
  return q;
}

json ReportJson(const Report& r) {
  json indicators = json::array(), groups = json::array(), sections = json::array();
  for (const Indicator& i : r.indicators) indicators.push_back(IndicatorJson(i));
  for (const Group& g : r.groups) groups.push_back(GroupJson(g));
  for (const Section& s : r.sections) sections.push_back(SectionJson(s, 0));
  const Budget& b = r.budget;
  json budget = {{"planned", OptValue(b.planned)},
                 {"executed", OptValue(b.executed)},
                 {"remaining", OptValue(b.remaining)},
                 {"initial", OptValue(b.initial)},
                 {"reduction", OptValue(b.reduction)},
                 {"rate", {{"declared", OptValue(b.rate)}, {"recomputed", Num(b.rate_recomputed)}}},
                 {"weight", Num(b.weight)},
                 {"score", ScoredJson(b.score)}};
  json total = {{"declared", Num(r.total.declared.declared)},
                {"declared_header", Num(r.total.declared_header.declared)},
                {"self_score_text", Num(r.total.self_score_text.declared)},
                {"recomputed", Num(r.total.recomputed)},
                {"sources",
                 {{"declared", TotalSourceJson(r.total.declared)},
                  {"declared_header", TotalSourceJson(r.total.declared_header)},
                  {"self_score_text", TotalSourceJson(r.total.self_score_text)}}}};
  return {{"index", r.index},
          {"title", Str(r.title)},
          {"project_name", Str(r.project_name)},
          {"department", Str(r.department)},
          {"implementing_unit", Str(r.implementing_unit)},
          {"fiscal_year", r.fiscal_year ? json(*r.fiscal_year) : json(nullptr)},
          {"fill_date", r.fill_date && r.fill_date->date ? json(*r.fill_date->date) : json(nullptr)},
          {"fill_date_source", OptValue(r.fill_date)},
          {"template", Str(r.template_name)},
          {"budget", budget},
          {"indicators", indicators},
          {"groups", groups},
          {"form_weight_total", Num(r.form_weight_total)},
          {"total", total},
          {"sections", sections},
          {"facts", FactsJson(r.facts)},
          {"missing_fields", r.missing_fields},
          {"flags", FlagsJson(r.flags)},
          {"reading", ReadingJson(r.reading)},
          {"provenance", {{"pages", r.pages}}}};
}

Report ReadReport(const json& j) {
  Report r;
  r.index = jr::Int(j, "index");
  r.title = jr::String(j, "title");
  r.project_name = jr::String(j, "project_name");
  r.department = jr::String(j, "department");
  r.implementing_unit = jr::String(j, "implementing_unit");
  if (auto y = jr::OptInt(j, "fiscal_year")) r.fiscal_year = *y;
  r.fill_date = ReadOptValue(j, "fill_date_source");
  if (auto iso = jr::OptString(j, "fill_date")) {  // the plain key wins: people edit it
    if (!r.fill_date) r.fill_date = Value{};
    r.fill_date->date = *iso;
    r.fill_date->number.reset();
    r.fill_date->unit = "date";
    if (r.fill_date->raw.empty()) r.fill_date->raw = *iso;
  }
  r.template_name = jr::String(j, "template");
  if (const json* b = jr::Object(j, "budget")) {
    r.budget.planned = ReadOptValue(*b, "planned");
    r.budget.executed = ReadOptValue(*b, "executed");
    r.budget.remaining = ReadOptValue(*b, "remaining");
    r.budget.initial = ReadOptValue(*b, "initial");
    r.budget.reduction = ReadOptValue(*b, "reduction");
    if (const json* rate = jr::Object(*b, "rate")) {
      r.budget.rate = ReadOptValue(*rate, "declared");
      r.budget.rate_recomputed = jr::Number(*rate, "recomputed");
    }
    r.budget.weight = jr::Number(*b, "weight");
    r.budget.score = ReadScored(*b, "score");
  }
  if (const json* m = jr::Array(j, "indicators"))
    for (const json& x : *m) r.indicators.push_back(ReadIndicator(x));
  if (const json* m = jr::Array(j, "groups"))
    for (const json& x : *m) r.groups.push_back(ReadGroup(x));
  r.form_weight_total = jr::Number(j, "form_weight_total");
  if (const json* t = jr::Object(j, "total")) {
    r.total.declared = ReadTotalPart(*t, "declared");
    r.total.declared_header = ReadTotalPart(*t, "declared_header");
    r.total.self_score_text = ReadTotalPart(*t, "self_score_text");
    r.total.recomputed = jr::Number(*t, "recomputed");
  }
  if (const json* m = jr::Array(j, "sections"))
    for (const json& x : *m) r.sections.push_back(ReadSection(x, 0));
  if (const json* f = jr::Object(j, "facts")) r.facts = ReadFacts(*f);
  r.missing_fields = ReadStrings(j, "missing_fields");
  r.flags = ReadFlags(j, "flags");
  if (const json* q = jr::Object(j, "reading")) r.reading = ReadReading(*q);
  if (const json* p = jr::Object(j, "provenance"))
    if (const json* pages = jr::Array(*p, "pages"))
      for (const json& x : *pages)
        if (x.is_number_integer()) r.pages.push_back(x.get<int>());
  return r;
}

}  // namespace

json ToJson(const Value& v) {
  json j;
  j["raw"] = v.raw;
  if (v.number)
    j["value"] = Num(v.number);
  else if (v.date)
    j["value"] = *v.date;
  else
    j["value"] = nullptr;
  j["unit"] = v.unit ? json(*v.unit) : json(nullptr);
  j["comparator"] = v.comparator ? json(*v.comparator) : json(nullptr);
  j["per"] = v.per.empty() ? json(nullptr) : json(v.per);
  if (v.text) j["text"] = *v.text;
  if (v.range) j["range"] = RangeJson(*v.range);
  if (v.change) j["change"] = ChangeJson(*v.change);
  if (v.period) j["period"] = PeriodJson(*v.period);
  if (v.where.page > 0) j["page"] = v.where.page;
  if (v.where.bbox) j["bbox"] = BBoxJson(v.where.bbox);
  if (!v.where.ref.empty()) j["ref"] = v.where.ref;
  PutLine(j, v.where.line, v.where.column);
  if (v.confidence < 1.0) j["confidence"] = std::round(v.confidence * 1000.0) / 1000.0;
  return j;
}

json ToJson(const Flag& f) {
  json evidence = json::array();
  for (const Evidence& e : f.evidence) {
    json item = {{"page", e.page > 0 ? json(e.page) : json(nullptr)}, {"bbox", BBoxJson(e.bbox)}, {"text", e.text}};
    if (!e.ref.empty()) item["ref"] = e.ref;
    if (e.confidence) PutConfidence(item, *e.confidence);
    PutLine(item, e.line, e.column);
    evidence.push_back(std::move(item));
  }
  auto either = [](const std::optional<double>& n, const std::optional<std::string>& s) {
    if (n) return Num(n);
    if (s) return json(*s);
    return json(nullptr);
  };
  return {{"code", ToString(f.code)},
          {"severity", ToString(f.severity)},
          {"path", f.path},
          {"message", f.message},
          {"declared", either(f.declared, f.declared_text)},
          {"expected", either(f.expected, f.expected_text)},
          {"evidence", evidence}};
}

json ToJson(const Document& d) {
  json pages_info = json::array();
  for (const PageSource& p : d.source.pages_info)
    pages_info.push_back({{"page", p.page},
                          {"method", p.method},
                          {"confidence", std::round(p.confidence * 1000.0) / 1000.0}});
  json reports = json::array();
  for (const Report& r : d.reports) reports.push_back(ReportJson(r));
  json source = {{"path", d.source.path},
                 {"sha256", d.source.sha256},
                 {"pages", d.source.pages},
                 {"pages_info", pages_info}};
  if (!d.source.encoding.empty()) source["encoding"] = d.source.encoding;
  return {{"schema_version", d.schema_version},
          {"source", source},
          {"reports", reports},
          {"flags", FlagsJson(d.flags)}};
}

Result<Document> DocumentFromJson(const json& j) {
  if (!j.is_object()) return Result<Document>::Error("not a JSON object");
  jr::TypeCheck type_check;
  if (!jr::Member(j, "reports") || !j["reports"].is_array())
    return Result<Document>::Error("no \"reports\" array: not a jixiao document");
  Document d;
  // Every version so far reads as the current one: version 1 lacks only
  // keys whose absence means "none". The document is written back as the
  // current version.
  d.schema_version = kSchemaVersion;
  if (const json* s = jr::Object(j, "source")) {
    d.source.path = jr::String(*s, "path");
    d.source.sha256 = jr::String(*s, "sha256");
    d.source.encoding = jr::String(*s, "encoding");
    d.source.pages = jr::Int(*s, "pages");
    if (const json* m = jr::Array(*s, "pages_info"))
      for (const json& x : *m)
        d.source.pages_info.push_back(
            {jr::Int(x, "page"), jr::String(x, "method"), jr::Number(x, "confidence").value_or(1.0)});
  }
  for (const json& x : j["reports"])
    if (x.is_object()) d.reports.push_back(ReadReport(x));
  d.flags = ReadFlags(j, "flags");
  if (type_check.failed()) return Result<Document>::Error(type_check.Describe(j));
  return d;
}

}  // namespace jixiao
