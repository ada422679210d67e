// The code table is the one source of diagnostic codes: docs/diagnostics.md
// lists exactly its rows, and every code is distinct and well formed.
#include "compiler/diagnostics/codes.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "tests/support/files.h"

namespace clawgate {
namespace {

TEST(CodeTable, CodesAreDistinctAndWellFormed) {
  std::set<std::string> names;
  for (const CodeInfo& info : CodeTable()) {
    EXPECT_TRUE(std::regex_match(std::string(info.name), std::regex("CG[0-9]{3}"))) << info.name;
    EXPECT_TRUE(names.insert(std::string(info.name)).second) << info.name;
    EXPECT_EQ(ParseCodeName(info.name), info.code);
    EXPECT_EQ(&InfoOf(info.code), &info);
    EXPECT_FALSE(info.summary.empty());
  }
}

TEST(CodeTable, DocsListExactlyTheTable) {
  const std::string doc = testing_support::ReadFile(std::string(CLAWGATE_SOURCE_DIR) + "/docs/diagnostics.md");
  std::vector<std::string> rows;
  std::istringstream lines(doc);
  const std::regex row(R"(^\| (CG[0-9]{3}) \| (error|warning) \| (.*) \|$)");
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, row)) rows.push_back(m[1].str() + "|" + m[2].str() + "|" + m[3].str());
  }
  std::vector<std::string> expected;
  for (const CodeInfo& info : CodeTable()) {
    expected.push_back(std::string(info.name) + "|" + std::string(ToString(info.severity)) + "|" +
                       std::string(info.summary));
  }
  EXPECT_EQ(rows, expected);
}

}  // namespace
}  // namespace clawgate
