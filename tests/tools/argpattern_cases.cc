// argpattern_cases: prints JSON lines {rule, argPattern, args, expected}, one
// per (rule, argv) pair of a built-in table, where `expected` is what the
// argv pattern means (rule::MatchesArgv). tests/conformance/argpattern.mjs
// asks the real OpenClaw matcher the same questions.
#include <iostream>
#include <nlohmann/json.hpp>

#include "compiler/rule/rule.h"
#include "compiler/sema/arg_pattern.h"

int main() {
  const std::vector<std::string> rules = {
      "/usr/bin/x status",
      "/usr/bin/x status --short",
      "/usr/bin/x {status,diff,log} **",
      "/usr/bin/x {status,diff} *",
      "/usr/bin/x *",
      "/usr/bin/x * *",
      "/usr/bin/x ** *",
      "/usr/bin/x * **",
      "/usr/bin/x ** last",
      "/usr/bin/x first ** last",
      "/usr/bin/x --format=*",
      "/usr/bin/x -n ?",
      "/usr/bin/x a?c",
      "/usr/bin/x 'a b'",
      "/usr/bin/x \"a\\\"b\"",
      "/usr/bin/x ''",
      "/usr/bin/x '' **",
      "/usr/bin/x '.*'",
      "/usr/bin/x 'a|b' '(x)' '[y]' '{z}' '^$' '\\d'",
      "/usr/bin/x {'a b',c,''}",
      "/usr/bin/x é ü?",
      "/usr/bin/x ?",
      "/usr/bin/x **/*.txt",
      "/usr/bin/x -fsS --max-time 5 http://127.0.0.1:*/healthz",
      "/usr/bin/x ** recovery@bastion.example.internal:/srv/**",
      "/usr/bin/x {install,upgrade} {node@24,python@3.12}",
      "/usr/bin/x a** b",
      "/usr/bin/x *=*",
  };
  const std::vector<std::vector<std::string>> argvs = {
      {},
      {""},
      {"", ""},
      {"status"},
      {"status", "--short"},
      {"status", "--long"},
      {"diff"},
      {"diff", "x"},
      {"log", "-5", "--oneline"},
      {"push"},
      {"Status"},
      {"status "},
      {" status"},
      {"status\t"},
      {"first", "last"},
      {"first", "a", "b", "last"},
      {"last"},
      {"first"},
      {"--format=json"},
      {"--format="},
      {"--format"},
      {"-n", "5"},
      {"-n", "55"},
      {"-n", ""},
      {"abc"},
      {"ac"},
      {"a/c"},
      {"a\xc3\xa9"
       "c"},
      {"a\xf0\x9f\x98\x80"
       "c"},
      {"a b"},
      {"a", "b"},
      {"a\"b"},
      {".*"},
      {"xx"},
      {"a|b", "(x)", "[y]", "{z}", "^$", "\\d"},
      {"c"},
      {"\xc3\xa9",
       "\xc3\xbc"
       "x"},
      {"\xc3\xa9", "\xc3\xbc"},
      {"?"},
      {"x"},
      {"dir/sub/file.txt"},
      {"file.txt"},
      {"-fsS", "--max-time", "5", "http://127.0.0.1:18789/healthz"},
      {"-fsS", "--max-time", "5", "http://127.0.0.1:1/x/healthz"},
      {"-r", "build.tgz", "recovery@bastion.example.internal:/srv/hotfix/"},
      {"recovery@bastion.example.internal:/srv/"},
      {"recovery@bastion.example.internal:/srv"},
      {"install", "node@24"},
      {"install", "python@3x12"},
      {"install", "python@3.12"},
      {"upgrade", "node@24", "wget"},
      {"a", "b"},
      {"axyz", "b"},
      {"k=v"},
      {"k"},
      {"=", "x"},
      {"status", "x", "y", "z", "w"},
  };
  for (const std::string& text : rules) {
    const auto parsed = clawgate::rule::ParseRule(text);
    if (!parsed.rule || !parsed.rule->args) {
      std::cerr << "argpattern_cases: bad rule " << text << "\n";
      return 1;
    }
    const auto arg_pattern = clawgate::ToArgPattern(*parsed.rule->args);
    for (const auto& args : argvs) {
      nlohmann::json line = {{"rule", text},
                             {"pattern", parsed.rule->path_glob},
                             {"args", args},
                             {"expected", clawgate::rule::MatchesArgv(*parsed.rule->args, args)}};
      if (arg_pattern) line["argPattern"] = *arg_pattern;
      std::cout << line.dump() << "\n";
    }
  }
  return 0;
}
