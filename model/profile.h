// Template profiles: form templates and their scoring rules, as data.
//
// A profile is one JSON file in profiles/ (compiled into the binary; a
// directory given at run time overrides them). Each has a unique "name"
// (the Report's `template`), a "detect" section read by form/ (which labels
// identify the template, where weights come from) and a "scoring" section
// read by score/ (budget weight, rounding conventions, qualitative tiers,
// tolerances, which checks apply). Each library validates its own section;
// this loader only checks that the file is JSON with a name.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/status.h"

namespace jixiao {

struct Profile {
  std::string name;
  std::string description;
  nlohmann::json detect;     // object; form/ reads it
  nlohmann::json scoring;    // object; score/ reads it
};

// The profiles compiled into the binary (from profiles/*.json), sorted by
// their "priority" key (higher first), then name.
const std::vector<Profile>& BuiltinProfiles();

// Profiles from every *.json file in `dir`, in the same order.
Result<std::vector<Profile>> LoadProfiles(const std::string& dir);

// Parses one profile from JSON text; `origin` names it in error messages.
Result<Profile> ParseProfile(const std::string& json_text, const std::string& origin);

// The profile called `name`, or nullptr.
const Profile* FindProfile(const std::vector<Profile>& profiles, const std::string& name);

}  // namespace jixiao
