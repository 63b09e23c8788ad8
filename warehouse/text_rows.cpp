// The rows of a document read straight from its JSON text with simdjson,
// without building nlohmann::json and the Document model: most of a load's
// time went there. The rows are those BuildRows makes (a test compares them).
//
// emit/'s reader refuses a document with a member of the wrong type. This
// reader checks every member emit/'s reader checks, the same way or more
// strictly, and gives up (nullopt) on anything it is not sure of: text
// simdjson does not parse, a repeated key, a member of an unexpected type,
// a number out of range. The caller then reads the document with emit/,
// which refuses it with the member's JSON Pointer or reads it after all.

#include <simdjson.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <set>

#include "model/flag_code.h"
#include "warehouse/tables.h"

namespace jixiao::warehouse {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;


// YYYY, YYYY-MM or YYYY-MM-DD (as emit/ reads a date value).
bool LooksLikeIsoDate(std::string_view s) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  for (size_t i = 0; i < s.size(); ++i)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  return true;
}

bool IsNumber(element e) {
  element_type t = e.type();
  return t == element_type::INT64 || t == element_type::UINT64 || t == element_type::DOUBLE;
}

double AsDouble(element e) {
  double d = 0;
  return e.get_double().get(d) == simdjson::SUCCESS ? d : 0;
}

bool IsInteger(element e) { return e.type() == element_type::INT64 || e.type() == element_type::UINT64; }

// What the rows keep of a Value.
struct ValueRead {
  std::string_view raw;
  std::optional<double> number;
  std::optional<std::string_view> date, unit, comparator;
  int page = 0;
  std::optional<BBox> bbox;
  double confidence = 1.0;
};

struct ScoredRead {
  std::optional<double> declared, recomputed;
  std::string_view raw;
};

struct EvidenceRead {
  int page = 0;
  std::optional<BBox> bbox;
  std::string_view text;
};

// A member's key as compared often: its length and first eight bytes, read
// as one number, settle almost every comparison without memcmp.
struct Key {
  explicit Key(std::string_view s) : text(s) { std::memcpy(&head, s.data(), std::min<size_t>(s.size(), 8)); }
  bool operator==(const Key& o) const {
    return head == o.head && text.size() == o.text.size() &&
           (text.size() <= 8 || std::memcmp(text.data() + 8, o.text.data() + 8, text.size() - 8) == 0);
  }
  bool operator<(const Key& o) const {
    if (text.size() != o.text.size()) return text.size() < o.text.size();
    return head != o.head ? head < o.head : text < o.text;
  }
  // One of 64 bits, the same for equal keys: a set of keys as one number.
  uint64_t Bit() const { return uint64_t{1} << (((head ^ text.size()) * 0x9E3779B97F4A7C15u) >> 58); }
  std::string_view text;
  uint64_t head = 0;
};

// The members of a document's objects by key, each object listed once, when
// first asked: the reader asks an object for dozens of keys, many of them
// absent, and simdjson's at_key walks the object's members on every ask.
// An object is known by where its first key is kept in the parsed document.
class MemberIndex {
 public:
  // Forgets the objects of the previous document.
  void Clear() {
    ++generation_;
    members_.clear();
  }

  // The member `key` of `o` (the first one, as at_key finds), or nullopt.
  std::optional<element> Find(simdjson::dom::object o, std::string_view key) {
    auto first = o.begin();
    if (first == o.end()) return std::nullopt;
    const char* id = first.key_c_str();
    Slot& slot = slots_[(reinterpret_cast<uintptr_t>(id) >> 2) % kSlots];
    if (slot.generation != generation_ || slot.id != id) {
      slot = {generation_, id, members_.size(), 0, 0};
      for (simdjson::dom::key_value_pair member : o) {
        members_.push_back({Key(member.key), member.value});
        slot.keys |= members_.back().key.Bit();
      }
      slot.end = members_.size();
    }
    const Key wanted(key);
    // Most asks are for members an object does not have.
    if (!(slot.keys & wanted.Bit())) return std::nullopt;
    for (size_t i = slot.begin; i < slot.end; ++i)
      if (members_[i].key == wanted) return members_[i].value;
    return std::nullopt;
  }

