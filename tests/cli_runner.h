// Runs the built `jixiao` binary in end-to-end tests and captures its exit
// status, stdout and stderr. Paths come from compile definitions.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace jixiao::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// A fresh, empty scratch directory for one test.
inline std::filesystem::path ScratchDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() /
             ("jixiao-e2e-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// `args` is appended to the binary's path as shell words (already quoted).
inline CommandResult RunJixiao(const std::string& args, const std::string& stdin_text = "") {
  auto dir = ScratchDir("cmd");
  auto in = dir / "stdin", out = dir / "stdout", err = dir / "stderr";
  std::ofstream(in, std::ios::binary) << stdin_text;
  std::string cmd = Quote(JIXIAO_BINARY) + " " + args + " <" + Quote(in.string()) + " >" +
                    Quote(out.string()) + " 2>" + Quote(err.string());
  int status = std::system(cmd.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  std::filesystem::remove_all(dir);
  return r;
}

inline bool SharedPresent() { return std::filesystem::is_directory(JIXIAO_SHARED_DIR "/seeds"); }

}  // namespace jixiao::testing
