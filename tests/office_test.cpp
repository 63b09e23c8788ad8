// Word and Excel inputs end to end: a folder walk picks them up, and each
// bad Office file (ZIP bomb, corrupt, encrypted, legacy binary) fails alone
// with one line naming it while the other inputs are still written.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "extract/office_test_files.h"
#include "tests/cli_runner.h"

namespace jixiao::testing {
namespace {

namespace fs = std::filesystem;

// The stderr lines that name `path`.
std::vector<std::string> LinesNaming(const std::string& err, const fs::path& path) {
  std::vector<std::string> out;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.find(path.string() + ":") != std::string::npos) out.push_back(line);
  return out;
}

TEST(OfficeBatchTest, EachBadOfficeFileFailsAloneWithOneLine) {
  const fs::path dir = ScratchDir("office");
  const fs::path in = dir / "in";
  fs::create_directories(in);
  fs::copy_file(fs::path(JIXIAO_SOURCE_DIR) / "samples" / "zengdu-2020-group-weights.txt", in / "good.txt");
  const std::string zeros(100 << 20, '\0');
  std::ofstream(in / "bomb.docx", std::ios::binary) << MakeZip({{"word/document.xml", zeros}});
  const std::string docx = DocxWithBody("<w:p><w:r><w:t>项目名称</w:t></w:r></w:p>");
  std::ofstream(in / "corrupt.xlsx", std::ios::binary) << docx.substr(0, docx.size() / 2);
  std::ofstream(in / "locked.docx", std::ios::binary)
      << MakeZip({{"word/document.xml", "<w:document/>"}}, "secret");
  std::ofstream(in / "old.doc", std::ios::binary)
      << std::string("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) + std::string(1024, '\0');

  const CommandResult r = RunJixiao("run " + Quote(in.string()) + " " + Quote((in / "old.doc").string()) + " -o " +
                                    Quote((dir / "out").string()) + " -q");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  const std::vector<std::pair<std::string, std::string>> expected = {{"bomb.docx", "ZIP bomb"},
                                                                     {"corrupt.xlsx", "corrupt Office file"},
                                                                     {"locked.docx", "encrypted"},
                                                                     {"old.doc", "soffice --headless --convert-to docx"}};
  for (const auto& [name, reason] : expected) {
    // The folder walk also notes the legacy file it leaves out; the error
    // line is the one given for the file named on the command line.
    std::vector<std::string> lines;
    for (const std::string& line : LinesNaming(r.err, in / name))
      if (line.find("notice:") == std::string::npos) lines.push_back(line);
    ASSERT_EQ(lines.size(), 1u) << name << "\n" << r.err;
    EXPECT_NE(lines[0].find(reason), std::string::npos) << lines[0];
    EXPECT_FALSE(fs::exists(dir / "out" / (fs::path(name).stem().string() + ".json"))) << name;
  }
  EXPECT_TRUE(fs::exists(dir / "out" / "good.json")) << r.err;
  fs::remove_all(dir);
}

TEST(OfficeBatchTest, CorpusWordAndExcelFilesAreWalkedAndKeepTheirRefs) {
  const fs::path corpus = fs::path(JIXIAO_SHARED_DIR) / "corpus-dev2";
  if (!fs::exists(corpus / "jx2_001.docx")) GTEST_SKIP() << "../shared/corpus-dev2 not present";
  const fs::path dir = ScratchDir("office-walk");
  fs::create_directories(dir / "in");
  fs::copy_file(corpus / "jx2_001.docx", dir / "in" / "a.docx");
  fs::copy_file(corpus / "jx2_001.xlsx", dir / "in" / "b.xlsx");
  const CommandResult r = RunJixiao("run " + Quote((dir / "in").string()) + " -o " + Quote((dir / "out").string()) + " -q");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* name : {"a.json", "b.json"}) {
    const nlohmann::json doc = nlohmann::json::parse(ReadFile(dir / "out" / name), nullptr, false);
    ASSERT_TRUE(doc.is_object()) << name;
    ASSERT_FALSE(doc["reports"].empty()) << name;
    const nlohmann::json& ind = doc["reports"][0]["indicators"][0];
    ASSERT_TRUE(ind["provenance"].contains("ref")) << name;
    const std::string ref = ind["provenance"]["ref"];
    EXPECT_EQ(ref.rfind(std::string(name) == "a.json" ? "t" : "Sheet1!", 0), 0u) << ref;
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace jixiao::testing