 private:
  struct Member {
    Key key;
    element value;
  };
  struct Slot {
    uint64_t generation = 0;
    const char* id = nullptr;
    size_t begin = 0, end = 0;             // in members_
    uint64_t keys = 0;                     // Key::Bit of each member
  };
  static constexpr size_t kSlots = 512;
  std::array<Slot, kSlots> slots_{};
  std::vector<Member> members_;
  uint64_t generation_ = 1;
};

// Reads members the way emit/json_read.h does (a missing or null member is
// absent) and notes, instead of a wrong type, that it is not sure.
class Reader {
 public:
  explicit Reader(MemberIndex& index) : index_(index) {}

  bool sure() const { return sure_; }
  void Doubt() { sure_ = false; }

  std::optional<element> Member(element j, std::string_view key) {
    simdjson::dom::object o;
    if (j.get(o) != simdjson::SUCCESS) return std::nullopt;
    std::optional<element> m = index_.Find(o, key);
    if (!m || m->is_null()) return std::nullopt;
    return m;
  }

  std::optional<std::string_view> OptString(element j, std::string_view key) {
    std::optional<element> m = Member(j, key);
    if (!m) return std::nullopt;
    std::string_view s;
    if (m->get(s) != simdjson::SUCCESS) {
      Doubt();
      return std::nullopt;
    }
    return s;
  }
  std::string_view String(element j, std::string_view key) { return OptString(j, key).value_or(std::string_view()); }

  std::optional<double> Number(element j, std::string_view key) {
    std::optional<element> m = Member(j, key);
    if (!m) return std::nullopt;
    if (!IsNumber(*m)) {
      Doubt();
      return std::nullopt;
    }
    return AsDouble(*m);
  }

  int Int(element j, std::string_view key, int fallback = 0) {
    std::optional<double> x = Number(j, key);
    if (!x) return fallback;
    if (!(*x >= -2147483648.0 && *x <= 2147483647.0)) {
      Doubt();
      return fallback;
    }
    return static_cast<int>(*x);
  }

  std::optional<element> Typed(element j, std::string_view key, element_type type) {
    std::optional<element> m = Member(j, key);
    if (m && m->type() != type) {
      Doubt();
      return std::nullopt;
    }
    return m;
  }
  std::optional<element> Object(element j, std::string_view key) { return Typed(j, key, element_type::OBJECT); }
  // Calls `fn` with each element of the member `key` when it is an array.
  template <class Fn>
  void Each(element j, std::string_view key, Fn fn) {
    simdjson::dom::array items;
    if (std::optional<element> m = Typed(j, key, element_type::ARRAY); m && m->get(items) == simdjson::SUCCESS)
      for (element x : items) fn(x);
  }

  void Strings(element j, std::string_view key) {
    Each(j, key, [&](element x) {
      if (x.type() != element_type::STRING) Doubt();
    });
  }

  std::optional<BBox> ReadBBox(element j, std::string_view key) {
    std::optional<element> m = Member(j, key);
    if (!m) return std::nullopt;
    simdjson::dom::array a;
    if (m->get(a) != simdjson::SUCCESS || a.size() != 4) {
      Doubt();
      return std::nullopt;
    }
    double x[4];
    int i = 0;
    for (element e : a) {
      if (!IsNumber(e)) {
        Doubt();
        return std::nullopt;
      }
      x[i++] = AsDouble(e);
    }
    return BBox{x[0], x[1], x[2], x[3]};
  }

  // page, bbox, ref, line, column: only page and bbox go to rows.
  std::pair<int, std::optional<BBox>> Location(element j) {
    int page = Int(j, "page");
    std::optional<BBox> bbox = ReadBBox(j, "bbox");
    String(j, "ref");
    Int(j, "line");
    Int(j, "column");
    return {page, bbox};
  }

