// GitHub workflow commands and SARIF from diagnostics.
#include "compiler/diagnostics/ci_formats.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace clawgate {
namespace {

TEST(CiFormats, GithubCommandsEscapeTheirData) {
  const std::vector<Diagnostic> diagnostics = {
      {Severity::kError, DiagnosticCode::kOpenInterpreter, "100% open, see: x", {"policies/a,b.yaml", 4, 11}, {"n"}},
      {Severity::kWarning, DiagnosticCode::kNoCodeowner, "no owner", {"policies/clawgate.yaml", 0, 0}, {}},
  };
  EXPECT_EQ(RenderGithub(diagnostics),
            "::error file=policies/a%2Cb.yaml,line=4,col=11,title=CG310::100%25 open, see: x%0Anote: n [CG310]\n"
            "::warning file=policies/clawgate.yaml,title=CG303::no owner [CG303]\n");
}

TEST(CiFormats, SarifCountsColumnsInUtf16UnitsAndNamesEveryRule) {
  // "é" is two bytes and one UTF-16 unit; "😀" four bytes and two units.
  const SourceTexts texts = {{"f.yaml", "why: é😀 x\n"}};
  const std::vector<Diagnostic> diagnostics = {
      {Severity::kWarning, DiagnosticCode::kEmptyWhy, "x", {"f.yaml", 1, 12}, {}},
      {Severity::kWarning, DiagnosticCode::kNoCodeowner, "whole file", {"g.yaml", 0, 0}, {}},
  };
  const auto log = nlohmann::json::parse(RenderSarif(diagnostics, texts));
  EXPECT_EQ(log["version"], "2.1.0");
  const auto& run = log["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"].size(), CodeTable().size());
  const auto& first = run["results"][0];
  EXPECT_EQ(first["ruleId"], "CG301");
  EXPECT_EQ(run["tool"]["driver"]["rules"][first["ruleIndex"].get<size_t>()]["id"], "CG301");
  EXPECT_EQ(first["locations"][0]["physicalLocation"]["region"]["startColumn"], 9);
  EXPECT_EQ(run["results"][1]["locations"][0]["physicalLocation"]["region"], nlohmann::json({{"startLine", 1}}));
}

}  // namespace
}  // namespace clawgate
