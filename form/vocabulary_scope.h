// The vocabulary form/ reads with (model/vocabulary.h), one per thread.
//
// Reading a table asks many small questions of the vocabulary (is this
// cell a header word, a level-2 name, a unit?) from deep inside the table
// readers; rather than pass it down every call, ParseReports opens a
// VocabularyScope for the profile whose words it reads with, and the
// label functions ask ActiveVocabulary(). Outside any scope (unit tests
// of a single reader) it is the built-in "generic" profile's vocabulary.
// Invariant: a scope lives on one thread's stack and restores the
// vocabulary it replaced when it ends, so scopes nest and batch threads
// never see each other's.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/profile.h"
#include "model/vocabulary.h"

namespace jixiao::form {

const Vocabulary& ActiveVocabulary();

// The vocabulary tables are read with first: that of the profile named
// "generic" in `profiles`, else the built-in one.
const Vocabulary& BaseVocabulary(const std::vector<Profile>& profiles);

class VocabularyScope {
 public:
  explicit VocabularyScope(const Vocabulary& vocabulary);
  ~VocabularyScope();
  VocabularyScope(const VocabularyScope&) = delete;
  VocabularyScope& operator=(const VocabularyScope&) = delete;

 private:
  const Vocabulary* previous_;
};

// Shorthands for ActiveVocabulary().Words(path) / .Map(path).
const std::vector<std::string_view>& Words(std::string_view path);
const std::vector<std::pair<std::string_view, std::string_view>>& WordMap(std::string_view path);
// The confusion table of the active vocabulary applied to `text`: the one
// way every reader corrects OCR misreadings (Vocabulary::Correct).
std::string CorrectConfusions(std::string_view text);
std::u32string CorrectConfusions(std::u32string text);

// Whether folded text `f` is named by the role at `path`: it contains a
// word of path.contains, starts with one of path.starts_with or equals one
// of path.equals ("indicator_columns.weight").
bool MatchesRole(std::string_view f, std::string_view path);

}  // namespace jixiao::form