  ValueRead Value(element j) {
    ValueRead v;
    v.raw = String(j, "raw");
    v.unit = OptString(j, "unit");
    if (std::optional<element> m = Member(j, "value")) {
      std::string_view s;
      if (IsNumber(*m))
        v.number = AsDouble(*m);
      else if (m->get(s) == simdjson::SUCCESS && (v.unit == "date" || LooksLikeIsoDate(s)))
        v.date = s;
      else
        Doubt();
    }
    v.comparator = OptString(j, "comparator");
    Strings(j, "per");
    OptString(j, "text");
    if (std::optional<element> range = Member(j, "range")) {
      Number(*range, "lower");
      Number(*range, "upper");
    }
    if (std::optional<element> change = Member(j, "change")) {
      String(*change, "direction");
      OptString(*change, "baseline");
    }
    if (std::optional<element> period = Member(j, "period")) {
      OptString(*period, "from");
      OptString(*period, "to");
    }
    std::tie(v.page, v.bbox) = Location(j);
    v.confidence = Number(j, "confidence").value_or(1.0);
    return v;
  }

  std::optional<ValueRead> OptValue(element j, std::string_view key) {
    std::optional<element> m = Object(j, key);
    if (!m) return std::nullopt;
    return Value(*m);
  }

  void Values(element j, std::string_view key) {
    Each(j, key, [&](element x) {
      if (x.is_object()) Value(x);
    });
  }

  ScoredRead Scored(element parent, std::string_view key) {
    ScoredRead s;
    std::optional<element> m = Member(parent, key);
    if (!m) return s;
    if (IsNumber(*m)) {
      s.declared = AsDouble(*m);
      return s;
    }
    if (!m->is_object()) {
      Doubt();
      return s;
    }
    s.declared = Number(*m, "declared");
    s.recomputed = Number(*m, "recomputed");
    s.raw = String(*m, "raw");
    Location(*m);
    Number(*m, "confidence");
    return s;
  }

  // A total: the bare number at `key`, its raw text under "sources".
  ScoredRead TotalPart(element total, std::string_view key) {
    ScoredRead s;
    s.declared = Number(total, key);
    if (std::optional<element> sources = Object(total, "sources"))
      if (std::optional<element> src = Object(*sources, key)) {
        s.raw = String(*src, "raw");
        Location(*src);
        Number(*src, "confidence");
      }
    return s;
  }

  void Group(element j) {
    String(j, "label");
    String(j, "level1");
    Number(j, "weight");
    String(j, "weight_raw");
    Scored(j, "score");
    Each(j, "indicators", [](element) {});
    Location(j);
  }

  void Section(element j, int depth) {
    String(j, "name");
    Number(j, "weight");
    Number(j, "score");
    String(j, "raw");
    Location(j);
    // emit/ reads 8 levels; deeper ones are checked too, which is stricter.
    Each(j, "children", [&](element c) { Section(c, depth + 1); });
  }

  void Facts(element j) {
    auto each = [&](std::string_view key, auto fn) {
      Each(j, key, [&](element x) {
        if (x.is_object()) fn(x);
      });
    };
    each("rate_statements", [&](element x) {
      for (const char* k : {"planned", "executed", "rate"}) OptValue(x, k);
      String(x, "raw");
      Location(x);
    });
    each("unit_prices", [&](element x) {
      for (const char* k : {"count", "unit_amount", "amount"}) OptValue(x, k);
      String(x, "raw");
      Location(x);
    });
    each("components", [&](element x) {
      OptValue(x, "total");
      Values(x, "parts");
      String(x, "label");
      String(x, "raw");
      Location(x);
    });
    each("cross_refs", [&](element x) {
      String(x, "quantity");
      Values(x, "mentions");
    });
    each("dates", [&](element x) {
      String(x, "role");
      OptValue(x, "date");
      String(x, "raw");
    });
  }

