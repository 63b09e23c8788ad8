// Small readers for nlohmann::json that never throw: each returns a default
// when the key is missing or null. A member holding a value of another type
// (a string where a number belongs, as a hand edit may leave) is also read as
// missing, and, while a TypeCheck is active on the thread, noted there, so
// that the document reader can refuse the document naming the member's JSON
// Pointer instead of silently reading null. Internal to emit/.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace jixiao::json_read {

// Notes the first member of a wrong type met by the readers below on this
// thread while it is alive. Not nestable across threads; one per read.
class TypeCheck {
 public:
  TypeCheck() : outer_(current_) { current_ = this; }
  ~TypeCheck() { current_ = outer_; }
  TypeCheck(const TypeCheck&) = delete;
  TypeCheck& operator=(const TypeCheck&) = delete;

  static void Note(const nlohmann::json* member, const char* expected) {
    if (current_ != nullptr && current_->member_ == nullptr) {
      current_->member_ = member;
      current_->expected_ = expected;
    }
  }

  bool failed() const { return member_ != nullptr; }

  // "/reports/0/total/declared: expected a number, found string \"82\"",
  // the pointer found by searching `root`, which the noted member is in.
  std::string Describe(const nlohmann::json& root) const {
    std::string pointer;
    if (!PointerTo(root, member_, pointer)) pointer = "(unknown)";
    std::string found = member_->type_name();
    if (member_->is_string() || member_->is_number() || member_->is_boolean())
      found += " " + member_->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return (pointer.empty() ? "/" : pointer) + ": expected " + expected_ + ", found " + found;
  }

 private:
  // RFC 6901: "~" is "~0", "/" is "~1".
  static std::string Escape(const std::string& key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
  }

  static bool PointerTo(const nlohmann::json& node, const nlohmann::json* target, std::string& pointer) {
    if (&node == target) return true;
    if (!node.is_structured()) return false;
    const size_t length = pointer.size();
    if (node.is_array()) {
      for (size_t i = 0; i < node.size(); ++i) {
        pointer += "/" + std::to_string(i);
        if (PointerTo(node[i], target, pointer)) return true;
        pointer.resize(length);
      }
      return false;
    }
    for (auto it = node.begin(); it != node.end(); ++it) {
      pointer += "/" + Escape(it.key());
      if (PointerTo(it.value(), target, pointer)) return true;
      pointer.resize(length);
    }
    return false;
  }

  static inline thread_local TypeCheck* current_ = nullptr;
  TypeCheck* outer_;
  const nlohmann::json* member_ = nullptr;
  const char* expected_ = "";
};

inline const nlohmann::json* Member(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return nullptr;
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

inline std::string String(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && !m->is_string()) TypeCheck::Note(m, "a string");
  return m && m->is_string() ? m->get<std::string>() : std::string();
}

inline std::optional<std::string> OptString(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && m->is_string()) return m->get<std::string>();
  if (m) TypeCheck::Note(m, "a string");
  return std::nullopt;
}

inline std::optional<double> Number(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && m->is_number()) return m->get<double>();
  if (m) TypeCheck::Note(m, "a number");
  return std::nullopt;
}

// The member `key` as an int when it is a number within int's range; a
// member of another type or out of range is noted and read as missing.
inline std::optional<int> OptInt(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (!m) return std::nullopt;
  const double x = m->is_number() ? m->get<double>() : 0;
  if (!m->is_number() || !(x >= -2147483648.0 && x <= 2147483647.0)) {
    TypeCheck::Note(m, "an integer");
    return std::nullopt;
  }
  return static_cast<int>(x);
}

inline int Int(const nlohmann::json& j, const char* key, int fallback = 0) {
  return OptInt(j, key).value_or(fallback);
}

// The member `key` when it is an object; a member of another type is noted.
inline const nlohmann::json* Object(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && !m->is_object()) {
    TypeCheck::Note(m, "an object");
    return nullptr;
  }
  return m;
}

// The member `key` when it is an array; a member of another type is noted.
inline const nlohmann::json* Array(const nlohmann::json& j, const char* key) {
  const nlohmann::json* m = Member(j, key);
  if (m && !m->is_array()) {
    TypeCheck::Note(m, "an array");
    return nullptr;
  }
  return m;
}

}  // namespace jixiao::json_read
