// Vocabulary: the words a template prints, as data.
//
// A profile's "vocabulary" section (after `extends` is resolved, see
// profile.h) names word lists by key. A key holds a list of strings or an
// object of further keys; lists are looked up by their dotted path:
//
//   "vocabulary": {
//     "level1": ["产出指标", "效益指标", "满意度指标"],
//     "indicator_columns": { "weight": { "starts_with": ["分值", "权重"] } },
//     "level2": { "数量指标": "产出指标" },          // a map: word -> word
//     "confusions": [ {"read": "〈", "as": "("} ]   // OCR misreadings
//   }
//
// Words("indicator_columns.weight.starts_with") is {"分值", "权重"}; an
// absent path is an empty list. An object whose values are all strings is
// a map (Map("level2")). "confusions" is the one confusion table: each
// entry replaces a misread text by what was printed; '?' in `read` stands
// for any one character. Correct() applies the whole table, the same way
// wherever it is called. Every word is stored as written (form/ folds its
// input, so words are written folded: ASCII brackets and colons).
//
// Invariant: a Vocabulary is immutable once built and owns every string
// its views point into; it is shared, never copied (profiles hold it by
// shared_ptr).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/status.h"

namespace jixiao {

class Vocabulary {
 public:
  struct Confusion {
    std::u32string read;  // as misread; U'?' = any one character
    std::u32string as;    // as printed
  };

  // Builds from a resolved "vocabulary" section; `origin` names the profile
  // in error messages. A value that is neither a list of strings, a map of
  // strings nor an object of those is an error.
  static Result<std::shared_ptr<const Vocabulary>> FromJson(const nlohmann::json& section,
                                                           const std::string& origin);

  Vocabulary(const Vocabulary&) = delete;
  Vocabulary& operator=(const Vocabulary&) = delete;

  // The list at `path` ("units", "budget_columns.score.contains"), in the
  // order written; empty when absent.
  const std::vector<std::string_view>& Words(std::string_view path) const;

  // The map at `path` as (key, value) pairs in the order written; empty
  // when absent.
  const std::vector<std::pair<std::string_view, std::string_view>>& Map(std::string_view path) const;

  // `text` with every confusion of the table replaced, entries in order,
  // each left to right over the whole text.
  std::string Correct(std::string_view text) const;
  std::u32string Correct(std::u32string text) const;

  const std::vector<Confusion>& Confusions() const { return confusions_; }

 private:
  Vocabulary() = default;
  Status Add(const nlohmann::json& node, const std::string& path, const std::string& origin);
  std::string_view Own(const std::string& word);

  std::vector<std::unique_ptr<std::string>> storage_;  // stable addresses for the views
  std::map<std::string, std::vector<std::string_view>, std::less<>> lists_;
  std::map<std::string, std::vector<std::pair<std::string_view, std::string_view>>, std::less<>> maps_;
  std::vector<Confusion> confusions_;
};

}  // namespace jixiao
