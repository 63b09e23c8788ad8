#include "score/scoring_profile.h"

#include <set>

namespace jixiao::score {

namespace {

using nlohmann::json;

// Conventions of the self-evaluation forms (see the notes printed under them
// and the dev corpus README): scores floor / rounded / one decimal, rates
// 0-3 decimals, a rate over 100% sometimes printed capped.
const char* const kRateConventions[] = {"floor_0", "round_0", "floor_1", "round_1", "floor_2",
                                        "round_2", "floor_3", "round_3", "capped_round_0",
                                        "capped_round_1", "capped_round_2"};
const char* const kRateUnusual[] = {"ceil_0", "ceil_1"};
const char* const kScoreConventions[] = {"floor_0", "round_0", "floor_1", "round_1", "round_2"};
const char* const kScoreUnusual[] = {"ceil_0", "ceil_1"};
const char* const kTotalConventions[] = {"round_0", "floor_0", "round_1", "floor_1", "round_2"};

template <size_t N>
ConventionSet Builtin(const char* const (&names)[N]) {
  ConventionSet set;
  for (const char* name : names) {
    Result<Convention> c = ParseConvention(name);
    if (c.ok()) set.push_back(c.value());
  }
  return set;
}

class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  const Status& status() const { return status_; }

  void Fail(const std::string& key, const std::string& what) {
    if (status_.ok()) status_ = Status::Error(origin_ + ": scoring." + key + " " + what);
  }

  const json* Find(const json& object, const std::string& key) {
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
  }

  void OptNumber(const json& object, const std::string& key, std::optional<double>& out) {
    const json* v = Find(object, key);
    if (!v) return;
    if (v->is_null()) {
      out.reset();
    } else if (v->is_number()) {
      out = v->get<double>();
    } else {
      Fail(key, "must be a number or null");
    }
  }

  void Bool(const json& object, const std::string& key, bool& out) {
    const json* v = Find(object, key);
    if (!v) return;
    if (v->is_boolean()) {
      out = v->get<bool>();
    } else {
      Fail(key, "must be true or false");
    }
  }

  void Conventions(const json& object, const std::string& key, ConventionSet& out) {
    const json* v = Find(object, key);
    if (!v) return;
    if (!v->is_array()) return Fail(key, "must be a list of conventions");
    ConventionSet set;
    for (const json& item : *v) {
      if (!item.is_string()) return Fail(key, "must list convention names");
      Result<Convention> c = ParseConvention(item.get<std::string>());
      if (!c.ok()) return Fail(key, c.status().message());
      set.push_back(c.value());
    }
    out = std::move(set);
  }

  void ToleranceAt(const json& object, const std::string& key, Tolerance& out) {
    const json* v = Find(object, key);
    if (!v) return;
    if (!v->is_object()) return Fail(key, "must be {\"consistent\": x, \"discrepancy\": y}");
    std::optional<double> consistent = out.consistent, discrepancy = out.discrepancy;
    OptNumber(*v, "consistent", consistent);
    OptNumber(*v, "discrepancy", discrepancy);
    if (!consistent || !discrepancy || *consistent < 0 || *discrepancy < *consistent)
      return Fail(key, "needs 0 <= consistent <= discrepancy");
    out = {*consistent, *discrepancy};
  }

  void Words(const json& object, const std::string& key, std::vector<std::string>& out) {
    const json* v = Find(object, key);
    if (!v) return;
    if (!v->is_array()) return Fail(key, "must be a list of strings");
    std::vector<std::string> words;
    for (const json& item : *v) {
      if (!item.is_string() || item.get<std::string>().empty())
        return Fail(key, "must be a list of non-empty strings");
      words.push_back(item.get<std::string>());
    }
    out = std::move(words);
  }

  void Tiers(const json& object, const std::string& key, std::vector<TierSet>& out) {
    const json* v = Find(object, key);
    if (!v) return;
    if (!v->is_array() || v->empty()) return Fail(key, "must be a non-empty list of tier lists");
    std::vector<TierSet> sets;
    for (const json& set_json : *v) {
      if (!set_json.is_array() || set_json.empty())
        return Fail(key, "must list tiers as [[low, high] percent, ...]");
      TierSet set;
      for (const json& tier : set_json) {
        if (!tier.is_array() || tier.size() != 2 || !tier[0].is_number() || !tier[1].is_number())
          return Fail(key, "tier must be [low, high] in percent");
        double low = tier[0].get<double>(), high = tier[1].get<double>();
        if (low < 0 || high > 100 || low > high) return Fail(key, "tier must have 0 <= low <= high <= 100");
        set.tiers.push_back({low / 100.0, high / 100.0});
      }
      sets.push_back(std::move(set));
    }
    out = std::move(sets);
  }

 private:
  std::string origin_;
  Status status_;
};

const std::set<std::string> kKnownKeys = {
    "budget_weight", "form_total", "weights", "conventions", "qualitative_tiers",
    "qualitative_achieved", "qualitative_partial", "qualitative_negation", "tolerances", "inferred_weight_severity", "checks"};

}  // namespace

