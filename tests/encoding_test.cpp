// The dev corpus' converter text files re-encoded as GB18030 and UTF-16
// (LE and BE, with and without a byte-order mark) give the same documents
// as the UTF-8 originals, byte for byte, except `source` (path, sha256 and
// the encoding read). Skips when ../shared/corpus-dev2 is absent.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <nlohmann/json.hpp>

#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

const char* kCorpus = JIXIAO_SHARED_DIR "/corpus-dev2";

std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  EXPECT_TRUE(U_SUCCESS(status)) << encoding;
  out.resize(static_cast<size_t>(std::max(0, n)));
  return out;
}

struct Variant {
  const char* name;
  const char* encoding;
  const char* bom;
};

// The JSON of `doc` without its source, and the encoding the source names.
std::string WithoutSource(const fs::path& json_path, std::string* encoding) {
  nlohmann::json j = nlohmann::json::parse(ReadFile(json_path), nullptr, false);
  if (j.is_discarded() || !j.contains("source")) return "";
  *encoding = j["source"].value("encoding", "");
  j.erase("source");
  return j.dump();
}

TEST(EncodingTest, CorpusTextReencodedGivesTheSameDocuments) {
  if (!fs::is_directory(kCorpus)) GTEST_SKIP() << "../shared/corpus-dev2 not present";
  const Variant variants[] = {{"utf8", "UTF-8", ""},
                              {"gb18030", "GB18030", ""},
                              {"utf16le", "UTF-16LE", ""},
                              {"utf16le-bom", "UTF-16LE", "\xff\xfe"},
                              {"utf16be", "UTF-16BE", ""},
                              {"utf16be-bom", "UTF-16BE", "\xfe\xff"}};
  const fs::path dir = ScratchDir("encodings");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.path().extension() == ".txt") names.push_back(entry.path().filename().string());
  ASSERT_FALSE(names.empty());
  for (const Variant& v : variants) {
    fs::create_directories(dir / v.name / "in");
    for (const std::string& name : names) {
      const std::string utf8 = ReadFile(fs::path(kCorpus) / name);
      const std::string bytes = std::string(v.encoding) == "UTF-8" ? utf8 : v.bom + Encode(utf8, v.encoding);
      std::ofstream(dir / v.name / "in" / name, std::ios::binary) << bytes;
    }
    const CommandResult r = RunJixiao("run " + Quote((dir / v.name / "in").string()) + " -o " +
                                      Quote((dir / v.name / "out").string()) + " -q -j 2");
    EXPECT_NE(r.exit_code, 2) << v.name << ": " << r.err;
  }
  for (const std::string& name : names) {
    const std::string stem = fs::path(name).stem().string() + ".json";
    std::string original_encoding;
    const std::string original = WithoutSource(dir / "utf8" / "out" / stem, &original_encoding);
    if (original.empty()) continue;  // the original itself is not a report
    EXPECT_EQ(original_encoding, "UTF-8");
    for (const Variant& v : variants) {
      std::string encoding;
      // Not EXPECT_EQ: a whole document in the failure message helps no one.
      EXPECT_TRUE(WithoutSource(dir / v.name / "out" / stem, &encoding) == original)
          << name << " as " << v.name << " differs from the UTF-8 original";
      EXPECT_EQ(encoding, v.encoding) << name << " as " << v.name;
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::testing
