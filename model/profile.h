// Template profiles: form templates and their scoring rules, as data.
//
// A profile is one JSON file in profiles/ (compiled into the binary; a
// directory given at run time overrides them). Each has a unique "name"
// (the Report's `template`), a "detect" section read by form/ (which labels
// identify the template, where weights come from) and a "scoring" section
// read by score/ (budget weight, rounding conventions, qualitative tiers,
// tolerances, which checks apply) and a "vocabulary" section read by form/
// (the words the template prints, model/vocabulary.h). Each library
// validates its own section; this loader checks that the file is JSON with
// a name, resolves `extends` and builds the vocabulary.
//
// `extends`: "extends": "generic" makes a profile the named parent profile
// with the child's own keys laid over it (JSON merge patch, RFC 7386:
// objects merge key by key, any other value replaces the parent's, null
// removes it), so a new template is a small file that states only what
// differs. A key written "key+" appends its list to the parent's list
// ("units+": ["公里"] adds a unit). name, description, priority and extends
// itself are never inherited. A missing parent or a cycle is an error.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/status.h"
#include "model/vocabulary.h"

namespace jixiao {

struct Profile {
  std::string name;
  std::string description;
  nlohmann::json detect;     // object; form/ reads it
  nlohmann::json scoring;    // object; score/ reads it
  std::string extends = {};  // the parent's name, or empty
  // Null only in a Profile built by hand; the loaders always set it.
  std::shared_ptr<const Vocabulary> vocabulary = nullptr;
};

// The profiles compiled into the binary (from profiles/*.json), sorted by
// their "priority" key (higher first), then name.
const std::vector<Profile>& BuiltinProfiles();

// Profiles from every *.json file in `dir`, in the same order.
Result<std::vector<Profile>> LoadProfiles(const std::string& dir);

// Parses one profile from JSON text; `origin` names it in error messages.
// `extends` is recorded, not resolved: the vocabulary is the file's own.
Result<Profile> ParseProfile(const std::string& json_text, const std::string& origin);

// A set of profiles from (JSON text, origin) pairs: each parsed, `extends`
// resolved against the others of the set, sorted as BuiltinProfiles().
// A parse error, an unknown parent or a cycle is an error naming the file.
Result<std::vector<Profile>> ParseProfiles(const std::vector<std::pair<std::string, std::string>>& texts);

// The profile called `name`, or nullptr.
const Profile* FindProfile(const std::vector<Profile>& profiles, const std::string& name);

}  // namespace jixiao