ScoringProfile DefaultScoringProfile() {
  ScoringProfile p;
  p.name = "default";
  p.rate_conventions = Builtin(kRateConventions);
  p.rate_unusual = Builtin(kRateUnusual);
  p.score_conventions = Builtin(kScoreConventions);
  p.score_unusual = Builtin(kScoreUnusual);
  p.total_conventions = Builtin(kTotalConventions);
  p.qualitative_tiers = {TierSet{{{0.8, 1.0}, {0.5, 0.8}, {0.0, 0.5}}}};
  p.achieved_words = {"已完善", "已完成", "已达到", "全覆盖", "完成", "达到", "明显提升", "明显提高"};
  p.partial_words = {"部分", "基本"};
  p.negation_words = {"未", "没有", "尚未"};
  return p;
}

Result<ScoringProfile> ParseScoringProfile(const Profile& profile) {
  ScoringProfile p = DefaultScoringProfile();
  p.name = profile.name;
  const json& s = profile.scoring;
  if (!s.is_object()) return Result<ScoringProfile>::Error(profile.name + ": \"scoring\" is not an object");
  Reader r("profile " + profile.name);
  for (auto it = s.begin(); it != s.end(); ++it)
    if (!kKnownKeys.count(it.key())) r.Fail(it.key(), "is not a known scoring key");

  r.OptNumber(s, "budget_weight", p.budget_weight);
  r.OptNumber(s, "form_total", p.form_total);
  if (const json* w = r.Find(s, "weights")) {
    std::string mode = w->is_string() ? w->get<std::string>() : "";
    if (mode == "column") {
      p.weight_mode = WeightMode::kColumn;
    } else if (mode == "group_split") {
      p.weight_mode = WeightMode::kGroupSplit;
    } else if (mode == "goal_inference") {
      p.weight_mode = WeightMode::kGoalInference;
    } else {
      r.Fail("weights", "must be \"column\", \"group_split\" or \"goal_inference\"");
    }
  }
  if (const json* c = r.Find(s, "conventions")) {
    if (!c->is_object()) {
      r.Fail("conventions", "must be an object");
    } else {
      r.Conventions(*c, "rate", p.rate_conventions);
      r.Conventions(*c, "rate_unusual", p.rate_unusual);
      r.Conventions(*c, "score", p.score_conventions);
      r.Conventions(*c, "score_unusual", p.score_unusual);
      r.Conventions(*c, "total", p.total_conventions);
    }
  }
  r.Tiers(s, "qualitative_tiers", p.qualitative_tiers);
  r.Words(s, "qualitative_achieved", p.achieved_words);
  r.Words(s, "qualitative_partial", p.partial_words);
  r.Words(s, "qualitative_negation", p.negation_words);
  if (const json* t = r.Find(s, "tolerances")) {
    if (!t->is_object()) {
      r.Fail("tolerances", "must be an object");
    } else {
      r.ToleranceAt(*t, "rate", p.rate_tolerance);
      r.ToleranceAt(*t, "score", p.score_tolerance);
      r.ToleranceAt(*t, "total", p.total_tolerance);
      r.ToleranceAt(*t, "ratio", p.ratio_tolerance);
      if (const json* a = r.Find(*t, "amount")) {
        std::optional<double> factor = p.amount_tolerance.factor, relative = p.amount_tolerance.relative,
                              minimum = p.amount_tolerance.minimum;
        if (!a->is_object()) {
          r.Fail("tolerances.amount", "must be {\"factor\", \"relative\", \"minimum\"}");
        } else {
          r.OptNumber(*a, "factor", factor);
          r.OptNumber(*a, "relative", relative);
          r.OptNumber(*a, "minimum", minimum);
          if (!factor || !relative || !minimum || *factor < 1 || *relative < 0 || *minimum < 0)
            r.Fail("tolerances.amount", "needs factor >= 1, relative >= 0, minimum >= 0");
          else
            p.amount_tolerance = {*factor, *relative, *minimum};
        }
      }
    }
  }
  if (const json* sev = r.Find(s, "inferred_weight_severity")) {
    std::optional<Severity> v = sev->is_string() ? ParseSeverity(sev->get<std::string>()) : std::nullopt;
    if (v)
      p.inferred_weight_severity = *v;
    else
      r.Fail("inferred_weight_severity", "must be \"error\", \"warning\" or \"info\"");
  }
  if (const json* c = r.Find(s, "checks")) {
    if (!c->is_object()) {
      r.Fail("checks", "must be an object of booleans");
    } else {
      static const std::set<std::string> kChecks = {"budget", "indicators", "totals", "weight_sums",
                                                    "sections", "facts", "dates"};
      for (auto it = c->begin(); it != c->end(); ++it)
        if (!kChecks.count(it.key())) r.Fail("checks." + it.key(), "is not a known check");
      r.Bool(*c, "budget", p.checks.budget);
      r.Bool(*c, "indicators", p.checks.indicators);
      r.Bool(*c, "totals", p.checks.totals);
      r.Bool(*c, "weight_sums", p.checks.weight_sums);
      r.Bool(*c, "sections", p.checks.sections);
      r.Bool(*c, "facts", p.checks.facts);
      r.Bool(*c, "dates", p.checks.dates);
    }
  }
  if (!r.status().ok()) return r.status();
  return p;
}

}  // namespace jixiao::score
