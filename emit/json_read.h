// Small, total readers for nlohmann::json: each returns a default when the
// key is missing or of another type, so a hand-edited document never throws.
// Internal to emit/.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jixiao::json_read {

inline const nlohmann::json* Member(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

inline std::string String(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  return m && m->is_string() ? m->get<std::string>() : std::string();
}

inline std::optional<std::string> OptString(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && m->is_string()) return m->get<std::string>();
  return std::nullopt;
}

inline std::optional<double> Number(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && m->is_number()) return m->get<double>();
  return std::nullopt;
}

inline int Int(const nlohmann::json& j, const char* key, int fallback = 0) {
  const nlohmann::json* m = Member(j, key);
  return m && m->is_number() ? static_cast<int>(m->get<double>()) : fallback;
}

}  // namespace jixiao::json_read
