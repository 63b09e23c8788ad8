#include "form/profile_detect.h"

#include "form/form_text.h"
#include "form/vocabulary_scope.h"

namespace jixiao::form {

namespace {

// Reads a list of cues; false when the key holds something else.
bool CueList(const nlohmann::json& detect, const char* key, std::vector<std::string>& out) {
  auto it = detect.find(key);
  if (it == detect.end() || it->is_null()) return true;
  if (!it->is_array()) return false;
  for (const nlohmann::json& cue : *it) {
    if (!cue.is_string()) return false;
    out.push_back(cue.get<std::string>());
  }
  return true;
}

// A text matches as printed or as meant: the vocabulary's confusion table
// corrects OCR misreadings (产出指标《40分) for （40分）) as every label
// reader does.
bool AnyTextMatches(const DetectInput& input, const std::string& cue) {
  for (const std::string& text : input.folded_texts)
    if (MatchCue(text, cue) || MatchCue(CorrectConfusions(text), cue)) return true;
  return false;
}

}  // namespace

bool DetectMatches(const Profile& profile, const DetectInput& input) {
  const nlohmann::json& detect = profile.detect;
  if (!detect.is_object()) return false;
  std::string source = "table";
  if (auto it = detect.find("source"); it != detect.end()) {
    if (!it->is_string()) return false;
    source = it->get<std::string>();
  }
  if (source == "table" && !input.has_table) return false;
  if (source == "narrative" && input.has_table) return false;
  if (source != "table" && source != "narrative") return false;
  std::vector<std::string> all_of, any_of, none_of;
  if (!CueList(detect, "all_of", all_of) || !CueList(detect, "any_of", any_of) ||
      !CueList(detect, "none_of", none_of)) {
    return false;
  }
  for (const std::string& cue : all_of)
    if (!AnyTextMatches(input, cue)) return false;
  if (!any_of.empty()) {
    bool any = false;
    for (const std::string& cue : any_of) any = any || AnyTextMatches(input, cue);
    if (!any) return false;
  }
  for (const std::string& cue : none_of)
    if (AnyTextMatches(input, cue)) return false;
  return true;
}

const Profile* DetectProfile(const std::vector<Profile>& profiles, const DetectInput& input) {
  for (const Profile& p : profiles)
    if (DetectMatches(p, input)) return &p;
  return nullptr;
}

}  // namespace jixiao::form
