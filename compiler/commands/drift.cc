#include "compiler/commands/drift.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "compiler/commands/compile.h"
#include "compiler/fleet/drift.h"
#include "compiler/fleet/prometheus_client.h"
#include "compiler/fleet/revision_index.h"
#include "compiler/fleet/status_reports.h"
#include "compiler/git/git.h"
#include "runtime/base/file_io.h"
#include "runtime/base/timestamp.h"

namespace clawgate {

std::optional<int64_t> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  int64_t unit = 1;
  std::string digits = text;
  switch (text.back()) {
    case 's':
      digits.pop_back();
      break;
    case 'm':
      unit = 60;
      digits.pop_back();
      break;
    case 'h':
      unit = 3600;
      digits.pop_back();
      break;
    case 'd':
      unit = 86400;
      digits.pop_back();
      break;
    default:
      break;
  }
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoll(digits) * unit;
}

CommandResult RunDrift(const DriftOptions& options) {
  if (options.status_files.empty() == !options.prometheus) {
    return Failure(ExitCode::kUsage, kProgram, "drift takes --status FILE... or --prometheus URL");
  }
  std::string error;
  const auto repo = GitRepository::Open(options.repo, &error);
  if (!repo) return Failure(ExitCode::kUsage, kProgram, error);
  const auto index = RevisionIndex::Build(*repo, options.ref, options.policy, &error);
  if (!index) return Failure(ExitCode::kUsage, kProgram, error);

  std::vector<HostReport> reports;
  std::vector<ReportProblem> problems;
  if (options.prometheus) {
    auto answered = QueryPrometheusReports(*options.prometheus, &error);
    if (!answered) return Failure(ExitCode::kIntegrity, kProgram, error);
    reports = std::move(*answered);
  }
  for (const std::string& file : options.status_files) {
    const auto text = ReadFileLimited(file, &error, ReadOptions{size_t{256} << 20, false});
    if (!text) return Failure(ExitCode::kIntegrity, kProgram, file + ": " + error);
    ReadStatusReports(file, *text, &reports, &problems);
  }
  const DriftResult result = JudgeDrift(*index, reports, options.at, options.max_age_seconds);

  CommandResult r;
  r.exit_code = result.failed ? ExitCode::kFinding : ExitCode::kOk;
  if (options.format == OutputFormat::kJson) {
    nlohmann::ordered_json out;
    out["ok"] = !result.failed;
    out["ref"] = options.ref;
    out["commit"] = index->tip();
    out["max_region_lag"] = index->max_region_lag();
    out["latest"] = index->latest();
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const RegionRow& row : result.rows) {
      rows.push_back({{"env", row.env},
                      {"region", row.region},
                      {"revision", row.revision ? nlohmann::ordered_json(*row.revision) : nlohmann::ordered_json()},
                      {"lag", row.lag ? nlohmann::ordered_json(*row.lag) : nlohmann::ordered_json()},
                      {"hosts", row.hosts},
                      {"stale_hosts", row.stale_hosts},
                      {"verdict", row.verdict},
                      {"reasons", row.reasons}});
    }
    out["regions"] = std::move(rows);
    nlohmann::ordered_json bad = nlohmann::ordered_json::array();
    for (const ReportProblem& p : problems) {
      bad.push_back({{"file", p.where.file}, {"line", p.where.line}, {"message", p.message}});
    }
    out["malformed"] = std::move(bad);
    r.out = out.dump(2) + "\n";
    return r;
  }
  std::ostringstream out;
  out << "drift against " << options.ref << " (" << index->tip().substr(0, 12) << "), " << index->commits()
      << " commits, " << index->trees() << " policy trees; at most " << index->max_region_lag()
      << " revision(s) behind; reports newer than " << FormatUtcTimestamp(options.at - options.max_age_seconds)
      << "\n\n";
  out << "env        region  revision  lag  hosts  verdict\n";
  for (const RegionRow& row : result.rows) {
    char line[256];
    std::snprintf(line, sizeof line, "%-10s %-7s %-9s %-4s %-6d %s\n", row.env.c_str(), row.region.c_str(),
                  row.revision ? std::to_string(*row.revision).c_str() : "-",
                  row.lag ? std::to_string(*row.lag).c_str() : "-", row.hosts, row.verdict.c_str());
    out << line;
    for (const std::string& reason : row.reasons) out << "    " << reason << "\n";
  }
  for (const ReportProblem& p : problems) {
    r.err += p.where.file + ":" + std::to_string(p.where.line) + ": warning: " + p.message + " (line skipped)\n";
  }
  out << "\n" << (result.failed ? "FAIL" : "ok") << "\n";
  r.out = out.str();
  return r;
}

void AddDriftCommand(cli::Program& program) {
  CLI::App* command = program.AddCommand(
      "drift", "the fleet drift gate: each region's revision and lag, from host status files or Prometheus");
  auto options = std::make_shared<DriftOptions>();
  auto at = std::make_shared<std::string>();
  auto prometheus = std::make_shared<std::string>();
  auto max_age = std::make_shared<std::string>("24h");
  command->add_option("--repo", options->repo, "the git repository (any folder inside it)");
  command->add_option("--policy", options->policy, "the policy folder, relative to the repository root");
  command->add_option("--ref", options->ref, "the branch whose latest revision is the reference");
  command->add_option("--status", options->status_files, "status files: JSON lines or Prometheus text")
      ->expected(1, -1);
  command->add_option("--prometheus", *prometheus, "the fleet's Prometheus (http://host:port)");
  command->add_option("--max-age", *max_age, "the oldest report that counts (24h, 90m, 2d)");
  cli::AddAtOption(command, at.get());
  cli::AddFormatOption(command, &options->format, {OutputFormat::kText, OutputFormat::kJson});
  program.OnRun(command, [options, at, prometheus, max_age] {
    std::string error;
    const auto when = cli::ResolveAt(*at, &error);
    if (!when) return Failure(ExitCode::kUsage, kProgram, error);
    DriftOptions resolved = *options;
    resolved.at = *when;
    if (!prometheus->empty()) resolved.prometheus = *prometheus;
    const auto age = ParseDuration(*max_age);
    if (!age) return Failure(ExitCode::kUsage, kProgram, "--max-age: not a duration: " + *max_age);
    resolved.max_age_seconds = *age;
    return RunDrift(resolved);
  });
}

}  // namespace clawgate
