// Template detection from the profiles' "detect" sections (data, not code).
//
// A detect section reads:
//   "detect": {
//     "source": "table",            // "table": the report has a scoring table;
//                                   // "narrative": it has none (prose only)
//     "all_of":  ["三级指标", "分值"], // every cue matches some text of the report
//     "any_of":  ["指标(#分)"],       // at least one matches (when given)
//     "none_of": ["年度绩效目标#"]     // none matches
//   }
// Cues are compared with folded text (form_text.h): '#' stands for a number,
// '*' for any text. For a table the texts are its cells and the lines
// printed around it (title, header line); for a narrative, its paragraphs.
// Profiles are tried in the order given (BuiltinProfiles() sorts them by
// priority); the first that matches names the template. A section that is
// not an object, or a cue list that is not a list of strings, never
// matches: a broken profile cannot capture every report.
#pragma once

#include <string>
#include <vector>

#include "model/profile.h"

namespace jixiao::form {

struct DetectInput {
  bool has_table = false;
  std::vector<std::string> folded_texts;  // Fold()ed cell / line / paragraph texts
};

// The first matching profile, or nullptr.
const Profile* DetectProfile(const std::vector<Profile>& profiles, const DetectInput& input);

// Whether one profile's detect section matches.
bool DetectMatches(const Profile& profile, const DetectInput& input);

}  // namespace jixiao::form
