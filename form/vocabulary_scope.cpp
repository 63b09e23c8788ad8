#include "form/vocabulary_scope.h"

#include <algorithm>
#include <string>
#include <utility>

#include "form/form_text.h"

namespace jixiao::form {

namespace {

thread_local const Vocabulary* active = nullptr;

const Vocabulary& BuiltinBase() {
  static const std::shared_ptr<const Vocabulary> kBase = [] {
    const Profile* generic = FindProfile(BuiltinProfiles(), "generic");
    if (generic != nullptr && generic->vocabulary) return generic->vocabulary;
    // Only a broken build lacks it (its tests fail): read with no words.
    return Vocabulary::FromJson(nlohmann::json(), "empty").value();
  }();
  return *kBase;
}

bool AnyOf(const std::vector<std::string_view>& words, std::string_view f,
           bool (*test)(std::string_view, std::string_view)) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return test(f, w); });
}

}  // namespace

const Vocabulary& ActiveVocabulary() { return active != nullptr ? *active : BuiltinBase(); }

const Vocabulary& BaseVocabulary(const std::vector<Profile>& profiles) {
  const Profile* generic = FindProfile(profiles, "generic");
  return generic != nullptr && generic->vocabulary ? *generic->vocabulary : BuiltinBase();
}

VocabularyScope::VocabularyScope(const Vocabulary& vocabulary) : previous_(active) { active = &vocabulary; }

VocabularyScope::~VocabularyScope() { active = previous_; }

const std::vector<std::string_view>& Words(std::string_view path) { return ActiveVocabulary().Words(path); }

const std::vector<std::pair<std::string_view, std::string_view>>& WordMap(std::string_view path) {
  return ActiveVocabulary().Map(path);
}

std::string CorrectConfusions(std::string_view text) { return ActiveVocabulary().Correct(text); }

std::u32string CorrectConfusions(std::u32string text) { return ActiveVocabulary().Correct(std::move(text)); }

bool MatchesRole(std::string_view f, std::string_view path) {
  const std::string base(path);
  auto equals = [](std::string_view s, std::string_view w) { return s == w; };
  return AnyOf(Words(base + ".contains"), f, Contains) || AnyOf(Words(base + ".starts_with"), f, StartsWith) ||
         AnyOf(Words(base + ".equals"), f, equals);
}

}  // namespace jixiao::form