  void Reading(element j) {
    Int(j, "indicators_read");
    Int(j, "figures");
    Int(j, "doubtful_figures");
    Number(j, "min_confidence");
    Strings(j, "problems");
  }

 private:
  MemberIndex& index_;
  bool sure_ = true;
};

void AppendValue(Row& row, const std::optional<ValueRead>& v) {
  if (!v) {
    row.insert(row.end(), 5, Field());
    return;
  }
  row.push_back(Text(v->raw));
  row.push_back(Number(v->number));
  row.push_back(Text(v->date));
  row.push_back(Text(v->unit));
  row.push_back(Text(v->comparator));
}

// True when no object in `e` has a key twice: nlohmann keeps the last of
// repeated keys, simdjson finds the first, so such a document is left to
// emit/. `keys` is scratch space, shared by the nested objects.
bool NoRepeatedKeys(element e, std::vector<Key>& keys) {
  simdjson::dom::array items;
  if (e.get(items) == simdjson::SUCCESS) {
    for (element x : items)
      if (!NoRepeatedKeys(x, keys)) return false;
    return true;
  }
  simdjson::dom::object fields;
  if (e.get(fields) != simdjson::SUCCESS) return true;
  const size_t first = keys.size();
  for (simdjson::dom::key_value_pair field : fields) keys.emplace_back(field.key);
  std::sort(keys.begin() + first, keys.end());
  const bool repeated = std::adjacent_find(keys.begin() + first, keys.end()) != keys.end();
  keys.erase(keys.begin() + first, keys.end());
  if (repeated) return false;
  for (simdjson::dom::key_value_pair field : fields)
    if (!NoRepeatedKeys(field.value, keys)) return false;
  return true;
}

