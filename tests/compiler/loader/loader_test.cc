#include "compiler/loader/loader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "runtime/base/timestamp.h"

namespace clawgate {
namespace {

PolicySources Load(std::map<std::string, std::string> files, DiagnosticSink& sink) {
  files.emplace("clawgate.yaml", "clawgate: 1\nregions: [hk]\n");
  const auto reader = MakeMemoryReader(std::move(files));
  auto sources = LoadPolicySources(*reader, sink);
  EXPECT_TRUE(sources);
  return sources.value_or(PolicySources{});
}

TEST(YamlLoader, RulePositionsFollowQuotingStyles) {
  DiagnosticSink sink;
  const PolicySources sources = Load({{"layers/a.yaml",
                                       "layer: a\nowner: \"@o\"\nentries:\n"
                                       "  - rule: /bin/x {a\n    why: plain\n"
                                       "  - rule: '/bin/x it''s {a'\n    why: single\n"
                                       "  - rule: \"/bin/\\x78 {a\"\n    why: double\n"
                                       "  - rule: >-\n      /bin/x {a\n    why: folded\n"}},
                                     sink);
  ASSERT_FALSE(sink.HasErrors());
  ASSERT_EQ(sources.layers.size(), 1u);
  const auto& entries = sources.layers[0].entries;
  ASSERT_EQ(entries.size(), 4u);
  // The '{' of each rule.
  EXPECT_EQ(entries[0].rule.At(7), (SourceLocation{"policies/layers/a.yaml", 4, 18}));
  EXPECT_EQ(entries[1].rule.At(entries[1].rule.text.find('{')), (SourceLocation{"policies/layers/a.yaml", 6, 25}));
  EXPECT_EQ(entries[2].rule.text, "/bin/x {a");
  EXPECT_EQ(entries[2].rule.At(7), (SourceLocation{"policies/layers/a.yaml", 8, 22}));
  EXPECT_EQ(entries[3].rule.At(7), (SourceLocation{"policies/layers/a.yaml", 11, 14}));
}

std::vector<std::string> CodesOf(const DiagnosticSink& sink) {
  std::vector<std::string> codes;
  for (const auto& d : sink.Sorted()) {
    codes.push_back(std::string(CodeName(d.code)) + "@" + std::to_string(d.location.line) + ":" +
                    std::to_string(d.location.column));
  }
  return codes;
}

// What a load with a cache of parsed files gives, as text: every layer's
// entries with their places, and every diagnostic.
std::string Summary(const std::map<std::string, std::string>& files, YamlCache* cache) {
  const auto reader = MakeMemoryReader(files);
  DiagnosticSink sink;
  const auto sources = LoadPolicySources(*reader, sink, cache);
  std::string out;
  for (const LayerSource& layer : sources->layers) {
    for (const EntrySource& entry : layer.entries) {
      const SourceLocation at = entry.rule.At(0);
      out += layer.name.value + " " + entry.rule.text + " @" + at.file + ":" + std::to_string(at.line) + ":" +
             std::to_string(at.column) + " why " + entry.why.value + "\n";
    }
  }
  for (const std::string& code : CodesOf(sink)) out += code + "\n";
  return out;
}

// Trees of one history loaded in turn through one cache: a file whose text
// changed at the same path, the same text under another name, a text that no
// longer parses and one that parses again all read as a fresh load reads them.
TEST(YamlLoader, ACacheOfParsedFilesGivesWhatAFreshLoadGives) {
  const std::string project = "clawgate: 1\nregions: [hk]\n";
  const auto layer = [](const std::string& name, const std::string& rule) {
    return "layer: " + name + "\nowner: \"@o\"\nentries:\n  - rule: " + rule + "\n    why: needed for " + name + "\n";
  };
  const std::vector<std::map<std::string, std::string>> trees = {
      {{"clawgate.yaml", project}, {"layers/a.yaml", layer("a", "/bin/x")}, {"layers/b.yaml", layer("b", "/bin/y")}},
      {{"clawgate.yaml", project}, {"layers/a.yaml", layer("a", "/bin/z")}, {"layers/b.yaml", layer("b", "/bin/y")}},
      {{"clawgate.yaml", project},
       {"layers/a.yaml", "\n\n" + layer("a", "/bin/z")},
       {"layers/b.yaml", layer("b", "/bin/y") + "  - rule: [\n"}},
      {{"clawgate.yaml", project}, {"layers/a.yaml", layer("a", "/bin/x")}, {"layers/b.yaml", layer("b", "/bin/y")}},
      {{"clawgate.yaml", project},
       {"tests/one.yaml", "tests: []\n"},
       {"tests/two.yaml", "tests: []\n"},
       {"layers/b.yaml", layer("b", "/bin/y")}},
  };
  YamlCache cache;
  for (size_t i = 0; i < trees.size(); ++i) {
    const std::string fresh = Summary(trees[i], nullptr);
    EXPECT_EQ(Summary(trees[i], &cache), fresh) << "tree " << i;
    EXPECT_EQ(Summary(trees[i], &cache), fresh) << "tree " << i << " again";
  }
  EXPECT_NE(Summary(trees[1], nullptr).find("a /bin/z @policies/layers/a.yaml:4:11"), std::string::npos)
      << Summary(trees[1], nullptr);
  EXPECT_NE(Summary(trees[2], nullptr).find("CG"), std::string::npos);  // b.yaml no longer parses
}

TEST(YamlLoader, ReportsEveryIndependentProblem) {
  DiagnosticSink sink;
  Load({{"environments/prod.yaml",
         "environment: prod\nrevision: \"7\"\nunattended: yes\nstate_dir: ~/.x\nstate_dir: ~/.y\n"
         "defaults: {askFalback: deny}\nagents: {main: {security: allowlsit}}\n"}},
       sink);
  const auto diagnostics = sink.Sorted();
  std::vector<std::string> codes;
  for (const auto& d : diagnostics)
    codes.push_back(std::string(CodeName(d.code)) + "@" + std::to_string(d.location.line));
  EXPECT_EQ(codes, (std::vector<std::string>{"CG005@2", "CG005@3", "CG004@5", "CG003@6", "CG008@7"}));
  EXPECT_EQ(diagnostics[3].notes, std::vector<std::string>{"did you mean 'askFallback'?"});
  EXPECT_EQ(diagnostics[4].notes, std::vector<std::string>{"did you mean 'allowlist'?"});
}

TEST(SourceText, RefusesWhatReviewersCannotSee) {
  const std::string layer = "layer: a\nowner: \"@o\"\nentries:\n  - rule: /bin/x\n    why: ";
  const struct {
    std::string text;
    std::string code;
  } cases[] = {
      {"\xEF\xBB\xBF" + layer + "bom\n", "CG025@1:1"},
      {std::string("\xFF\xFE", 2) + std::string("l\0a\0", 4), "CG025@1:1"},
      {layer + "bad \xC3\x28 utf8\n", "CG025@5:14"},
      {layer + "over\xC0\xAFlong\n", "CG025@5:14"},
      {layer + "nul " + std::string(1, '\0') + "\n", "CG026@5:14"},
      {layer + "bell \a\n", "CG026@5:15"},
      {layer + "c1 \xC2\x85\n", "CG026@5:13"},
      {"layer: a\nowner: \"@o\"\nentries:\n  - rule: /bin/x \xE2\x80\xAE{a,b}\n    why: rlo\n", "CG027@4:18"},
      {layer + "isolate \xE2\x81\xA6x\xE2\x81\xA9\n", "CG027@5:18"},
  };
  for (const auto& c : cases) {
    DiagnosticSink sink;
    const PolicySources sources = Load({{"layers/a.yaml", c.text}}, sink);
    EXPECT_EQ(CodesOf(sink), std::vector<std::string>{c.code}) << c.text;
    EXPECT_EQ(sources.texts.count("policies/layers/a.yaml"), 0u) << "a refused file is never echoed";
    EXPECT_TRUE(sources.layers.empty());
  }
  DiagnosticSink sink;
  Load({{"layers/a.yaml", layer + "tabs\tand CRLF are fine \xC3\xA9\r\n"}}, sink);
  EXPECT_FALSE(sink.HasErrors());
}

TEST(SourceText, LimitsTheSizeOfEverySourceFile) {
  DiagnosticSink sink;
  Load({{"layers/a.yaml", "layer: a\n#" + std::string(kSourceFileLimit, 'x') + "\n"}}, sink);
  EXPECT_EQ(CodesOf(sink), std::vector<std::string>{"CG028@0:0"});
}

TEST(YamlLoader, RevisionsStayWithinWhatAManifestCarriesExactly) {
  DiagnosticSink sink;
  Load({{"environments/prod.yaml", "environment: prod\nrevision: 9007199254740992\nstate_dir: ~/.x\n"}}, sink);
  const auto codes = CodesOf(sink);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "CG022@2:11"), codes.end());
  DiagnosticSink ok;
  Load({{"environments/prod.yaml", "environment: prod\nrevision: 9007199254740991\nstate_dir: ~/.x\n"}}, ok);
  const auto fine = CodesOf(ok);
  EXPECT_EQ(std::find(fine.begin(), fine.end(), "CG022@2:11"), fine.end());
}

TEST(YamlLoader, NotAPolicyFolder) {
  DiagnosticSink sink;
  const auto reader = MakeMemoryReader({{"layers/a.yaml", "layer: a\n"}});
  EXPECT_FALSE(LoadPolicySources(*reader, sink));
}

TEST(Timestamps, StrictUtcOnly) {
  EXPECT_EQ(ParseUtcTimestamp("1970-01-01T00:00:00Z"), std::optional<int64_t>(0));
  EXPECT_EQ(ParseUtcTimestamp("2026-11-23T09:00:00Z"), std::optional<int64_t>(1795424400));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-23T09:00:00+00:00"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-23 09:00:00Z"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-11-23T24:00:00Z"));
  EXPECT_EQ(FormatUtcTimestamp(1795424400), "2026-11-23T09:00:00Z");
}

}  // namespace
}  // namespace clawgate
