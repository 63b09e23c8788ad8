// Collector: the flags score/ raises for one report, each once.
//
// Rules add flags made by FlagBuilder (model/flag_builder.h); an exact
// duplicate (same code, path and severity, as when two rules reach the same
// figure) is dropped, and the first one added is kept. Internal to score/.
#pragma once

#include <string>
#include <vector>

#include "model/flag_builder.h"

namespace jixiao::score {

class Collector {
 public:
  void Add(const FlagBuilder& builder);
  void Add(Flag flag);
  const std::vector<Flag>& flags() const { return flags_; }
  std::vector<Flag> Take() { return std::move(flags_); }
  // Whether a flag with `code` was added at `path` (at any path when empty).
  bool Has(FlagCode code, const std::string& path) const;

 private:
  std::vector<Flag> flags_;
};

}  // namespace jixiao::score