bool IsSha256(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

class RowBuilder {
 public:
  RowBuilder(Reader& in, DocumentRows& out) : in_(in), out_(out) {}

  // An empty row with room for all of the table's columns: a row grown one
  // field at a time would be moved to new memory four times on the way.
  static Row NewRow(TableId table) {
    Row row;
    row.reserve(Tables()[table].columns.size());
    return row;
  }

  void Flag(element j, std::optional<int> report) {
    Row row = NewRow(kFlag);
    row.push_back(out_.sha256);
    row.push_back(Integer(flag_index_++));
    row.push_back(report ? Integer(*report) : Field());
    // emit/'s reader refuses a code or severity outside the contract.
    const std::string_view code = in_.String(j, "code"), severity = in_.String(j, "severity");
    if (!ParseFlagCode(code) || !ParseSeverity(severity)) in_.Doubt();
    row.push_back(std::string(code));
    row.push_back(std::string(severity));
    row.push_back(Text(in_.String(j, "path")));
    row.push_back(Text(in_.String(j, "message")));
    for (const char* key : {"declared", "expected"}) {
      std::optional<double> number;
      std::string_view text;
      if (std::optional<element> m = in_.Member(j, key)) {
        if (IsNumber(*m))
          number = AsDouble(*m);
        else if (m->get(text) != simdjson::SUCCESS)
          in_.Doubt();
      }
      row.push_back(Number(number));
      row.push_back(Text(text));
    }
    nlohmann::json evidence = nlohmann::json::array();
    std::optional<int> first_page;
    in_.Each(j, "evidence", [&](element x) {
      const int page = in_.Int(x, "page");
      std::optional<BBox> b = in_.ReadBBox(x, "bbox");
      std::string_view text = in_.String(x, "text");
      in_.String(x, "ref");
      in_.Number(x, "confidence");
      in_.Int(x, "line");
      in_.Int(x, "column");
      nlohmann::json box = nullptr;
      if (b) box = nlohmann::json::array({b->x0, b->y0, b->x1, b->y1});
      evidence.push_back({{"page", page > 0 ? nlohmann::json(page) : nlohmann::json(nullptr)},
                          {"bbox", box},
                          {"text", std::string(text)}});
      if (!first_page) first_page = page;
    });
    row.push_back(first_page ? Page(*first_page) : Field());
    row.push_back(evidence.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    out_.tables[kFlag].push_back(std::move(row));
  }

  void Flags(element j, std::optional<int> report) {
    in_.Each(j, "flags", [&](element x) { Flag(x, report); });
  }

  void Indicator(element j, int report, int index) {
    Row row = NewRow(kIndicator);
    row.push_back(out_.sha256);
    row.push_back(Integer(report));
    row.push_back(Integer(index));
    row.push_back(Text(in_.String(j, "level1")));
    row.push_back(Text(in_.String(j, "level2")));
    row.push_back(Text(in_.String(j, "name")));
    std::optional<ValueRead> target = in_.OptValue(j, "target"), actual = in_.OptValue(j, "actual");
    std::optional<ValueRead> ratio;
    std::optional<double> ratio_recomputed;
    if (std::optional<element> r = in_.Object(j, "ratio")) {
      ratio = in_.OptValue(*r, "declared");
      ratio_recomputed = in_.Number(*r, "recomputed");
    }
    std::optional<double> weight;
    std::string_view weight_source, weight_raw;
    if (std::optional<element> w = in_.Member(j, "weight")) {
      if (IsNumber(*w)) {
        weight = AsDouble(*w);
      } else if (!w->is_object()) {
        in_.Doubt();
      } else {
        weight = in_.Number(*w, "value");
        weight_source = in_.String(*w, "source");
        weight_raw = in_.String(*w, "raw");
      }
    }
    ScoredRead score = in_.Scored(j, "score");
    std::string_view kind = in_.String(j, "kind"), direction = in_.String(j, "direction");
    in_.Int(j, "group", -1);
    in_.String(j, "deviation_note");
    int page = 0;
    std::optional<BBox> bbox;
    if (std::optional<element> p = in_.Object(j, "provenance")) std::tie(page, bbox) = in_.Location(*p);

    row.push_back(Text(kind));
    row.push_back(Text(direction));
    AppendValue(row, target);
    AppendValue(row, actual);
    row.push_back(ratio ? Text(ratio->raw) : Field());
    row.push_back(ratio ? Number(ratio->number) : Field());
    row.push_back(Number(ratio_recomputed));
    row.push_back(Number(weight));
    row.push_back(weight ? Text(weight_source) : Field());
    row.push_back(Text(weight_raw));
    row.push_back(Number(score.declared));
    row.push_back(Number(score.recomputed));
    row.push_back(Text(score.raw));
    row.push_back(Page(page));
    AppendBBox(row, bbox);
    std::optional<double> confidence;
    for (const std::optional<ValueRead>* v : {&target, &actual})
      if (*v) confidence = std::min(confidence.value_or(1.0), (*v)->confidence);
    row.push_back(Number(confidence));
    out_.tables[kIndicator].push_back(std::move(row));
  }

  void BudgetLine(int report, const char* line, const std::optional<ValueRead>& v) {
    if (!v) return;
    Row row = NewRow(kBudgetLine);
    row.push_back(out_.sha256);
    row.push_back(Integer(report));
    row.push_back(std::string(line));
    row.push_back(Text(v->raw));
    row.push_back(Number(v->number));
    row.push_back(Text(v->unit));
    row.push_back(Text(v->comparator));
    row.push_back(Page(v->page));
    AppendBBox(row, v->bbox);
    row.push_back(v->confidence);
    out_.tables[kBudgetLine].push_back(std::move(row));
  }

  void Report(element j, int index) {
    in_.Int(j, "index");
    std::string_view title = in_.String(j, "title"), project = in_.String(j, "project_name"),
                     department = in_.String(j, "department"), unit = in_.String(j, "implementing_unit");
    std::optional<long long> fiscal_year;
    if (std::optional<double> y = in_.Number(j, "fiscal_year")) {
      if (*y >= -2147483648.0 && *y <= 2147483647.0)
        fiscal_year = static_cast<int>(*y);
      else
        in_.Doubt();
    }
    // The plain fill_date wins over the date of fill_date_source.
    std::optional<ValueRead> fill = in_.OptValue(j, "fill_date_source");
    std::optional<std::string_view> iso = in_.OptString(j, "fill_date");
    const bool has_fill_date = fill || iso;
    std::optional<std::string_view> fill_date = iso ? iso : fill ? fill->date : std::nullopt;
    std::string_view template_name = in_.String(j, "template");

    std::optional<double> budget_weight, rate_recomputed;
    ScoredRead budget_score;
    if (std::optional<element> b = in_.Object(j, "budget")) {
      BudgetLine(index, "planned", in_.OptValue(*b, "planned"));
      BudgetLine(index, "executed", in_.OptValue(*b, "executed"));
      BudgetLine(index, "remaining", in_.OptValue(*b, "remaining"));
      BudgetLine(index, "initial", in_.OptValue(*b, "initial"));
      BudgetLine(index, "reduction", in_.OptValue(*b, "reduction"));
      if (std::optional<element> rate = in_.Object(*b, "rate")) {
        BudgetLine(index, "rate", in_.OptValue(*rate, "declared"));
        rate_recomputed = in_.Number(*rate, "recomputed");
      }
      budget_weight = in_.Number(*b, "weight");
      budget_score = in_.Scored(*b, "score");
    }
    int k = 0;
    in_.Each(j, "indicators", [&](element x) { Indicator(x, index, k++); });
    in_.Each(j, "groups", [&](element x) { in_.Group(x); });
    std::optional<double> form_weight_total = in_.Number(j, "form_weight_total");
    ScoredRead declared, header, narrative;
    std::optional<double> recomputed;
    if (std::optional<element> t = in_.Object(j, "total")) {
      declared = in_.TotalPart(*t, "declared");
      header = in_.TotalPart(*t, "declared_header");
      narrative = in_.TotalPart(*t, "self_score_text");
      recomputed = in_.Number(*t, "recomputed");
    }
    in_.Each(j, "sections", [&](element x) { in_.Section(x, 0); });
    if (std::optional<element> f = in_.Object(j, "facts")) in_.Facts(*f);
    in_.Strings(j, "missing_fields");
    Flags(j, index);
    if (std::optional<element> q = in_.Object(j, "reading")) in_.Reading(*q);
    std::string pages;
    if (std::optional<element> p = in_.Object(j, "provenance"))
      in_.Each(*p, "pages", [&](element x) {
        if (!IsInteger(x)) return;
        const double page = AsDouble(x);
        if (!(page >= -2147483648.0 && page <= 2147483647.0)) in_.Doubt();
        pages += (pages.empty() ? "" : ",") + std::to_string(static_cast<int>(page));
      });

    const std::string_view organization = department.empty() ? unit : department;
    out_.tables[kReport].push_back({out_.sha256,
                                    Integer(index),
                                    Text(title),
                                    Text(project),
                                    Text(department),
                                    Text(unit),
                                    Text(CountyOf(std::string(organization))),
                                    fiscal_year ? Integer(*fiscal_year) : Field(),
                                    has_fill_date ? Text(fill_date) : Field(),
                                    Text(template_name),
                                    Number(budget_weight),
                                    Number(rate_recomputed),
                                    Number(budget_score.declared),
                                    Number(budget_score.recomputed),
                                    Text(budget_score.raw),
                                    Number(declared.declared),
                                    Number(header.declared),
                                    Number(narrative.declared),
                                    Number(recomputed),
                                    Text(declared.raw),
                                    Number(form_weight_total),
                                    Text(pages)});
  }

 private:
  Reader& in_;
  DocumentRows& out_;
  int flag_index_ = 0;
};

// The document row's input kind: the source's own word, else the file's
// extension (as BuildRows does).
std::string InputKind(element source, std::string_view path) {
  for (const char* key : {"input_kind", "kind"}) {
    std::string_view kind;
    if (source.at_key(key).get(kind) == simdjson::SUCCESS) return std::string(kind);
  }
  return InputKindOfPath(std::string(path));
}

std::string TopLevelString(element j, const char* key) {
  std::string_view s;
  return j.at_key(key).get(s) == simdjson::SUCCESS ? std::string(s) : std::string();
}

}  // namespace

std::optional<DocumentRows> RowsFromText(std::string_view json_text, DocumentInfo info) {
  // One parser per thread: it keeps its buffers from one document to the next.
  thread_local simdjson::dom::parser parser;
  // A \uD800-\uDFFF escape is a surrogate: the two parsers differ on a
  // lone one. The documents jixiao writes have none (it writes UTF-8).
  for (size_t at = json_text.find("\\u"); at != std::string_view::npos; at = json_text.find("\\u", at + 2))
    if (at + 2 < json_text.size() && (json_text[at + 2] == 'd' || json_text[at + 2] == 'D')) return std::nullopt;
  element j;
  if (parser.parse(json_text.data(), json_text.size()).get(j) != simdjson::SUCCESS) return std::nullopt;
  thread_local std::vector<Key> keys;
  if (!j.is_object() || !NoRepeatedKeys(j, keys)) return std::nullopt;
  // The checks of the warehouse's own (CheckDocumentJson in warehouse.cpp).
  element source;
  simdjson::dom::array reports;
  std::string_view sha;
  if (j.at_key("source").get(source) != simdjson::SUCCESS || !source.is_object() ||
      source.at_key("sha256").get(sha) != simdjson::SUCCESS || !IsSha256(sha) ||
      j.at_key("reports").get(reports) != simdjson::SUCCESS)
    return std::nullopt;
  for (element r : reports)
    if (!r.is_object()) return std::nullopt;

  thread_local MemberIndex members;
  members.Clear();
  Reader in(members);
  DocumentRows rows;
  rows.name = info.name;
  rows.sha256 = std::string(sha);
  rows.content_sha256 = info.content_sha256;
  rows.json_bytes = info.json_text.size();
  RowBuilder builder(in, rows);

  std::string_view path = in.String(source, "path");
  in.String(source, "encoding");
  const int pages = in.Int(source, "pages");
  std::set<std::string_view> methods;
  in.Each(source, "pages_info", [&](element x) {
    in.Int(x, "page");
    in.Number(x, "confidence");
    if (std::string_view m = in.String(x, "method"); !m.empty()) methods.insert(m);
  });
  builder.Flags(j, std::nullopt);
  int index = 0;
  for (element r : reports) builder.Report(r, index++);
  if (!in.sure()) return std::nullopt;

  std::string page_methods;
  for (std::string_view m : methods) (page_methods += page_methods.empty() ? "" : "+") += m;
  std::string processed_at = TopLevelString(j, "processed_at");
  if (processed_at.empty()) processed_at = info.processed_at;
  const long long flags = static_cast<long long>(rows.tables[kFlag].size());
  Row document = {rows.sha256,
                  Text(path),
                  Integer(pages),
                  Text(InputKind(source, path)),
                  Text(page_methods),
                  Text(std::string_view(kSchemaVersion)),
                  Text(TopLevelString(j, "pipeline_version")),
                  Text(processed_at),
                  info.loaded_at,
                  info.content_sha256,
                  Integer(index),
                  Integer(flags),
                  Field()};
  // The body is moved, not copied: an initializer list can only copy.
  document.back() = std::move(info.json_text);
  rows.tables[kDocument].push_back(std::move(document));
  return rows;
}

}  // namespace jixiao::warehouse
